import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";

/**
 * Answers about a workspace are for the caller alone: no cache (a browser's,
 * a proxy's) keeps them, and no browser guesses they are anything but JSON.
 * Public pages (the docs) set their own policy.
 */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.res.headers.set("Cache-Control", "no-store");
  c.res.headers.set("X-Content-Type-Options", "nosniff");
};

/**
 * The docs page runs no script and loads nothing from elsewhere; its one
 * inline style block is the only thing it needs. No site may frame it.
 */
export const docsPolicy: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.res.headers.set(
    "Content-Security-Policy",
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  );
  c.res.headers.set("X-Frame-Options", "DENY");
  c.res.headers.set("X-Content-Type-Options", "nosniff");
  c.res.headers.set("Referrer-Policy", "no-referrer");
};
