/**
 * API tokens in D1: the row a new token is stored as (shared with
 * `npm run token`, which writes the same row as SQL text), and the queries the
 * tokens routes run. Only a token's SHA-256 is stored; its secret is returned
 * once, to whoever created it.
 */
import { hashApiToken, newApiToken } from "../../shared/api-token.ts";
import { newId } from "../../shared/ids.ts";
import type { MemberRole } from "../../shared/schemas/me.ts";
import type { ApiToken, TokenScope } from "../../shared/schemas/token.ts";
import { insertRow, keysetAfter, keysetOrderBy, pageOf, type KeysetOrder, type Prepares } from "./sql.ts";
import type { TrackedDb } from "./tracked-db.ts";

export interface ApiTokenRow {
  id: string;
  workspace_id: string;
  member_id: string;
  token_hash: string;
  prefix: string;
  label: string | null;
  scope: TokenScope;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface NewTokenInput {
  workspaceId: string;
  memberId: string;
  label: string | null;
  scope: TokenScope;
  expiresAt: string | null;
  now: Date;
}

/** A new token's secret and the row that stands for it. */
export async function newTokenRow(input: NewTokenInput): Promise<{ token: string; row: ApiTokenRow }> {
  const { token, prefix } = newApiToken();
  return {
    token,
    row: {
      id: newId("tok"), workspace_id: input.workspaceId, member_id: input.memberId, token_hash: await hashApiToken(token),
      prefix, label: input.label, scope: input.scope, created_at: input.now.toISOString(), expires_at: input.expiresAt,
      last_used_at: null, revoked_at: null,
    },
  };
}

export interface TokenMember {
  id: string;
  email: string;
  role: MemberRole;
}

type ListedRow = Omit<ApiTokenRow, "token_hash" | "workspace_id"> & { email: string; role: MemberRole };

const listedColumns = `t.id, t.member_id, t.prefix, t.label, t.scope, t.created_at, t.expires_at, t.last_used_at, t.revoked_at, m.email, m.role`;

export function tokenToApi(row: ListedRow): ApiToken {
  return {
    id: row.id, prefix: row.prefix, label: row.label, member: { id: row.member_id, email: row.email, role: row.role },
    scope: row.scope, created_at: row.created_at, expires_at: row.expires_at, last_used_at: row.last_used_at,
    revoked_at: row.revoked_at,
  };
}

const newestFirst: KeysetOrder = { expression: "t.created_at", id: "t.id", descending: true };

/** The workspace's tokens, newest first, revoked ones included (they say when). */
export async function listTokens(db: TrackedDb, workspaceId: string, page: { limit: number; cursor?: string }) {
  const params: unknown[] = [workspaceId];
  let after = "";
  if (page.cursor) {
    const keyset = keysetAfter(newestFirst, page.cursor);
    after = ` AND ${keyset.clause}`;
    params.push(...keyset.params);
  }
  const rows = await db.all<ListedRow>(
    `SELECT ${listedColumns} FROM api_tokens t JOIN members m ON m.id = t.member_id AND m.workspace_id = t.workspace_id
      WHERE t.workspace_id = ?${after} ORDER BY ${keysetOrderBy(newestFirst)} LIMIT ?`,
    ...params, page.limit + 1,
  );
  const { items, nextCursor } = pageOf(rows, page.limit, (row) => [row.created_at, row.id]);
  return { items: items.map(tokenToApi), nextCursor };
}

export async function loadToken(db: TrackedDb, workspaceId: string, id: string): Promise<ApiToken | null> {
  const row = await db.first<ListedRow>(
    `SELECT ${listedColumns} FROM api_tokens t JOIN members m ON m.id = t.member_id AND m.workspace_id = t.workspace_id
      WHERE t.workspace_id = ? AND t.id = ?`,
    workspaceId, id,
  );
  return row ? tokenToApi(row) : null;
}

/** A member of this workspace, by email or id. */
export function findMember(db: TrackedDb, workspaceId: string, by: { email: string } | { id: string }): Promise<TokenMember | null> {
  const [column, value] = "email" in by ? ["email", by.email] : ["id", by.id];
  return db.first<TokenMember>(`SELECT id, email, role FROM members WHERE workspace_id = ? AND ${column} = ?`, workspaceId, value);
}

export function insertToken(db: Prepares, row: ApiTokenRow): D1PreparedStatement {
  return insertRow(db, "api_tokens", row);
}

/** Revokes a live token; a token revoked already keeps its first revocation time. */
export function revokeToken(db: Prepares, workspaceId: string, id: string, at: string): D1PreparedStatement {
  return db.prepare("UPDATE api_tokens SET revoked_at = ? WHERE workspace_id = ? AND id = ? AND revoked_at IS NULL", at, workspaceId, id);
}
