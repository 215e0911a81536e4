import type { MiddlewareHandler } from "hono";
import type { AppEnv, Caller } from "../env.ts";

/**
 * Says what the request cost the database (time, rows, queries), to
 * authenticated callers only: to anyone else the figures would describe the
 * data (how many rows a guess touched).
 */
export const serverTiming: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const caller = c.get("caller") as Caller | undefined;
  if (!caller) return;
  const db = c.get("db");
  const entry = `db;dur=${db.durationMs.toFixed(2)};desc="rows_read=${db.rowsRead} rows_written=${db.rowsWritten} queries=${db.queries} round_trips=${db.roundTrips}"`;
  c.res.headers.append("Server-Timing", entry);
};
