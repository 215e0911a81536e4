/**
 * Timing requests against the local server: a bounded, sequential loop
 * (concurrency 1, so a latency is never time spent queueing behind another
 * request), on 127.0.0.1 only, and the statistics of what it saw.
 */
import { loopback } from "./dev-server.ts";

export interface BenchRequest {
  path: string;
  /** What kind of request this is, for per-kind figures; defaults to the path. */
  label?: string;
  headers?: Record<string, string>;
  /** Throws if the response body is not what this request must get. */
  check?: (body: string) => void;
}

export interface Target {
  name: string;
  /** The i-th request of this target (targets cycle through their own mixes). */
  requestAt(index: number): BenchRequest;
}

export interface Sample {
  ms: number;
  /** From Server-Timing; null if the response had none. */
  db: DbCost | null;
  label: string;
}

export interface DbCost { durationMs: number; rowsRead: number; rowsWritten: number; queries: number }

const requestTimeoutMs = 30_000;
const serverTimingPattern = /db;dur=([\d.]+);desc="rows_read=(\d+) rows_written=(\d+) queries=(\d+)(?: round_trips=\d+)?"/;

export function parseServerTiming(header: string | null): DbCost | null {
  const match = header ? serverTimingPattern.exec(header) : null;
  if (!match) return null;
  return { durationMs: Number(match[1]), rowsRead: Number(match[2]), rowsWritten: Number(match[3]), queries: Number(match[4]) };
}

export async function timedRequest(baseUrl: string, request: BenchRequest): Promise<Sample> {
  const url = new URL(request.path, baseUrl);
  if (url.hostname !== loopback) throw new Error(`the bench only sends requests to ${loopback}, not ${url.hostname}`);
  const started = performance.now();
  const response = await fetch(url, { headers: request.headers, signal: AbortSignal.timeout(requestTimeoutMs) });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${request.path} answered ${response.status}: ${body.slice(0, 300)}`);
  request.check?.(body);
  return { ms, db: parseServerTiming(response.headers.get("Server-Timing")), label: request.label ?? request.path };
}

/**
 * `rounds` rounds of `perRound` requests per target. Targets take turns
 * request by request, the order alternating, so each sees the same
 * conditions. Returns, per target, the samples of each round.
 */
export async function measureInterleaved(
  baseUrl: string,
  targets: Target[],
  plan: { perRound: number; rounds: number },
): Promise<Map<string, Sample[][]>> {
  const next = new Map(targets.map((target) => [target.name, 0]));
  const send = async (target: Target) => {
    const index = next.get(target.name)!;
    next.set(target.name, index + 1);
    return timedRequest(baseUrl, target.requestAt(index));
  };
  const results = new Map(targets.map((target) => [target.name, [] as Sample[][]]));
  for (let round = 0; round < plan.rounds; round++) {
    for (const target of targets) results.get(target.name)!.push([]);
    for (let i = 0; i < plan.perRound; i++) {
      const order = i % 2 === 0 ? targets : [...targets].reverse();
      for (const target of order) results.get(target.name)![round]!.push(await send(target));
    }
  }
  return results;
}

/** Nearest-rank percentile of ascending values. */
export function percentile(ascending: number[], p: number): number {
  if (ascending.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * ascending.length);
  return ascending[Math.min(ascending.length, Math.max(1, rank)) - 1]!;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  /** p95 of each round on its own: how much the figure moves between runs. */
  roundP95: { min: number; max: number };
}

export function summarizeLatency(rounds: Sample[][]): LatencySummary {
  const ascending = (samples: Sample[]) => samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const all = ascending(rounds.flat());
  const perRound = rounds.map((round) => percentile(ascending(round), 95));
  return {
    count: all.length,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    roundP95: { min: Math.min(...perRound), max: Math.max(...perRound) },
  };
}

export interface DbSummary {
  rowsReadMean: number;
  rowsReadMax: number;
  rowsWritten: number;
  queriesMean: number;
  /** Mean of Server-Timing's db dur: the D1 time the worker waited for, summed over its queries. */
  dbMsMean: number;
  missing: number;
}

export function summarizeDb(samples: Sample[]): DbSummary {
  const costs = samples.flatMap((sample) => (sample.db ? [sample.db] : []));
  const mean = (values: number[]) => (values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length);
  return {
    rowsReadMean: mean(costs.map((cost) => cost.rowsRead)),
    rowsReadMax: Math.max(0, ...costs.map((cost) => cost.rowsRead)),
    rowsWritten: costs.reduce((sum, cost) => sum + cost.rowsWritten, 0),
    queriesMean: mean(costs.map((cost) => cost.queries)),
    dbMsMean: mean(costs.map((cost) => cost.durationMs)),
    missing: samples.length - costs.length,
  };
}
