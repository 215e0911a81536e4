import type { MiddlewareHandler } from "hono";
import { sha256Hex } from "../../shared/sha256.ts";
import { invalidField } from "../api-error.ts";
import { storedResponse } from "../db/commit-write.ts";
import type { AppEnv } from "../env.ts";
import { replay } from "./respond.ts";

/**
 * A POST with an Idempotency-Key is answered once: a retry with the same key
 * and body by the same member gets the first response and writes nothing. The
 * key is recorded in the same batch as the write (db/commit-write.ts), so two
 * racing retries cannot both write. Keys are each member's own.
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
  const { workspaceId, memberId } = c.get("caller");
  const stored = await storedResponse(c.get("db"), workspaceId, memberId, key);
  if (stored) return replay(c, stored, pending.requestHash);
  c.set("idempotency", pending);
  await next();
  // A retry that raced the first request past the check above may have been
  // refused by what the first one wrote (a domain now taken, say): if the
  // first one has landed since, its answer is this request's answer too.
  if (c.res.status >= 400) {
    const landed = await storedResponse(c.get("db"), workspaceId, memberId, key).catch(() => null);
    if (landed) {
      try {
        c.res = replay(c, landed, pending.requestHash);
      } catch {
        // the key went with another request: this request's own answer stands
      }
    }
  }
};
