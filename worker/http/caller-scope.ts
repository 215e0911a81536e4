import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import type { TrackedDb } from "../db/tracked-db.ts";

/** What a handler scopes every query by: the database, the caller's workspace and the request's clock. */
export interface CallerScope {
  db: TrackedDb;
  workspaceId: string;
  now: Date;
}

export function callerScope(c: Context<AppEnv>): CallerScope {
  return { db: c.get("db"), workspaceId: c.get("caller").workspaceId, now: c.get("now") };
}
