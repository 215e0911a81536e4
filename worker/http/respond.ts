import type { Context, TypedResponse } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { JSONParsed } from "hono/utils/types";
import { ApiError } from "../api-error.ts";
import { commitWrite, type StoredResponse, type Write, type Writer } from "../db/commit-write.ts";
import type { AppEnv } from "../env.ts";

/** The request's caller, token, id and clock, as the write path records them. */
export function writerOf(c: Context<AppEnv>): Writer {
  const caller = c.get("caller");
  return {
    workspaceId: caller.workspaceId, memberId: caller.memberId, tokenId: caller.tokenId,
    requestId: c.get("requestId"), now: c.get("now").toISOString(),
  };
}

/** A stored first answer to this Idempotency-Key, or 422 if the key came with another request. */
export function replay(c: Context<AppEnv>, stored: StoredResponse, requestHash: string): Response {
  if (stored.request_hash !== requestHash) {
    throw new ApiError(
      422,
      "idempotency_key_reused",
      "This Idempotency-Key was already used with a different request; use a new key for a new request",
    );
  }
  c.header("Idempotent-Replayed", "true");
  return c.json(JSON.parse(stored.response_json) as unknown, stored.status as ContentfulStatusCode);
}

export type JsonAnswer<Body, Status extends ContentfulStatusCode> = Response & TypedResponse<JSONParsed<Body>, Status, "json">;

/**
 * Commits a write and answers with its body, typed as the route declares it.
 * A replayed answer is the body an earlier identical request was given by
 * this same route, stored as JSON: the one place its type is taken on trust.
 */
export async function respond<Body extends object, Status extends ContentfulStatusCode>(
  c: Context<AppEnv>,
  write: Write<Body, Status>,
): Promise<JsonAnswer<Body, Status>> {
  const pending = c.get("idempotency");
  const outcome = await commitWrite(c.get("db"), writerOf(c), write, pending);
  if ("stored" in outcome) {
    if (!pending) throw new Error("a stored answer without an Idempotency-Key");
    return replay(c, outcome.stored, pending.requestHash) as JsonAnswer<Body, Status>;
  }
  const { body, version } = write.answer ? await write.answer(outcome.results) : write;
  if (version !== undefined) c.header("ETag", `"${version}"`);
  return c.json(body, write.status);
}

/** Commits a write that answers 204 (an archive): nothing to replay, no body. */
export async function respondNoContent(c: Context<AppEnv>, write: Write<null, 204>) {
  await commitWrite(c.get("db"), writerOf(c), write);
  return c.body(null, 204);
}
