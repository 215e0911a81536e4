/**
 * `node bench/load-test.ts [--seconds 5] [--concurrency 16,32] [--partners 1000] [--bundle <worker .js>]`
 * (part of `npm run bench`): /healthz, lookups and keyed writes from 16 and 32
 * concurrent clients for a fixed time each, on 127.0.0.1 only, against the
 * worker bundled once and a seeded local D1. Prints throughput and
 * p50/p95/p99 per phase, counts every error, then checks that every write the
 * server acknowledged is in the database. Exits 1 on any error or lost write.
 *
 * Each client has its own API token (created through POST /v1/tokens), as
 * separate users would: the per-token rate limit is part of what is measured,
 * and one token at this rate would be turned away by design.
 *
 * --bundle serves a worker built elsewhere (wrangler deploy --dry-run --outdir
 * …), to compare two builds back to back; BENCHMARKS.md is then left alone.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { bundleWorker, loopback, startDevServer, stopAllDevServers } from "./dev-server.ts";
import { percentile, type BenchRequest } from "./http-latency.ts";
import { lookupMix, readLookupSamples, type SamplePartner } from "./lookup-queries.ts";
import { machineInfo } from "./machine-info.ts";
import { repoRoot } from "../scripts/local-d1.ts";
import { writeMarkedSection } from "./marked-section.ts";
import { seedLocalD1 } from "./seed-local-d1.ts";

interface Settings { seconds: number; concurrency: number[]; partners: number; port: number; bundle: string | undefined }

function settings(): Settings {
  const { values } = parseArgs({
    args: process.argv.slice(2), strict: true,
    options: {
      seconds: { type: "string" }, concurrency: { type: "string" }, partners: { type: "string" }, port: { type: "string" }, bundle: { type: "string" },
    },
  });
  const bounded = (name: string, text: string | undefined, fallback: number, min: number, max: number) => {
    const value = text === undefined ? fallback : Number(text);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
    return value;
  };
  const concurrency = (values.concurrency ?? "16,32").split(",").map((part) => bounded("concurrency", part, 16, 1, 64));
  return {
    seconds: bounded("seconds", values.seconds, 5, 1, 30), concurrency,
    partners: bounded("partners", values.partners, 1_000, 100, 10_000), port: bounded("port", values.port, 8795, 1024, 65_535),
    bundle: values.bundle === undefined ? undefined : resolve(values.bundle),
  };
}

// A bound on each phase besides its time, so a fast machine can't run away.
const maxRequestsPerPhase = 50_000;

interface Outcome { ms: number; error: string | null }
interface PhaseResult { name: string; concurrency: number; seconds: number; outcomes: Outcome[] }

/** `concurrency` clients, each sending its next request as soon as the last one answered, until time is up. */
async function runPhase(name: string, concurrency: number, seconds: number, send: (client: number, n: number) => Promise<void>): Promise<PhaseResult> {
  const outcomes: Outcome[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1_000;
  await Promise.all(Array.from({ length: concurrency }, async (_, client) => {
    for (let n = 0; performance.now() < deadline && outcomes.length < maxRequestsPerPhase; n++) {
      const begun = performance.now();
      let error: string | null = null;
      try {
        await send(client, n);
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
      }
      outcomes.push({ ms: performance.now() - begun, error });
    }
  }));
  return { name, concurrency, seconds: (performance.now() - started) / 1_000, outcomes };
}

async function expectOk(response: Response, what: string): Promise<string> {
  const body = await response.text();
  if (response.status < 200 || response.status >= 300) throw new Error(`${what} answered ${response.status}: ${body.slice(0, 200)}`);
  return body;
}

/** One token per client, made by the owner through the API. */
async function clientTokens(baseUrl: string, ownerToken: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let k = 0; k < count; k++) {
    const response = await fetch(`${baseUrl}/v1/tokens`, {
      method: "POST",
      headers: { Authorization: `Bearer ${ownerToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ label: `load test client ${k}` }),
    });
    tokens.push((JSON.parse(await expectOk(response, "POST /v1/tokens")) as { token: string }).token);
  }
  return tokens;
}

function row(result: PhaseResult): string {
  const times = result.outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
  const errors = result.outcomes.filter((outcome) => outcome.error).length;
  const ms = (value: number) => value.toFixed(1).padStart(7);
  return `| ${String(result.concurrency).padStart(3)} | ${result.name.padEnd(8)} | ${String(result.outcomes.length).padStart(6)} | ` +
    `${(result.outcomes.length / result.seconds).toFixed(0).padStart(6)} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ` +
    `${ms(percentile(times, 99))} | ${String(errors).padStart(6)} |`;
}

/** Throughput of a phase relative to /healthz at the same concurrency, the figure our throughput target is stated in. */
function ratios(results: PhaseResult[]): string[] {
  const rate = (result: PhaseResult) => result.outcomes.length / result.seconds;
  return results.filter((result) => result.name !== "healthz").map((result) => {
    const healthz = results.find((other) => other.name === "healthz" && other.concurrency === result.concurrency);
    return healthz ? `${result.name} at ${result.concurrency} clients: ${(rate(result) / rate(healthz)).toFixed(2)}× /healthz throughput` : "";
  }).filter(Boolean);
}

function recordSection(options: Settings, table: string[], summary: string[], results: PhaseResult[]): void {
  const machine = machineInfo();
  writeMarkedSection(join(repoRoot, "BENCHMARKS.md"), "load", [
    "## Load: lookups and writes under concurrency",
    "",
    `\`npm run bench\` (bench/load-test.ts). Measured ${machine.date} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}, wrangler ${machine.wrangler}.`,
    `${options.partners.toLocaleString("en")} partners, ${options.seconds} s per phase, each client with its own token, on ${loopback} only; /healthz, lookups and keyed writes in turn at each concurrency, in one run on one server.`,
    "",
    ...table,
    "",
    ...ratios(results).map((line) => `- ${line}`),
    ...summary.map((line) => `- ${line}`),
  ].join("\n"));
}

async function main(): Promise<number> {
  const options = settings();
  const root = mkdtempSync(join(tmpdir(), "mutual-load-"));
  try {
    console.log(`load test: ${options.partners} partners, ${options.seconds} s per phase at concurrency ${options.concurrency.join(" and ")}, on ${loopback}`);
    const bundle = options.bundle ?? (await bundleWorker(join(root, "bundle")));
    const seeded = await seedLocalD1({ dataDir: join(root, "data"), partnerCount: options.partners, now: new Date(), loader: "sqlite" });
    const samples = readLookupSamples(seeded.sqliteFile, Math.max(...options.concurrency));
    const server = await startDevServer({ bundle, dataDir: seeded.dataDir, port: options.port, logFile: join(root, "wrangler.log") });
    const base = server.baseUrl;
    const runId = Date.now().toString(36);
    const acknowledged = new Set<string>();
    const results: PhaseResult[] = [];
    let tokenOffset = 0;
    for (const concurrency of options.concurrency) {
      const tokens = await clientTokens(base, seeded.token, concurrency);
      tokenOffset += concurrency;
      const mixes: BenchRequest[][] = tokens.map((token) => lookupMix(samples, token));
      const auth = (client: number) => ({ Authorization: `Bearer ${tokens[client]}` });
      results.push(await runPhase("healthz", concurrency, options.seconds, async () => {
        await expectOk(await fetch(`${base}/healthz`), "GET /healthz");
      }));
      results.push(await runPhase("lookup", concurrency, options.seconds, async (client, n) => {
        const mix = mixes[client]!;
        const request = mix[(client + n) % mix.length]!;
        request.check?.(await expectOk(await fetch(`${base}${request.path}`, { headers: request.headers }), "GET /v1/lookup"));
      }));
      results.push(await runPhase("write", concurrency, options.seconds, async (client, n) => {
        // Each client writes to its own partner, as people on different accounts do.
        const partner: SamplePartner = samples.partners[client % samples.partners.length]!;
        const response = await fetch(`${base}/v1/partners/${partner.id}/interactions`, {
          method: "POST",
          headers: { ...auth(client), "Content-Type": "application/json", "Idempotency-Key": `load-${runId}-${concurrency}-${client}-${n}` },
          body: JSON.stringify({ kind: "note", direction: "outbound", occurred_at: new Date().toISOString(), summary: `load ${runId} ${concurrency}-${client}-${n}` }),
        });
        acknowledged.add((JSON.parse(await expectOk(response, "POST interactions")) as { id: string }).id);
      }));
    }
    await server.stop();

    const db = new DatabaseSync(seeded.sqliteFile, { readOnly: true });
    const stored = new Set((db.prepare("SELECT id FROM interactions WHERE summary LIKE ?").all(`load ${runId} %`) as { id: string }[]).map((r) => r.id));
    db.close();
    const lost = [...acknowledged].filter((id) => !stored.has(id)).length;
    const extra = [...stored].filter((id) => !acknowledged.has(id)).length;

    const table = ["| clients | phase | requests | req/s | p50 ms | p95 ms | p99 ms | errors |", "|---:|---|---:|---:|---:|---:|---:|---:|", ...results.map(row)];
    const errors = results.flatMap((result) => result.outcomes.filter((outcome) => outcome.error).map((outcome) => `${result.name}@${result.concurrency}: ${outcome.error}`));
    const summary = [
      `writes acknowledged: ${acknowledged.size}; in the database: ${stored.size}; lost: ${lost}; unacknowledged extra: ${extra}`,
      `errors: ${errors.length}${errors.length ? ` (first: ${errors.slice(0, 3).join(" | ")})` : ""}; client tokens: ${tokenOffset}`,
    ];
    console.log(`\n${table.join("\n")}\n\n${summary.join("\n")}`);
    if (options.bundle === undefined) recordSection(options, table, summary, results);
    return errors.length === 0 && lost === 0 ? 0 : 1;
  } finally {
    await stopAllDevServers();
    rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`load test: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
