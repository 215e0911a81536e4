import type { Context, MiddlewareHandler } from "hono";
import { hashApiToken, tokenPattern } from "../../shared/api-token.ts";
import { ApiError } from "../api-error.ts";
import { callerByHash, touchToken, type TokenRow } from "../db/tokens.ts";
import type { AppEnv, Caller } from "../env.ts";

// last_used_at is for people auditing tokens; minute precision is plenty and
// spares a write on every request.
const lastUsedGranularityMs = 60_000;

const unauthorized = (message: string) => new ApiError(401, "unauthorized", message);

/** The SHA-256 of the request's bearer token; 401 when there is none or it is not one of ours. */
async function bearerTokenHash(c: Context<AppEnv>): Promise<string> {
  const header = c.req.header("Authorization");
  if (!header) throw unauthorized("Send an API token: Authorization: Bearer <token>");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || !tokenPattern.test(match[1]!)) {
    throw unauthorized("The Authorization header must be Bearer followed by a Mutual API token (mutual_…)");
  }
  return hashApiToken(match[1]!);
}

/**
 * Turns the token check's row into the request's caller, or a 401 saying
 * why. Routes that fold the check into their own first batch (the lookup)
 * call this with the row they read.
 */
export async function acceptToken(c: Context<AppEnv>, row: TokenRow | null): Promise<Caller> {
  if (!row) throw unauthorized("This API token is unknown or has been revoked");
  const now = c.get("now");
  if (row.expires_at !== null && Date.parse(row.expires_at) <= now.getTime()) {
    throw unauthorized(`This API token expired at ${row.expires_at}; ask an owner or admin for a new one`);
  }
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > lastUsedGranularityMs) {
    const touch = touchToken(c.get("db"), row.token_id, now);
    try {
      c.executionCtx.waitUntil(touch);
    } catch {
      await touch; // no execution context (app.request in tests)
    }
  }
  const caller: Caller = {
    workspaceId: row.workspace_id, memberId: row.member_id, email: row.email, role: row.role,
    tokenId: row.token_id, tokenPrefix: row.prefix, scope: row.scope,
  };
  c.set("caller", caller);
  return caller;
}

/** The caller, checking the token now if its route deferred the check and has not made it yet. */
export async function authenticate(c: Context<AppEnv>): Promise<Caller> {
  const known = c.get("caller") as Caller | undefined;
  if (known) return known;
  const [result] = await c.get("db").batch<TokenRow>([callerByHash(c.get("db"), c.get("tokenHash"))]);
  return acceptToken(c, result!.results[0] ?? null);
}

/**
 * Resolves `Authorization: Bearer <token>` to the caller and their workspace.
 * Routes named in `foldedInto` ("GET /v1/lookup") run the token check in their
 * own first D1 batch and call acceptToken themselves: one round trip fewer.
 */
export function requireToken(options: { foldedInto?: string[] } = {}): MiddlewareHandler<AppEnv> {
  const folded = new Set(options.foldedInto ?? []);
  return async (c, next) => {
    c.set("tokenHash", await bearerTokenHash(c));
    if (!folded.has(`${c.req.method} ${c.req.path}`)) await authenticate(c);
    await next();
  };
}

const readMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** Viewers and read-only tokens read; everyone else may also write. */
export const requireWriteAccess: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!readMethods.has(c.req.method)) {
    const caller = await authenticate(c);
    if (caller.role === "viewer") {
      throw new ApiError(403, "forbidden", "Viewers can read this workspace but not change it");
    }
    if (caller.scope === "read") {
      throw new ApiError(403, "forbidden", "This API token is read-only; use a token with write scope to make changes");
    }
  }
  await next();
};
