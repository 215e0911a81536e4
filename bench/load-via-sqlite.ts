/**
 * Fills the local D1 by writing straight into the SQLite file miniflare keeps
 * it in (<data dir>/v3/d1/miniflare-D1DatabaseObject/<hash>.sqlite), with
 * node:sqlite and one prepared INSERT per table. The file must already hold the
 * schema (`wrangler d1 migrations apply`) and no wrangler may have it open.
 * At 100k partners (2.1M rows, 2 cores) 72–80 s against 337 s for the same
 * rows through `wrangler d1 execute --file` (bench/load-via-wrangler.ts).
 */
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import { type DemoTables, demoTableColumns, demoTableOrder } from "../demo/demo-data.ts";

export { locateD1File } from "../scripts/local-sqlite.ts";

export type RowCounts = Record<keyof DemoTables, number>;

export function emptyRowCounts(): RowCounts {
  return Object.fromEntries(demoTableOrder.map((table) => [table, 0])) as RowCounts;
}

export function loadViaSqlite(file: string, chunks: Iterable<DemoTables>): RowCounts {
  const counts = emptyRowCounts();
  const db = new DatabaseSync(file);
  try {
    // The bench database is thrown away afterwards: no journal, no fsync, one
    // writer. (CPU-bound even so: ~50k rows/s here, random text keys.)
    db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;");
    db.exec("PRAGMA cache_size = -1048576; PRAGMA foreign_keys = ON;");
    const inserts = new Map<keyof DemoTables, StatementSync>();
    const insertFor = (table: keyof DemoTables): StatementSync => {
      let statement = inserts.get(table);
      if (!statement) {
        const columns = demoTableColumns[table] as readonly string[];
        statement = db.prepare(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
        inserts.set(table, statement);
      }
      return statement;
    };
    for (const chunk of chunks) {
      db.exec("BEGIN");
      for (const table of demoTableOrder) {
        const columns = demoTableColumns[table] as readonly string[];
        const statement = insertFor(table);
        for (const row of chunk[table] as unknown as Record<string, SQLInputValue>[]) {
          statement.run(...columns.map((column) => row[column] ?? null));
        }
        counts[table] += chunk[table].length;
      }
      db.exec("COMMIT");
    }
    // Back to the journal mode wrangler left the file in.
    db.exec("PRAGMA journal_mode = WAL");
  } finally {
    db.close();
  }
  return counts;
}
