/**
 * `npm run zip [-- --out-dir <dir>]`: the packages the Chrome Web Store and
 * addons.mozilla.org take (mutual-<version>-chrome.zip, -firefox.zip and the
 * -sources.zip Firefox's reviewers rebuild from), in .output/store/ so the
 * signed-in build `npm start` made in .output/chrome-mv3 stays as it was.
 * Each package is then checked as a reviewer would (scripts/store-package.ts)
 * and the Firefox one linted with Mozilla's own `web-ext lint`, offline.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { zip } from "wxt";
import { repoRoot } from "./local-d1.ts";
import { lintFirefoxPackage, packageProblems, readZip } from "./store-package.ts";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "out-dir": { type: "string" } } });
  const outDir = resolve(repoRoot, values["out-dir"] ?? join(".output", "store"));
  const { version } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
  // A store package starts signed out, whatever this shell or a .env file says.
  process.env.WXT_MUTUAL_API_URL = "";
  process.env.WXT_MUTUAL_API_TOKEN = "";
  const zips = [
    ...(await zip({ root: repoRoot, browser: "chrome", outDir })),
    ...(await zip({ root: repoRoot, browser: "firefox", outDir })),
  ];
  const problems: string[] = [];
  for (const path of zips.filter((file) => !file.endsWith("-sources.zip"))) {
    const files = readZip(readFileSync(path));
    problems.push(...packageProblems(files, version).map((problem) => `${path}: ${problem}`));
    if (path.endsWith("-firefox.zip")) problems.push(...lintFirefoxPackage(files).map((problem) => `${path}: ${problem}`));
  }
  if (problems.length > 0) {
    console.error(`npm run zip: the packages would not pass review:\n- ${problems.join("\n- ")}`);
    process.exit(1);
  }
  console.log(`Store packages for version ${version}, checked and linted:\n${zips.map((path) => `  ${path}`).join("\n")}`);
}

await main();
