import type { Context } from "hono";
import { ApiError, invalidField } from "../api-error.ts";
import { StaleWriteError } from "../db/stale-write-guard.ts";
import type { AppEnv } from "../env.ts";

/** `If-Match: "3"`, `W/"3"` or `3` → 3; absent → undefined. */
export function ifMatchVersion(c: Context<AppEnv>): number | undefined {
  const header = c.req.header("If-Match");
  if (header === undefined || header.trim() === "*") return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match) throw invalidField("If-Match", 'must be the ETag of the record, e.g. "3"');
  return Number(match[1]);
}

// Enough for a burst of simultaneous edits to one record to all land; each
// retry waits a little longer, with jitter, so they stop colliding.
const attempts = 12;
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 4 * (attempt + 1)));

/**
 * Read, change, write with optimistic concurrency. With If-Match a change by
 * someone else is 412. Without it, `apply` guards only the columns it reads
 * and writes (db/stale-write-guard.ts), so edits to different fields never
 * collide; edits to the same field are re-applied to the fresh record.
 * `apply` builds the write from the record as read and commits it.
 */
export async function patchWithRetry<Row extends { version: number }, Answer>(
  c: Context<AppEnv>,
  load: () => Promise<Row | null>,
  what: string,
  apply: (current: Row, expectedVersion: number | undefined) => Promise<Answer>,
): Promise<Answer> {
  const expected = ifMatchVersion(c);
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current = await load();
    if (!current) throw new ApiError(404, "not_found", `${what} not found`);
    if (expected !== undefined && current.version !== expected) throw preconditionFailed(what, current.version);
    try {
      return await apply(current, expected);
    } catch (error) {
      if (!(error instanceof StaleWriteError)) throw error;
      if (expected !== undefined) throw preconditionFailed(what, undefined);
      await pause(attempt);
    }
  }
  throw new ApiError(409, "conflict", `${what} is being changed by others right now; try again`);
}

function preconditionFailed(what: string, currentVersion: number | undefined): ApiError {
  const now = currentVersion === undefined ? "" : ` (it is now version ${currentVersion})`;
  return new ApiError(412, "precondition_failed", `${what} was changed by someone else${now}; reload it and apply your change again`);
}
