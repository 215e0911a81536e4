/**
 * The lookup bench's results as markdown, and BENCHMARKS.md kept up to date:
 * this bench owns only the text between its two markers, so other benches
 * (health score, extension) can keep their own sections in the same file.
 */
import { writeMarkedSection } from "./marked-section.ts";
import { lookupKinds } from "./lookup-queries.ts";
import type { SizeResult } from "./lookup-bench.ts";
import type { MachineInfo } from "./machine-info.ts";
import type { ExplainedStatement } from "./query-plans.ts";


export interface Checks {
  planSize: number | null;
  planFailures: string[];
  rowsReadGrowth: string | null;
  latencyMisses: string[];
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const count = (value: number) => Math.round(value).toLocaleString("en");
const short = (value: number) => (value >= 1000 && value % 1000 === 0 ? `${value / 1000}k` : String(value));

/** Issue 8's target: a lookup costs at most half again a request that does no work. */
export const latencyTarget = 1.5;

export function ratio(result: SizeResult): number {
  return result.lookup.p95 / result.healthz.p95;
}

export function resultsTable(results: SizeResult[]): string {
  const lines = [
    "| Partners (rows) | Load | /healthz p50 / p95 / p99 | /v1/lookup p50 / p95 / p99 | lookup p95 per round | p95 lookup ÷ healthz | rows read per lookup, mean (max) | D1 queries / D1 ms per lookup |",
    "|---|--:|--:|--:|--:|--:|--:|--:|",
  ];
  for (const result of results) {
    const { healthz, lookup, lookupDb } = result;
    lines.push(`| ${count(result.partners)} (${count(result.seeded.totalRows)}) | ${result.seeded.loadSeconds.toFixed(1)} s ` +
      `| ${ms(healthz.p50)} / ${ms(healthz.p95)} / ${ms(healthz.p99)} ms | ${ms(lookup.p50)} / ${ms(lookup.p95)} / ${ms(lookup.p99)} ms ` +
      `| ${ms(lookup.roundP95.min)}–${ms(lookup.roundP95.max)} ms | ${ratio(result).toFixed(1)}× ` +
      `| ${count(lookupDb.rowsReadMean)} (${count(lookupDb.rowsReadMax)}) | ${lookupDb.queriesMean.toFixed(1)} / ${lookupDb.dbMsMean.toFixed(1)} |`);
  }
  return lines.join("\n");
}

export function byKindTable(results: SizeResult[]): string {
  const lines = [
    `| By kind of lookup: p50 ms · rows read, mean (max) | ${results.map((result) => short(result.partners)).join(" | ")} |`,
    `|---|${results.map(() => "--:").join("|")}|`,
  ];
  for (const kind of Object.values(lookupKinds)) {
    const cells = results.map((result) => {
      const figures = result.byKind.get(kind);
      return figures ? `${ms(figures.latency.p50)} · ${count(figures.db.rowsReadMean)} (${count(figures.db.rowsReadMax)})` : "–";
    });
    lines.push(`| ${kind} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

/** Every plan, indented as SQLite nests it, each failure's reason under it. */
export function plansText(plans: ExplainedStatement[]): string {
  return plans.map((explained) => [
    `${explained.problems.length > 0 ? "FAIL" : "ok  "} ${explained.statement.name}`,
    ...(explained.plan.length > 0 ? explained.plan : ["(no plan rows)"]).map((line) => `       ${line}`),
    ...explained.problems.map((problem) => `       ^ ${problem.reason}`),
  ].join("\n")).join("\n\n");
}

export function checksMarkdown(checks: Checks, results: SizeResult[]): string {
  const mark = (ok: boolean) => (ok ? "✅" : "❌");
  const lines: string[] = [];
  const planned = results.find((result) => result.partners === checks.planSize)?.plans;
  if (checks.planSize === null || !planned) lines.push("- Query plans: not checked in this run.");
  else {
    const failing = planned.filter((explained) => explained.problems.length > 0);
    lines.push(`- ${mark(failing.length === 0)} Query plans at ${count(checks.planSize)} partners: ` +
      `${planned.length - failing.length} of ${planned.length} lookup-path statements bounded by an index.`);
    for (const explained of failing) {
      const problems = explained.problems.map((problem) => `\`${problem.line}\` — ${problem.reason}`).join("; ");
      lines.push(`  - **${explained.statement.name}**: ${problems}`);
    }
  }
  if (results.length > 1) {
    lines.push(checks.rowsReadGrowth === null
      ? `- ${mark(true)} Rows read per lookup do not grow with the partner count.`
      : `- ${mark(false)} Rows read per lookup grow with the partner count: ${checks.rowsReadGrowth}.`);
  }
  lines.push(checks.latencyMisses.length === 0
    ? `- ${mark(true)} Lookup p95 within ${latencyTarget}× /healthz p95 at every size.`
    : `- ${mark(false)} Lookup p95 within ${latencyTarget}× /healthz p95: missed at ${checks.latencyMisses.join(", ")} (reported; does not fail the run).`);
  return lines.join("\n");
}

