import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { invalidField } from "../api-error.ts";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Request.json() and .text() turn bytes that are not UTF-8 into U+FFFD without
 * a word, so a Latin-1 client's "Müller" would be stored as "M�ller". Reading
 * the body once here, strictly, refuses it instead; Hono keeps the bytes read,
 * so the validators and the idempotency hash parse the same body afterwards.
 */
export const requireUtf8Body: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS" || !c.req.raw.body) return next();
  const bytes = await c.req.arrayBuffer();
  try {
    strictUtf8.decode(bytes);
  } catch {
    throw invalidField("(body)", "is not valid UTF-8; send JSON encoded as UTF-8");
  }
  await next();
};
