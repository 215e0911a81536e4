import type { OpenAPIHono } from "@hono/zod-openapi";
import type { MemberRole } from "../shared/schemas/me.ts";
import type { PendingIdempotency } from "./db/commit-write.ts";
import type { TrackedDb } from "./db/tracked-db.ts";

export interface Bindings {
  DB: D1Database;
  /** Writes per API token (wrangler.toml [[ratelimits]]). */
  TOKEN_LIMIT: RateLimit;
  /** Reads per API token, in blocks of readsPerCharge (http/rate-limit.ts). */
  TOKEN_READ_LIMIT: RateLimit;
  /** Failed authentications per client address: API tokens and guest links, each under its own key. */
  AUTH_FAILURE_LIMIT: RateLimit;
  /** Changes a guest makes through one guest link. */
  GUEST_WRITE_LIMIT: RateLimit;
  /** Comma-separated web origins allowed by CORS, besides browser extensions. */
  ALLOWED_ORIGINS?: string;
  /** Signs guest links (HMAC-SHA256); production sets it with `wrangler secret put GUEST_LINK_SECRET`. */
  GUEST_LINK_SECRET?: string;
}

export interface Caller {
  workspaceId: string;
  memberId: string;
  email: string;
  role: MemberRole;
  tokenId: string;
  tokenPrefix: string;
  /** A read-only token may not write, whatever the member's role. */
  scope: "read" | "write";
}

export interface Variables {
  /** Set by http/database.ts for every request. */
  db: TrackedDb;
  /** Set by http/request-id.ts: answers and logs name the request by it. */
  requestId: string;
  /** The SHA-256 of the bearer token, set by http/auth.ts before the caller is known. */
  tokenHash: string;
  caller: Caller;
  idempotency: PendingIdempotency | undefined;
  /** The request's clock, read once so every row it writes agrees. */
  now: Date;
}

export type AppEnv = { Bindings: Bindings; Variables: Variables };
export type App = OpenAPIHono<AppEnv>;
