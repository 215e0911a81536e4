/**
 * `npm run bench` (third part): the content scripts' size, gzipped, against
 * the 30 KB budget, one per site; each loads on every page of its site.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { repoRoot } from "../scripts/local-d1.ts";
import { machineInfo } from "./machine-info.ts";
import { writeMarkedSection } from "./marked-section.ts";

const budgetBytes = 30 * 1024;

const build = spawnSync(join(repoRoot, "node_modules", ".bin", "wxt"), ["build"], {
  cwd: repoRoot, encoding: "utf8", env: { ...process.env, WXT_MUTUAL_API_URL: "", WXT_MUTUAL_API_TOKEN: "" },
});
if (build.status !== 0) {
  console.error(`wxt build failed:\n${build.stdout}${build.stderr}`);
  process.exit(1);
}
const dir = join(repoRoot, ".output", "chrome-mv3", "content-scripts");
const rows = readdirSync(dir).filter((name) => name.endsWith(".js")).map((name) => {
  const bytes = readFileSync(join(dir, name));
  return { name, raw: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
});
const over = rows.filter((row) => row.gzipped > budgetBytes);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const machine = machineInfo();
writeMarkedSection("BENCHMARKS.md", "extension", `## Extension

\`npm run bench\` (bench/extension-size.ts), ${machine.date}: the production Chrome build's content scripts, one per site (Gmail, Outlook on the web, Salesforce, Google Calendar, HubSpot, LinkedIn), each loaded on every page of its site. Budget: ${kb(budgetBytes)} gzipped each.

| content script | size | gzipped | within budget |
|---|--:|--:|:-:|
${rows.map((row) => `| ${row.name} | ${kb(row.raw)} | ${kb(row.gzipped)} | ${row.gzipped <= budgetBytes ? "yes" : "**no**"} |`).join("\n")}

Preact and the sidebar make up most of it; the public-suffix list and zod stay in the background worker.
Paint time and main-thread cost: the "Extension: paint time and main-thread cost" section below.`);
for (const row of rows) console.log(`${row.name}: ${kb(row.gzipped)} gzipped`);
if (over.length > 0) {
  console.error(`Over the ${kb(budgetBytes)} budget: ${over.map((row) => row.name).join(", ")}`);
  process.exit(1);
}
