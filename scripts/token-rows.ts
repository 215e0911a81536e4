/**
 * SQL for the rows a token needs, shared by `npm start` (the demo token) and
 * `npm run token`. The token row is the one the API's POST /v1/tokens stores
 * (worker/db/api-tokens.ts), written here as SQL text for `wrangler d1
 * execute`. Only the token's SHA-256 is stored; the plain token is shown once
 * to whoever ran the command.
 */
import { insertStatements, sqlLiteral } from "../demo/sql-literal.ts";
import type { TokenScope } from "../shared/schemas/token.ts";
import { newTokenRow } from "../worker/db/api-tokens.ts";

export interface NewToken { id: string; token: string; prefix: string; sql: string }

export async function newTokenSql(input: {
  workspaceId: string; memberId: string; label: string | null; now: Date; scope?: TokenScope; expiresAt?: string | null;
}): Promise<NewToken> {
  const { token, row } = await newTokenRow({ ...input, scope: input.scope ?? "write", expiresAt: input.expiresAt ?? null });
  const [sql] = insertStatements("api_tokens", [{ ...row }]);
  return { id: row.id, token, prefix: row.prefix, sql: sql! };
}

export function workspaceSql(input: { id: string; slug: string; name: string; now: Date }): string {
  return `INSERT INTO workspaces (id, slug, name, settings_json, created_at) VALUES (${sqlLiteral(input.id)}, ` +
    `${sqlLiteral(input.slug)}, ${sqlLiteral(input.name)}, '{}', ${sqlLiteral(input.now.toISOString())});`;
}

export function memberSql(input: { id: string; workspaceId: string; email: string; role: string; now: Date }): string {
  return `INSERT INTO members (id, workspace_id, email, role, created_at) VALUES (${sqlLiteral(input.id)}, ` +
    `${sqlLiteral(input.workspaceId)}, ${sqlLiteral(input.email)}, ${sqlLiteral(input.role)}, ` +
    `${sqlLiteral(input.now.toISOString())});`;
}
