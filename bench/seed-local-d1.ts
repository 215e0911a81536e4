/**
 * One benchmark database: a fresh local D1 in its own data dir, migrated by
 * wrangler, filled with the demo workspace at a given partner count, with an
 * API token for the owner. The rows are then counted back through wrangler
 * (workerd's own SQLite, reading the same --persist-to dir the server will),
 * so a load that wrangler cannot see fails here rather than as empty lookups.
 */
import { type DemoTables, defaultDemoSeed, demoTableChunks, demoTableOrder } from "../demo/demo-data.ts";
import { applyMigrations, executeSql, localD1 } from "../scripts/local-d1.ts";
import { newTokenSql } from "../scripts/token-rows.ts";
import { loadViaSqlite, locateD1File, type RowCounts } from "./load-via-sqlite.ts";
import { loadViaWrangler } from "./load-via-wrangler.ts";
import { demoChunksWithUniqueIds, type UniqueIdStats } from "./unique-demo-rows.ts";

export const loaders = ["sqlite", "wrangler"] as const;
export type Loader = (typeof loaders)[number];

export interface SeededD1 {
  dataDir: string;
  sqliteFile: string;
  workspaceId: string;
  token: string;
  tokenId: string;
  rows: RowCounts;
  totalRows: number;
  /** Generated ids that repeated an earlier one and were re-drawn (bench/unique-demo-rows.ts). */
  idsRedrawn: number;
  loadSeconds: number;
}

export async function seedLocalD1(input: { dataDir: string; partnerCount: number; now: Date; loader: Loader }): Promise<SeededD1> {
  // scripts/local-d1.ts reads the data dir from here on every call.
  process.env.MUTUAL_DATA_DIR = input.dataDir;
  await applyMigrations(localD1);
  const sqliteFile = locateD1File(input.dataDir);
  const options = { now: input.now, partnerCount: input.partnerCount, seed: defaultDemoSeed };
  const owner = ownerOf(options);

  const started = performance.now();
  const stats: UniqueIdStats = { redrawn: 0 };
  const chunks = demoChunksWithUniqueIds(options, stats);
  const rows = input.loader === "sqlite" ? loadViaSqlite(sqliteFile, chunks) : await loadViaWrangler(input.dataDir, chunks);
  const loadSeconds = (performance.now() - started) / 1_000;

  const created = await newTokenSql({ workspaceId: owner.workspaceId, memberId: owner.memberId, label: "npm run bench", now: input.now });
  const counted = demoTableOrder.map((table) => `(SELECT count(*) FROM ${table}) AS ${table}`).join(", ");
  const results = await executeSql(`${created.sql}\nSELECT ${counted};`, localD1);
  const seen = (results.at(-1)?.results[0] ?? {}) as Record<string, number>;
  const wrong = demoTableOrder.filter((table) => seen[table] !== rows[table]);
  if (wrong.length > 0) {
    const detail = wrong.map((table) => `${table}: wrote ${rows[table]}, wrangler sees ${seen[table] ?? "nothing"}`).join("; ");
    throw new Error(`the ${input.loader} loader's rows are not what wrangler reads from ${input.dataDir}: ${detail}`);
  }
  return {
    dataDir: input.dataDir, sqliteFile, workspaceId: owner.workspaceId, token: created.token, tokenId: created.id,
    rows, totalRows: demoTableOrder.reduce((sum, table) => sum + rows[table], 0), idsRedrawn: stats.redrawn, loadSeconds,
  };
}

/** The workspace and its owner, from the first chunk alone (the ids depend only on the seed). */
function ownerOf(options: Parameters<typeof demoTableChunks>[0]): { workspaceId: string; memberId: string } {
  const first: DemoTables | undefined = demoTableChunks({ ...options, partnerCount: 0 }).next().value;
  const workspace = first?.workspaces[0];
  const member = first?.members.find((row) => row.role === "owner");
  if (!workspace || !member) throw new Error("the demo workspace has no owner");
  return { workspaceId: workspace.id, memberId: member.id };
}
