/**
 * One size of the lookup bench: seed a fresh local D1, optionally explain the
 * lookup path against it, serve it with wrangler dev, and time /healthz and
 * /v1/lookup side by side. The caller owns (and deletes) the data dir.
 */
import { loadavg } from "node:os";
import { join } from "node:path";
import { hashApiToken } from "../shared/api-token.ts";
import { candidateDomains } from "../shared/domains.ts";
import { salesforceKey } from "../shared/salesforce-id.ts";
import { startDevServer } from "./dev-server.ts";
import {
  type DbSummary, type LatencySummary, type Sample, measureInterleaved, summarizeDb, summarizeLatency,
} from "./http-latency.ts";
import { type LookupSamples, lookupMix, readLookupSamples } from "./lookup-queries.ts";
import type { PlanValues } from "./lookup-sql.ts";
import { type ExplainedStatement, explainLookupPath } from "./query-plans.ts";
import { type Loader, type SeededD1, seedLocalD1 } from "./seed-local-d1.ts";

export interface MeasurePlan { warmup: number; perRound: number; rounds: number }

export interface SizeResult {
  partners: number;
  seeded: Omit<SeededD1, "token">;
  healthz: LatencySummary;
  lookup: LatencySummary;
  lookupDb: DbSummary;
  /** Latency and rows read per kind of lookup (see lookup-queries.ts). */
  byKind: Map<string, { latency: LatencySummary; db: DbSummary }>;
  /** What the warm-up wrote: the first lookup of a never-scored partner stores its health score. */
  warmupRowsWritten: number;
  plans: ExplainedStatement[] | null;
  seconds: { seed: number; measure: number; total: number };
  /** The machine's 1-minute load average as the timing ended (others' work included). */
  loadAverage: number;
}

export async function benchSize(input: {
  partners: number; dataDir: string; now: Date; loader: Loader; bundle: string; port: number; measure: MeasurePlan;
  explain: boolean; log: (line: string) => void;
}): Promise<SizeResult> {
  const started = performance.now();
  const { dataDir } = input;
  input.log(`seeding ${input.partners.toLocaleString("en")} partners into ${dataDir} (${input.loader})…`);
  const { token, ...seeded } = await seedLocalD1({ dataDir, partnerCount: input.partners, now: input.now, loader: input.loader });
  const seedSeconds = (performance.now() - started) / 1_000;
  input.log(`  ${seeded.totalRows.toLocaleString("en")} rows, loaded in ${seeded.loadSeconds.toFixed(1)} s (${seedSeconds.toFixed(1)} s with migrations and checks)`);
  const samples = readLookupSamples(seeded.sqliteFile);

  let plans: ExplainedStatement[] | null = null;
  if (input.explain) {
    input.log("  explaining the lookup path…");
    plans = await explainLookupPath(await planValues(seeded, token, samples, input.now));
  }

  input.log(`  starting wrangler dev on 127.0.0.1:${input.port}…`);
  const server = await startDevServer({ bundle: input.bundle, dataDir, port: input.port, logFile: join(dataDir, "wrangler-dev.log") });
  const measureStarted = performance.now();
  let rounds: Map<string, Sample[][]>;
  let warmupRowsWritten = 0;
  let loadAverage = Number.NaN;
  try {
    const mix = lookupMix(samples, token);
    const targets = [
      { name: "healthz", requestAt: () => ({ path: "/healthz" }) },
      { name: "lookup", requestAt: (index: number) => mix[index % mix.length]! },
    ];
    // Every distinct lookup at least once before timing: the first lookup of
    // a never-scored partner scores it and stores the score.
    const warmup = Math.max(input.measure.warmup, mix.length);
    input.log(`  ${warmup} warm-up requests each, then ${input.measure.rounds} × ${input.measure.perRound} timed /healthz + /v1/lookup…`);
    const warm = await measureInterleaved(server.baseUrl, targets, { rounds: 1, perRound: warmup });
    warmupRowsWritten = summarizeDb(warm.get("lookup")!.flat()).rowsWritten;
    rounds = await measureInterleaved(server.baseUrl, targets, { rounds: input.measure.rounds, perRound: input.measure.perRound });
    loadAverage = loadavg()[0]!;
  } finally {
    await server.stop();
  }
  const lookupSamples = rounds.get("lookup")!.flat();
  const kinds = [...new Set(lookupSamples.map((sample) => sample.label))];
  return {
    partners: input.partners,
    seeded,
    healthz: summarizeLatency(rounds.get("healthz")!),
    lookup: summarizeLatency(rounds.get("lookup")!),
    lookupDb: summarizeDb(lookupSamples),
    byKind: new Map(kinds.map((kind) => {
      const ofKind = rounds.get("lookup")!.map((round) => round.filter((sample) => sample.label === kind));
      return [kind, { latency: summarizeLatency(ofKind), db: summarizeDb(ofKind.flat()) }];
    })),
    warmupRowsWritten,
    plans,
    seconds: { seed: seedSeconds, measure: (performance.now() - measureStarted) / 1_000, total: (performance.now() - started) / 1_000 },
    loadAverage,
  };
}

async function planValues(seeded: Omit<SeededD1, "token">, token: string, samples: LookupSamples, now: Date): Promise<PlanValues> {
  const [first, second] = samples.partners;
  return {
    workspaceId: seeded.workspaceId,
    tokenHash: await hashApiToken(token),
    tokenId: seeded.tokenId,
    nowIso: now.toISOString(),
    sinceIso: new Date(now.getTime() - 3 * 365 * 86_400_000).toISOString(),
    emails: [first!.contactEmail, second!.contactEmail, "someone.else@gmail.com"],
    domains: candidateDomains(`eu.${first!.domain}`),
    salesforceKeys: [salesforceKey(samples.salesforce[0]!.salesforceId)],
    hubspotIds: ["20000000123"],
    linkedinSlugs: ["acme-cloud-partners"],
    partnerIds: [first!.id, second!.id],
  };
}
