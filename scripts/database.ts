/**
 * Where `npm start` and `npm run token` read and write: the local SQLite
 * file directly (milliseconds), or the deployed D1 through wrangler (--remote).
 */
import type { DatabaseSync, SQLOutputValue } from "node:sqlite";
import { executeSql, queryRows, type D1Target } from "./local-d1.ts";
import { openLocalD1 } from "./local-sqlite.ts";

export interface ScriptDatabase {
  remote: boolean;
  /** The rows of one statement. */
  rows<Row = Record<string, SQLOutputValue>>(sql: string): Promise<Row[]>;
  /** Several statements, all or none. */
  execute(sql: string): Promise<void>;
  close(): void;
}

export async function localDatabase(dataDir: string): Promise<ScriptDatabase> {
  const db: DatabaseSync = await openLocalD1(dataDir);
  return {
    remote: false,
    rows: async <Row>(sql: string) => db.prepare(sql).all() as Row[],
    execute: async (sql) => {
      db.exec("BEGIN IMMEDIATE");
      try {
        db.exec(sql);
        db.exec("COMMIT");
      } catch (error) {
        db.exec("ROLLBACK");
        throw error;
      }
    },
    close: () => db.close(),
  };
}

export function remoteDatabase(): ScriptDatabase {
  const target: D1Target = { remote: true };
  return {
    remote: true,
    rows: <Row>(sql: string) => queryRows<Row>(sql, target),
    execute: async (sql) => {
      await executeSql(sql, target);
    },
    close: () => {},
  };
}
