/**
 * `node bench/cpu-per-request.ts [--bundle a.js --bundle b.js] [--partners 1000] [--block 80] [--rounds 6]`:
 * what one /v1/lookup costs the server in CPU time, against one /healthz,
 * for comparing worker builds on a busy machine, where latency and
 * throughput mostly measure the neighbours. Each bundle (by default this
 * tree's worker) is served by its own `wrangler dev` from a copy of one
 * seeded D1, all at once; /healthz and the lookup mix go to each in turn,
 * in alternating blocks, and the CPU time the server's processes used during
 * a block (Linux /proc) is divided by its requests. Sequential requests, so
 * a block's CPU is its requests' own. Not part of `npm run bench`.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { bundleWorker, startDevServer, stopAllDevServers, type DevServer } from "./dev-server.ts";
import { timedRequest, type BenchRequest } from "./http-latency.ts";
import { lookupMix, readLookupSamples } from "./lookup-queries.ts";
import { seedLocalD1 } from "./seed-local-d1.ts";

function settings() {
  const { values } = parseArgs({
    args: process.argv.slice(2), strict: true,
    options: {
      bundle: { type: "string", multiple: true }, partners: { type: "string" }, block: { type: "string" },
      rounds: { type: "string" }, port: { type: "string" },
    },
  });
  const whole = (name: string, text: string | undefined, fallback: number, min: number, max: number) => {
    const value = text === undefined ? fallback : Number(text);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
    return value;
  };
  return {
    bundles: (values.bundle ?? []).map((path) => resolve(path)),
    partners: whole("partners", values.partners, 1_000, 100, 10_000), block: whole("block", values.block, 80, 10, 1_000),
    rounds: whole("rounds", values.rounds, 6, 1, 50), port: whole("port", values.port, 8880, 1024, 65_000),
  };
}

const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

/** CPU milliseconds (user + system) used so far by every live process in the group. */
function groupCpuMs(group: number): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // ended while we looked
    }
    // After "pid (comm) ": state, ppid, pgrp, … utime is field 14 and stime 15 of the whole line.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1_000) / ticksPerSecond;
}

interface Served { label: string; server: DevServer }

/** CPU ms per request of `count` requests sent one at a time. */
async function cpuPerRequest(served: Served, count: number, requestAt: (index: number) => BenchRequest): Promise<number> {
  const before = groupCpuMs(served.server.processGroup);
  for (let index = 0; index < count; index++) await timedRequest(served.server.baseUrl, requestAt(index));
  return (groupCpuMs(served.server.processGroup) - before) / count;
}

async function main(): Promise<void> {
  const options = settings();
  const root = mkdtempSync(join(tmpdir(), "mutual-cpu-"));
  try {
    const bundles = options.bundles.length > 0 ? options.bundles : [await bundleWorker(join(root, "bundle"))];
    console.log(`seeding ${options.partners} partners…`);
    const seeded = await seedLocalD1({ dataDir: join(root, "seed"), partnerCount: options.partners, now: new Date(), loader: "sqlite" });
    const mix = lookupMix(readLookupSamples(seeded.sqliteFile), seeded.token);
    const targets = [
      { name: "healthz", requestAt: (): BenchRequest => ({ path: "/healthz" }) },
      { name: "lookup", requestAt: (index: number) => mix[index % mix.length]! },
    ];
    const servers: Served[] = [];
    for (const [k, bundle] of bundles.entries()) {
      const dataDir = join(root, `data-${k}`);
      cpSync(seeded.dataDir, dataDir, { recursive: true });
      const server = await startDevServer({ bundle, dataDir, port: options.port + k, logFile: join(root, `wrangler-${k}.log`) });
      servers.push({ label: bundles.length > 1 ? bundle : "this tree's worker", server });
      // Every lookup once unrecorded: the first of a never-scored partner scores it and stores the score.
      for (let index = 0; index < mix.length * 2; index++) await timedRequest(server.baseUrl, targets[index % 2]!.requestAt(index));
    }
    const totals = new Map<string, number>();
    // Each round's own lookup ÷ healthz, for the spread: one busy neighbour can skew a round.
    const roundRatios = new Map<string, number[]>();
    for (let round = 0; round < options.rounds; round++) {
      const blocks = servers.flatMap((served) => targets.map((target) => ({ served, target })));
      if (round % 2 === 1) blocks.reverse();
      const thisRound = new Map<string, number>();
      for (const { served, target } of blocks) {
        const ms = await cpuPerRequest(served, options.block, (index) => target.requestAt(index + round * options.block));
        const key = `${served.label}\n${target.name}`;
        totals.set(key, (totals.get(key) ?? 0) + ms / options.rounds);
        thisRound.set(key, ms);
      }
      for (const { label } of servers) {
        roundRatios.set(label, [...(roundRatios.get(label) ?? []), thisRound.get(`${label}\nlookup`)! / thisRound.get(`${label}\nhealthz`)!]);
      }
    }
    console.log(`CPU per request, ${options.rounds} rounds of ${options.block} requests per block:`);
    for (const { label } of servers) {
      const healthz = totals.get(`${label}\nhealthz`)!;
      const lookup = totals.get(`${label}\nlookup`)!;
      const spread = roundRatios.get(label)!;
      console.log(`- ${label}: /healthz ${healthz.toFixed(2)} ms, /v1/lookup ${lookup.toFixed(2)} ms, lookup ÷ healthz ${(lookup / healthz).toFixed(2)}× ` +
        `(per round ${Math.min(...spread).toFixed(2)}–${Math.max(...spread).toFixed(2)}×)`);
    }
  } finally {
    await stopAllDevServers();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
