import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { TrackedDb } from "../db/tracked-db.ts";

/** Gives the request its tracked database and reports what it cost. */
export const serverTiming: MiddlewareHandler<AppEnv> = async (c, next) => {
  const db = new TrackedDb(c.env.DB);
  c.set("db", db);
  c.set("now", new Date());
  await next();
  const entry = `db;dur=${db.durationMs.toFixed(2)};desc="rows_read=${db.rowsRead} rows_written=${db.rowsWritten} queries=${db.queries}"`;
  c.res.headers.append("Server-Timing", entry);
};
