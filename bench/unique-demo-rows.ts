/**
 * The demo workspace with every row id unique, for large partner counts.
 *
 * Why: demo/demo-data.ts gives partner i the PRNG seeded with
 * deriveSeed(seed, i), and mulberry32 streams from different seeds are shifted
 * copies of one sequence, so two partners' streams overlap now and then and
 * repeat each other's random ids. With the default seed, 100k partners
 * repeat ~420 ids (mostly interactions, a few partner ids; the count moves a
 * little with `now`), 30k about 15, 10k none. D1 refuses the repeats (UNIQUE), so here a repeated id is
 * re-drawn, together with every reference to it from the same partner's
 * rows. Nothing else changes.
 */
import { type DemoOptions, type DemoTables, defaultDemoSeed, demoTableChunks, demoTableOrder } from "../demo/demo-data.ts";
import { deriveSeed, seededRandom } from "../demo/seeded-random.ts";

const referenceColumns = ["id", "partner_id", "interaction_id", "meeting_id"] as const;

export interface UniqueIdStats { redrawn: number }

/**
 * Chunks of `partnersPerChunk` partners with their history, like
 * demoTableChunks, ids made unique. Keeps a set of every id seen (~200 MB at
 * 100k partners).
 */
export function* demoChunksWithUniqueIds(options: DemoOptions, stats: UniqueIdStats, partnersPerChunk = 500): Generator<DemoTables> {
  const seen = new Set<string>();
  const fresh = seededRandom(deriveSeed(options.seed ?? defaultDemoSeed, -2));
  let merged: DemoTables | undefined;
  let inMerged = 0;
  // One partner per inner chunk, so a repeated id's references all lie in the same chunk.
  for (const single of demoTableChunks(options, 1)) {
    const renamed = new Map<string, string>();
    for (const table of demoTableOrder) {
      for (const row of single[table] as unknown as Record<string, unknown>[]) {
        const id = row.id;
        if (typeof id !== "string") continue;
        if (seen.has(id)) {
          let replacement: string;
          do replacement = `${id.slice(0, id.indexOf("_"))}_${fresh.text(24)}`; while (seen.has(replacement));
          renamed.set(id, replacement);
          seen.add(replacement);
          stats.redrawn += 1;
        } else {
          seen.add(id);
        }
      }
    }
    if (renamed.size > 0) renameReferences(single, renamed);
    if (!merged) merged = single;
    else for (const table of demoTableOrder) (merged[table] as unknown[]).push(...single[table]);
    if (single.partners.length > 0 && ++inMerged === partnersPerChunk) {
      yield merged;
      merged = undefined;
      inMerged = 0;
    }
  }
  if (merged) yield merged;
}

function renameReferences(tables: DemoTables, renamed: Map<string, string>): void {
  for (const table of demoTableOrder) {
    for (const row of tables[table] as unknown as Record<string, unknown>[]) {
      for (const column of referenceColumns) {
        const value = row[column];
        if (typeof value === "string" && renamed.has(value)) row[column] = renamed.get(value);
      }
    }
  }
}
