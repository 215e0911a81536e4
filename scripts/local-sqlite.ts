/**
 * The local D1 database opened directly: miniflare keeps it as one SQLite
 * file under <data dir>/v3/d1/miniflare-D1DatabaseObject/. Reading and
 * writing it with node:sqlite takes milliseconds where each `wrangler d1
 * execute` starts a workerd (seconds). SQLite's own locking (the file is in
 * WAL mode) lets a running `wrangler dev` and this share it.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { applyMigrations, localD1, repoRoot } from "./local-d1.ts";

/** The one D1 database file under a data dir; throws if migrations have not created it. */
export function locateD1File(dataDir: string): string {
  const folder = join(dataDir, "v3", "d1", "miniflare-D1DatabaseObject");
  let names: string[] = [];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith(".sqlite") && name !== "metadata.sqlite");
  } catch {
    // reported below
  }
  if (names.length !== 1) {
    throw new Error(`expected one D1 database file in ${folder}, found ${names.length}; did the migrations run?`);
  }
  return join(folder, names[0]!);
}

/** Migration files wrangler has not yet applied to this database file. */
export function pendingMigrations(db: DatabaseSync): string[] {
  const files = readdirSync(join(repoRoot, "migrations")).filter((name) => name.endsWith(".sql")).sort();
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'd1_migrations'").get();
  if (!hasTable) return files;
  const applied = new Set(db.prepare("SELECT name FROM d1_migrations").all().map((row) => String(row.name)));
  return files.filter((name) => !applied.has(name));
}

function open(file: string): DatabaseSync {
  const db = new DatabaseSync(file);
  // Wait for a write the running server is making rather than fail at once.
  db.exec("PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;");
  return db;
}

/**
 * The local database in `dataDir` with every migration applied. Only a new
 * or outdated database goes through wrangler (which applies migrations the
 * way D1 records them); every later call opens the file directly.
 */
export async function openLocalD1(dataDir: string): Promise<DatabaseSync> {
  const folder = join(dataDir, "v3", "d1", "miniflare-D1DatabaseObject");
  if (existsSync(folder)) {
    const db = open(locateD1File(dataDir));
    if (pendingMigrations(db).length === 0) return db;
    db.close();
  }
  await applyMigrations(localD1);
  return open(locateD1File(dataDir));
}
