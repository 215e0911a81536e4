/**
 * `npm run bench [-- --sizes 1000,10000]`: the lookup API at 1k, 10k and 100k
 * partners (bench/lookup-bench.ts), its query plans at the largest size
 * (bench/query-plans.ts), a markdown table on stdout and in BENCHMARKS.md.
 *
 * Exits 1 when a lookup-path query plan reads a whole table or workspace (the
 * plans are the worker's own statements, bench/lookup-sql.ts), or when rows
 * read per lookup grow with the partner count. A lookup p95 over 1.5×
 * /healthz is reported but does not fail: latency on a shared 2-core machine
 * is noisy, rows read are not.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "../scripts/local-d1.ts";
import { bundleWorker, ensurePortFree, stopAllDevServers } from "./dev-server.ts";
import { benchSize, type SizeResult } from "./lookup-bench.ts";
import { machineInfo } from "./machine-info.ts";
import {
  type Checks, checksMarkdown, latencyTarget, formatDuration, lookupSection, plansText, ratio, resultsTable, byKindTable, writeSection,
} from "./report.ts";
import { type Loader, loaders } from "./seed-local-d1.ts";

const defaultSizes = [1_000, 10_000, 100_000];
const usage = `Usage: npm run bench -- [--sizes 1000,10000,100000] [--requests 300] [--warmup 50] [--rounds 3]
                        [--port 8790] [--loader sqlite|wrangler] [--bundle <worker .js>] [--write]
--bundle serves a worker built elsewhere (wrangler deploy --dry-run --outdir …), e.g. a candidate fix.
BENCHMARKS.md is written when all default sizes ran on this tree's worker, or with --write.`;

class UsageError extends Error {}

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2), strict: true,
      options: {
        sizes: { type: "string" }, requests: { type: "string" }, warmup: { type: "string" }, rounds: { type: "string" },
        port: { type: "string" }, loader: { type: "string" }, bundle: { type: "string" }, write: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) throw new UsageError("");
  const whole = (name: string, text: string | undefined, fallback: number, min: number, max: number) => {
    if (text === undefined) return fallback;
    const value = Number(text.replaceAll("_", ""));
    if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
    return value;
  };
  const sizes = values.sizes === undefined ? defaultSizes
    : [...new Set(values.sizes.split(",").map((text) => whole("sizes", text.trim(), 0, 1, 1_000_000)))].sort((a, b) => a - b);
  if (values.loader !== undefined && !loaders.includes(values.loader as Loader)) throw new UsageError(`--loader must be ${loaders.join(" or ")}`);
  const bundle = values.bundle === undefined ? undefined : resolve(values.bundle);
  if (bundle !== undefined && !existsSync(bundle)) throw new UsageError(`--bundle ${values.bundle}: no such file`);
  return {
    sizes,
    perRound: whole("requests", values.requests, 300, 20, 100_000),
    warmup: whole("warmup", values.warmup, 50, 0, 100_000),
    rounds: whole("rounds", values.rounds, 3, 1, 20),
    port: whole("port", values.port, 8790, 1024, 65_535),
    loader: (values.loader ?? "sqlite") as Loader,
    bundle,
    write: values.write === true || (bundle === undefined && defaultSizes.every((size) => sizes.includes(size))),
  };
}

function rowsReadGrowth(results: SizeResult[]): string | null {
  const smallest = results[0];
  const largest = results.at(-1);
  if (!smallest || !largest || largest.partners < 10 * smallest.partners) return null;
  const [small, large] = [smallest.lookupDb.rowsReadMean, largest.lookupDb.rowsReadMean];
  // Different sample partners have different amounts of history; only a real trend counts.
  if (large <= small * 1.5 + 50) return null;
  return `mean ${Math.round(small).toLocaleString("en")} at ${smallest.partners.toLocaleString("en")} partners → ` +
    `${Math.round(large).toLocaleString("en")} at ${largest.partners.toLocaleString("en")}`;
}

async function main(): Promise<number> {
  const settings = options();
  const started = performance.now();
  const log = (line: string) => console.log(`[${formatDuration((performance.now() - started) / 1_000).padStart(9)}] ${line}`);
  const scratch = mkdtempSync(join(tmpdir(), "mutual-bench-"));
  const cleanUp = async () => {
    await stopAllDevServers();
    rmSync(scratch, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  }
  try {
    await ensurePortFree(settings.port);
    if (settings.bundle) log(`serving ${settings.bundle} (not this tree's worker)`);
    else log("bundling the worker once for every size…");
    const bundle = settings.bundle ?? (await bundleWorker(join(scratch, "bundle")));
    const now = new Date();
    const results: SizeResult[] = [];
    const planSize = settings.sizes.at(-1)!;
    for (const partners of settings.sizes) {
      const dataDir = mkdtempSync(join(scratch, `d1-${partners}-`));
      try {
        const result = await benchSize({
          partners, dataDir, now, loader: settings.loader, bundle, port: settings.port, log,
          measure: { warmup: settings.warmup, perRound: settings.perRound, rounds: settings.rounds }, explain: partners === planSize,
        });
        results.push(result);
        log(`  lookup p95 ${result.lookup.p95.toFixed(2)} ms, healthz p95 ${result.healthz.p95.toFixed(2)} ms, ` +
          `rows read per lookup ${Math.round(result.lookupDb.rowsReadMean).toLocaleString("en")} (${result.seconds.total.toFixed(0)} s for this size)`);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }

    const plans = results.at(-1)?.plans ?? [];
    console.log(`\nQuery plans of the lookup path at ${planSize.toLocaleString("en")} partners (workerd's SQLite):\n${plansText(plans)}`);

    const checks: Checks = {
      planSize,
      planFailures: plans.filter((explained) => explained.problems.length > 0).map((explained) => explained.statement.name),
      rowsReadGrowth: rowsReadGrowth(results),
      latencyMisses: results.filter((result) => ratio(result) > latencyTarget).map((result) => `${result.partners.toLocaleString("en")} (${ratio(result).toFixed(1)}×)`),
    };
    const totalSeconds = (performance.now() - started) / 1_000;
    console.log(`\n${resultsTable(results)}\n\n${byKindTable(results)}\n\n${checksMarkdown(checks, results)}\n`);
    log(`done in ${formatDuration(totalSeconds)}`);
    if (settings.write) {
      const file = join(repoRoot, "BENCHMARKS.md");
      writeSection(file, lookupSection({
        results, checks, machine: machineInfo(), totalSeconds, loader: settings.loader,
        measure: { warmup: settings.warmup, perRound: settings.perRound, rounds: settings.rounds },
      }));
      log(`wrote the "Lookup API" section of ${file}`);
    } else {
      log("BENCHMARKS.md not written (not every default size, or --bundle); pass --write to record this run");
    }
    const failed = checks.planFailures.length > 0 || checks.rowsReadGrowth !== null;
    if (failed) console.error("\nnpm run bench: FAILED — see the ❌ checks above.");
    return failed ? 1 : 0;
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message ? `npm run bench: ${error.message}\n\n` : ""}${usage}`);
      process.exit(2);
    }
    console.error(`npm run bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
