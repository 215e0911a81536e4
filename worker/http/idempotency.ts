import type { Context, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv, PendingIdempotency } from "../env.ts";
import { sha256Hex } from "../../shared/sha256.ts";
import { ApiError, invalidField } from "./api-error.ts";

interface StoredResponse {
  request_hash: string;
  status: number;
  response_json: string;
}

async function storedResponse(c: Context<AppEnv>, key: string): Promise<StoredResponse | null> {
  return c.get("db").first<StoredResponse>(
    "SELECT request_hash, status, response_json FROM idempotency_keys WHERE workspace_id = ? AND key = ?",
    c.get("caller").workspaceId,
    key,
  );
}

/** The first response to this key, or 422 if the key was used for another request. */
export async function replayStoredResponse(c: Context<AppEnv>, pending: PendingIdempotency): Promise<Response | null> {
  const stored = await storedResponse(c, pending.key);
  if (!stored) return null;
  if (stored.request_hash !== pending.requestHash) {
    throw new ApiError(
      422,
      "idempotency_key_reused",
      "This Idempotency-Key was already used with a different request; use a new key for a new request",
    );
  }
  c.header("Idempotent-Replayed", "true");
  return c.json(JSON.parse(stored.response_json), stored.status as ContentfulStatusCode);
}

/**
 * A POST with an Idempotency-Key is answered once: a retry with the same key
 * and body gets the first response and writes nothing. The key is recorded in
 * the same batch as the write (db/commit-write.ts), so two racing retries
 * cannot both write.
 */
export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("idempotency", undefined);
  const key = c.req.header("Idempotency-Key");
  if (c.req.method !== "POST" || key === undefined) return next();
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw invalidField("Idempotency-Key", "must be 1 to 255 visible ASCII characters, e.g. a UUID");
  }
  const body = await c.req.text();
  const pending = { key, requestHash: await sha256Hex(`${c.req.method} ${c.req.path}\n${body}`) };
  const replay = await replayStoredResponse(c, pending);
  if (replay) return replay;
  c.set("idempotency", pending);
  await next();
  // A retry that raced the first request past the check above may have been
  // refused by what the first one wrote (a domain now taken, say): if the
  // first one has landed since, its answer is this request's answer too.
  if (c.res.status >= 400) {
    const replayed = await replayStoredResponse(c, pending).catch(() => null);
    if (replayed) c.res = replayed;
  }
};
