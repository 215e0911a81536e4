import type { MiddlewareHandler } from "hono";
import { TrackedDb } from "../db/tracked-db.ts";
import type { AppEnv } from "../env.ts";

/**
 * Gives every request its database handle (D1 with a running cost total, for
 * Server-Timing and the benchmarks) and its clock, read once so every row a
 * request writes agrees on the time.
 */
export const database: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("db", new TrackedDb(c.env.DB));
  c.set("now", new Date());
  await next();
};
