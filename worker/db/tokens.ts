import type { MemberRole } from "../../shared/schemas/me.ts";
import type { TrackedDb } from "./tracked-db.ts";

export interface TokenRow {
  token_id: string;
  prefix: string;
  last_used_at: string | null;
  expires_at: string | null;
  scope: "read" | "write";
  workspace_id: string;
  member_id: string;
  email: string;
  role: MemberRole;
}

/** The SQL of the token path, exported so the benchmark explains these very statements. */
export const tokenSql = {
  /** A live (not revoked) token and its member; expiry is checked by the caller, to say why. */
  callerByHash: `SELECT t.id AS token_id, t.prefix, t.last_used_at, t.expires_at, t.scope, t.workspace_id, m.id AS member_id, m.email, m.role
       FROM api_tokens t JOIN members m ON m.id = t.member_id AND m.workspace_id = t.workspace_id
      WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
  touch: "UPDATE api_tokens SET last_used_at = ? WHERE id = ?",
  /**
   * The workspace of a live token, as a scalar subquery: a query scoped by it
   * can run in the same batch as the token check itself (the lookup does).
   * Its rows are used only once that check has passed.
   */
  workspaceOfToken: "(SELECT workspace_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL)",
} as const;

export function callerByHash(db: TrackedDb, tokenHash: string): D1PreparedStatement {
  return db.prepare(tokenSql.callerByHash, tokenHash);
}

export function touchToken(db: TrackedDb, tokenId: string, now: Date): Promise<D1Meta> {
  return db.run(tokenSql.touch, now.toISOString(), tokenId);
}
