/**
 * SQL for the rows a token needs, shared by `npm start` (the demo token) and
 * `npm run token`. Only the token's SHA-256 is stored; the plain token is
 * shown once to whoever ran the command.
 */
import { hashApiToken, newApiToken } from "../shared/api-token.ts";
import { newId } from "../shared/ids.ts";
import { insertStatements, sqlLiteral } from "../demo/sql-literal.ts";

export interface NewToken { id: string; token: string; prefix: string; sql: string }

export async function newTokenSql(input: {
  workspaceId: string; memberId: string; label: string | null; now: Date;
}): Promise<NewToken> {
  const { token, prefix } = newApiToken();
  const id = newId("tok");
  const [sql] = insertStatements("api_tokens", [{
    id, workspace_id: input.workspaceId, member_id: input.memberId, token_hash: await hashApiToken(token),
    prefix, label: input.label, created_at: input.now.toISOString(), last_used_at: null, revoked_at: null,
  }]);
  return { id, token, prefix, sql: sql! };
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
