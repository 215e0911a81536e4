/**
 * Fills the local D1 the way `npm start` does, through `wrangler d1 execute
 * --file`, in files of at most ~80 MB so wrangler never holds the whole
 * workspace in memory. The reference path; bench/load-via-sqlite.ts is the fast one.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type DemoTables, demoTableOrder, toInsertStatements } from "../demo/demo-data.ts";
import { executeSqlFile, localD1 } from "../scripts/local-d1.ts";
import { emptyRowCounts, type RowCounts } from "./load-via-sqlite.ts";

const maxFileBytes = 80_000_000;

export async function loadViaWrangler(scratchDir: string, chunks: Iterable<DemoTables>): Promise<RowCounts> {
  const counts = emptyRowCounts();
  let statements: string[] = [];
  let bytes = 0;
  let files = 0;
  const flush = async () => {
    if (statements.length === 0) return;
    const file = join(scratchDir, `seed-${String(++files).padStart(3, "0")}.sql`);
    writeFileSync(file, statements.join("\n"));
    statements = [];
    bytes = 0;
    try {
      await executeSqlFile(file, localD1);
    } finally {
      rmSync(file, { force: true });
    }
  };
  for (const chunk of chunks) {
    for (const table of demoTableOrder) counts[table] += chunk[table].length;
    for (const statement of toInsertStatements(chunk)) {
      if (bytes + statement.length > maxFileBytes) await flush();
      statements.push(statement);
      bytes += statement.length + 1;
    }
  }
  await flush();
  return counts;
}
