/**
 * `npm run bench` (second part): what the health score costs.
 * 1. Pure scoring in Node (V8, as in workerd): 10k demo partners with their
 *    whole history, scored 5 times; per-partner time with its spread.
 * 2. The Worker's nightly refresh over the same 10k partners on local D1
 *    (wrangler dev --test-scheduled, /cdn-cgi/local/scheduled), wall time, and every partner snapshotted.
 * Writes its own section of BENCHMARKS.md.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { demoTableChunks } from "../demo/demo-data.ts";
import type { PartnershipHistory } from "../shared/health/history.ts";
import { scorePartnership } from "../shared/health/score-partnership.ts";
import { localD1, queryRows } from "../scripts/local-d1.ts";
import { bundleWorker, startDevServer, stopAllDevServers } from "./dev-server.ts";
import { machineInfo } from "./machine-info.ts";
import { seedLocalD1 } from "./seed-local-d1.ts";
import { writeMarkedSection } from "./marked-section.ts";

const partnerCount = 10_000;
const rounds = 5;
const port = Number(process.env.BENCH_PORT ?? 8791);
const now = new Date();

/** The same facts worker/db/partnership-history.ts reads, from the generated rows. */
function histories(): PartnershipHistory[] {
  const byId = new Map<string, PartnershipHistory>();
  for (const chunk of demoTableChunks({ now, partnerCount })) {
    for (const p of chunk.partners) {
      byId.set(p.id, { partner: { name: p.name, status: p.status, cadence_days: p.cadence_days, created_at: p.created_at }, interactions: [], commitments: [], referrals: [], goals: [], meetings: [] });
    }
    for (const i of chunk.interactions) byId.get(i.partner_id)?.interactions.push({ kind: i.kind, direction: i.direction, occurred_at: i.occurred_at } as never);
    for (const c of chunk.commitments) byId.get(c.partner_id)?.commitments.push({ owed_by: c.owed_by, status: c.status, due_on: c.due_on, completed_at: c.completed_at, created_at: c.created_at } as never);
    for (const r of chunk.referrals) {
      byId.get(r.partner_id)?.referrals.push({ direction: r.direction, stage: r.stage, submitted_at: r.submitted_at, stage_history: JSON.parse(r.stage_history_json), amount_minor: r.amount_minor, currency: r.currency } as never);
    }
    for (const g of chunk.goals) byId.get(g.partner_id)?.goals.push({ title: g.title, target: g.target, current: g.current, due_on: g.due_on, last_reviewed_at: g.last_reviewed_at, created_at: g.created_at } as never);
    for (const m of chunk.meetings) byId.get(m.partner_id)?.meetings.push({ occurred_at: m.occurred_at, notes: m.notes, decisions: JSON.parse(m.decisions_json) });
  }
  return [...byId.values()];
}

function pureScoring() {
  const all = histories();
  const events = all.reduce((sum, h) => sum + h.interactions.length + h.commitments.length + h.referrals.length + h.goals.length + h.meetings.length, 0);
  scorePartnership(all[0]!, now); // warm the JIT
  const perPartnerUs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (const history of all) scorePartnership(history, now);
    perPartnerUs.push(((performance.now() - start) * 1000) / all.length);
  }
  perPartnerUs.sort((a, b) => a - b);
  return { partners: all.length, eventsPerPartner: events / all.length, medianUs: perPartnerUs[Math.floor(rounds / 2)]!, minUs: perPartnerUs[0]!, maxUs: perPartnerUs[rounds - 1]! };
}

async function nightlyRefresh() {
  const dataDir = mkdtempSync(join(tmpdir(), "mutual-health-bench-"));
  try {
    const seeded = await seedLocalD1({ dataDir, partnerCount, now, loader: "sqlite" });
    const bundle = await bundleWorker(join(dataDir, "bundle"));
    const server = await startDevServer({ bundle, dataDir, port, logFile: join(dataDir, "wrangler.log"), extraArgs: ["--test-scheduled"] });
    try {
      const start = performance.now();
      const response = await fetch(`${server.baseUrl}/cdn-cgi/local/scheduled?cron=17+3+*+*+*`, { signal: AbortSignal.timeout(900_000) });
      await response.text();
      const seconds = (performance.now() - start) / 1000;
      if (!response.ok) throw new Error(`the scheduled trigger answered HTTP ${response.status}`);
      process.env.MUTUAL_DATA_DIR = dataDir;
      const [row] = await queryRows<{ snapshots: number; scored: number }>(
        `SELECT (SELECT COUNT(*) FROM health_snapshots WHERE workspace_id = '${seeded.workspaceId}') AS snapshots,
                (SELECT COUNT(*) FROM partners WHERE workspace_id = '${seeded.workspaceId}' AND health_json IS NOT NULL) AS scored`, localD1);
      return { seconds, snapshots: row!.snapshots, scored: row!.scored };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(`Scoring ${partnerCount.toLocaleString("en")} partners in Node, ${rounds} rounds…`);
  const pure = pureScoring();
  console.log(`  ${pure.medianUs.toFixed(1)} µs per partner (rounds ${pure.minUs.toFixed(1)}–${pure.maxUs.toFixed(1)}), ${pure.eventsPerPartner.toFixed(1)} events each`);
  console.log(`Nightly refresh in the Worker over ${partnerCount.toLocaleString("en")} partners on local D1…`);
  const nightly = await nightlyRefresh();
  console.log(`  ${nightly.seconds.toFixed(1)} s wall, ${nightly.scored} partners scored, ${nightly.snapshots} snapshots`);
  if (nightly.scored !== partnerCount) throw new Error(`expected ${partnerCount} partners scored, found ${nightly.scored}`);

  const machine = machineInfo(now);
  const cpuSeconds = (pure.medianUs * partnerCount) / 1e6;
  writeMarkedSection("BENCHMARKS.md", "health", `## Health score

\`npm run bench\` (bench/health-bench.ts). Measured ${machine.date} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}, wrangler ${machine.wrangler}.

| what | figure |
|---|--:|
| scoring one partner (pure, V8), median of ${rounds} rounds over ${partnerCount.toLocaleString("en")} demo partners | ${pure.medianUs.toFixed(1)} µs (rounds: ${pure.minUs.toFixed(1)}–${pure.maxUs.toFixed(1)} µs) |
| history per partner (interactions, commitments, referrals, goals, meetings) | ${pure.eventsPerPartner.toFixed(1)} events |
| scoring all ${partnerCount.toLocaleString("en")} partners, CPU | ${cpuSeconds.toFixed(2)} s |
| nightly refresh in the Worker (wrangler dev, local D1): load histories, score, store score and snapshot | ${nightly.seconds.toFixed(1)} s wall for ${nightly.scored.toLocaleString("en")} partners (${((nightly.seconds * 1000) / partnerCount).toFixed(2)} ms each) |

- The score itself costs ${cpuSeconds.toFixed(2)} s of CPU for ${partnerCount.toLocaleString("en")} partners, about ${((cpuSeconds / 30) * 100).toFixed(1)}% of the 30 s CPU a Cron Trigger gets by default on Workers Paid (configurable to 5 minutes); most of the refresh's wall time is waiting on D1 (histories are read 90 partners per batch, writes go 50 partners per batch), which Workers do not count as CPU.
- Wall time on \`wrangler dev\` is an upper bound on this shared 2-core machine: local D1 runs in the same process group as the Worker.`);
  console.log("BENCHMARKS.md: health section written.");
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => void stopAllDevServers());
