import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";

/**
 * Names every request with an id of our own (never the client's, which could
 * collide or be forged): sent back in X-Request-Id, written on audit rows and
 * printed with errors, so a support question can be traced to one request.
 */
export const requestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const id = `req_${crypto.randomUUID().replace(/-/g, "")}`;
  c.set("requestId", id);
  await next();
  c.res.headers.set("X-Request-Id", id);
};
