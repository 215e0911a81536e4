import type { MiddlewareHandler } from "hono";
import { hashApiToken, tokenPattern } from "../../shared/api-token.ts";
import type { MemberRole } from "../../shared/schemas/me.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../api-error.ts";

interface TokenRow {
  token_id: string;
  prefix: string;
  last_used_at: string | null;
  workspace_id: string;
  member_id: string;
  email: string;
  role: MemberRole;
}

// last_used_at is for people auditing tokens; minute precision is plenty and
// spares a write on every request.
const lastUsedGranularityMs = 60_000;

const unauthorized = (message: string) => new ApiError(401, "unauthorized", message);

/** Resolves `Authorization: Bearer <token>` to the caller and their workspace. */
export const requireToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("Authorization");
  if (!header) throw unauthorized("Send an API token: Authorization: Bearer <token>");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || !tokenPattern.test(match[1]!)) {
    throw unauthorized("The Authorization header must be Bearer followed by a Mutual API token (mutual_…)");
  }
  const db = c.get("db");
  const row = await db.first<TokenRow>(
    `SELECT t.id AS token_id, t.prefix, t.last_used_at, t.workspace_id, m.id AS member_id, m.email, m.role
       FROM api_tokens t JOIN members m ON m.id = t.member_id AND m.workspace_id = t.workspace_id
      WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
    await hashApiToken(match[1]!),
  );
  if (!row) throw unauthorized("This API token is unknown or has been revoked");

  const now = c.get("now");
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > lastUsedGranularityMs) {
    const touch = db.run("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", now.toISOString(), row.token_id);
    try {
      c.executionCtx.waitUntil(touch);
    } catch {
      await touch; // no execution context (app.request in tests)
    }
  }
  c.set("caller", {
    workspaceId: row.workspace_id,
    memberId: row.member_id,
    email: row.email,
    role: row.role,
    tokenId: row.token_id,
    tokenPrefix: row.prefix,
  });
  await next();
};

/** Viewers read; everyone else may also write. */
export const requireWriteRoleForWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== "GET" && c.req.method !== "HEAD" && c.req.method !== "OPTIONS") {
    if (c.get("caller").role === "viewer") {
      throw new ApiError(403, "forbidden", "Viewers can read this workspace but not change it");
    }
  }
  await next();
};