export function lookupSection(input: {
  results: SizeResult[]; checks: Checks; machine: MachineInfo; measure: { warmup: number; perRound: number; rounds: number };
  totalSeconds: number; loader: string;
}): string {
  const { results, machine, measure } = input;
  const redrawn = results.filter((result) => result.seeded.idsRedrawn > 0)
    .map((result) => `${result.seeded.idsRedrawn} at ${count(result.partners)}`);
  const written = results.map((result) => result.warmupRowsWritten);
  return `## Lookup API

\`npm run bench\` (bench/run.ts): seeds the demo workspace at each partner count
(${results.map((result) => count(result.partners)).join(", ")} partners, with ~9 months of history each)
into its own local D1, serves it with \`wrangler dev --local\` on 127.0.0.1 and
sends, one at a time, ${measure.rounds} rounds of ${measure.perRound} requests each to \`/healthz\`
and to \`/v1/lookup\` (taking turns) after ${measure.warmup}+ unrecorded warm-up requests.
The lookups cycle through four situations for 12 partners spread over the
table: an email at a partner's subdomain, a Salesforce id, an unknown domain
(no match) and a 4-address thread naming two partners; every answer is
checked. Latency is measured by the client (request sent → body read); rows
read, D1 queries and D1 ms (the summed duration D1 reports per query) come
from each response's \`Server-Timing\`. Percentiles are
nearest-rank over all rounds; "per round" is the lowest and highest p95 of a
single round.

Measured ${machine.date} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB;
Node ${machine.node}, wrangler ${machine.wrangler}. Whole run: ${formatDuration(input.totalSeconds)}.

${resultsTable(results)}

${byKindTable(results)}

${checksMarkdown(input.checks, results)}

Notes:
- Loaded with the \`${input.loader}\` loader (\`--loader sqlite\`: rows written
  straight into the SQLite file \`wrangler d1 migrations apply\` created, then
  counted back through \`wrangler d1 execute\`; \`--loader wrangler\`: SQL files of
  ≤ 80 MB through \`wrangler d1 execute --file\`). "Load" is that step alone.
- 1-minute load average as each size's timing ended: ${results.map((result) => result.loadAverage.toFixed(1)).join(" / ")}
  (${machine.cores} cores, shared with whatever else runs on the machine).
- Warm-up lookups wrote ${written.map((rows) => count(rows)).join(" / ")} rows: the first lookup of a
  partner with no stored health score scores it and stores it; timed lookups
  read stored scores.${redrawn.length > 0 ? `
- The demo generator repeats some random ids at large sizes (overlapping
  PRNG streams in demo/demo-data.ts); the bench re-draws them (${redrawn.join(", ")}).` : ""}`;
}

export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${seconds.toFixed(0)} s`;
}

/** Replaces this bench's section of the file, or adds it (and the file) if missing. */
export function writeSection(file: string, section: string): void {
  writeMarkedSection(file, "lookup", section);
}
