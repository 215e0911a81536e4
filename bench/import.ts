/**
 * `npm run bench` (import part): 10,000 partner rows from a CSV, as the
 * dashboard sends them. The CSV (a HubSpot-style companies export) is parsed
 * with papaparse, its columns mapped by shared/import, and the rows sent to
 * POST /v1/imports in batches of the API's size, one after another, against
 * `wrangler dev` on an empty local D1: a dry run, the import, and the same
 * file again (which must change nothing). Target: the import under a minute.
 * Writes its own section of BENCHMARKS.md.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import Papa from "papaparse";
import { mapColumns } from "../shared/import/columns.ts";
import { toImportRow, type ImportRow } from "../shared/import/to-rows.ts";
import { maxImportRows, type ImportResult } from "../shared/schemas/import.ts";
import { bundleWorker, startDevServer, stopAllDevServers } from "./dev-server.ts";
import { machineInfo } from "./machine-info.ts";
import { writeMarkedSection } from "./marked-section.ts";
import { seedLocalD1 } from "./seed-local-d1.ts";

const rowCount = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const port = Number(process.env.BENCH_PORT ?? 8793);
const targetSeconds = 60;
const kinds = ["Reseller", "Managed Service Provider", "System Integrator", "Technology Partner", "Distributor"];

/** A companies export as HubSpot writes it, one partner per row, each with its own domain and id. */
function companiesCsv(): string {
  const lines = ["Record ID,Company name,Company Domain Name,Type,Partner Tier,Create Date,City"];
  for (let index = 0; index < rowCount; index++) {
    const id = String(30_000_000_000 + index);
    lines.push(`${id},"Partner ${index}, Ltd",bench-partner-${String(index).padStart(6, "0")}.com,${kinds[index % kinds.length]},${["Gold", "Silver", ""][index % 3]},2025-0${1 + (index % 9)}-1${index % 10} 09:30,Leeds`);
  }
  return lines.join("\n");
}

interface Pass {
  seconds: number;
  requests: number;
  totals: Record<"created" | "updated" | "unchanged" | "errors", number>;
}

async function send(baseUrl: string, token: string, rows: ImportRow[], dryRun: boolean): Promise<Pass> {
  const totals = { created: 0, updated: 0, unchanged: 0, errors: 0 };
  let requests = 0;
  const started = performance.now();
  for (let start = 0; start < rows.length; start += maxImportRows) {
    const response = await fetch(`${baseUrl}/v1/imports`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ kind: "partners", dry_run: dryRun, rows: rows.slice(start, start + maxImportRows) }),
      signal: AbortSignal.timeout(120_000),
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`POST /v1/imports answered HTTP ${response.status}: ${text.slice(0, 500)}`);
    const result = JSON.parse(text) as ImportResult;
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += result[key];
    requests++;
  }
  return { seconds: (performance.now() - started) / 1000, requests, totals };
}

async function main() {
  const csv = companiesCsv();
  const parseStart = performance.now();
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  const mapping = mapColumns("partners", parsed.meta.fields ?? []);
  const rows = parsed.data.map((record, index) => toImportRow("partners", record, mapping, index + 2));
  const parseSeconds = (performance.now() - parseStart) / 1000;
  console.log(`Parsed and mapped ${rows.length.toLocaleString("en")} rows (${(csv.length / 1e6).toFixed(1)} MB) in ${parseSeconds.toFixed(2)} s`);

  const dataDir = mkdtempSync(join(tmpdir(), "mutual-import-bench-"));
  try {
    const seeded = await seedLocalD1({ dataDir, partnerCount: 0, now: new Date(), loader: "sqlite" });
    const bundle = await bundleWorker(join(dataDir, "bundle"));
    const server = await startDevServer({ bundle, dataDir, port, logFile: join(dataDir, "wrangler.log") });
    try {
      const dryRun = await send(server.baseUrl, seeded.token, rows, true);
      console.log(`  dry run: ${dryRun.seconds.toFixed(1)} s, ${JSON.stringify(dryRun.totals)}`);
      const first = await send(server.baseUrl, seeded.token, rows, false);
      console.log(`  import: ${first.seconds.toFixed(1)} s, ${JSON.stringify(first.totals)}`);
      const again = await send(server.baseUrl, seeded.token, rows, false);
      console.log(`  same file again: ${again.seconds.toFixed(1)} s, ${JSON.stringify(again.totals)}`);
      if (first.totals.created !== rowCount || again.totals.unchanged !== rowCount) {
        throw new Error(`expected ${rowCount} created then ${rowCount} unchanged, got ${JSON.stringify(first.totals)} then ${JSON.stringify(again.totals)}`);
      }
      writeSection(parseSeconds, dryRun, first, again);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function writeSection(parseSeconds: number, dryRun: Pass, first: Pass, again: Pass) {
  const machine = machineInfo();
  const rate = (pass: Pass) => Math.round(rowCount / pass.seconds).toLocaleString("en");
  writeMarkedSection("BENCHMARKS.md", "import", `## Import from CSV

\`npm run bench\` (bench/import.ts). Measured ${machine.date} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}, wrangler ${machine.wrangler}.
${rowCount.toLocaleString("en")} partner rows (a HubSpot-style companies export), parsed with papaparse and mapped by shared/import, sent to \`POST /v1/imports\` ${maxImportRows} rows per request, one request after another, against \`wrangler dev\` on an empty local D1. Target: the import in under ${targetSeconds} s.

| pass | wall time | requests | rows per second | outcome |
|---|--:|--:|--:|---|
| parse and map the CSV (Node) | ${parseSeconds.toFixed(2)} s | – | – | ${rowCount.toLocaleString("en")} rows |
| dry run | ${dryRun.seconds.toFixed(1)} s | ${dryRun.requests} | ${rate(dryRun)} | ${dryRun.totals.created.toLocaleString("en")} would be created |
| import | ${first.seconds.toFixed(1)} s | ${first.requests} | ${rate(first)} | ${first.totals.created.toLocaleString("en")} created ${first.seconds < targetSeconds ? "(under the target)" : "(**over the target**)"} |
| the same file again | ${again.seconds.toFixed(1)} s | ${again.requests} | ${rate(again)} | ${again.totals.unchanged.toLocaleString("en")} unchanged, nothing written |

- Each request is one all-or-nothing D1 batch: per new partner its row, its domain, its first plan version and its audit entry.
- Wall time on \`wrangler dev\` is an upper bound on this shared 2-core machine: local D1 runs beside the Worker.`);
  console.log("BENCHMARKS.md: import section written.");
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => void stopAllDevServers());
