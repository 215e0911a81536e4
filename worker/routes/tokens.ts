import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { listEnvelope } from "../../shared/schemas/common.ts";
import { apiToken, apiTokenCreate, apiTokenCreated, tokenListQuery } from "../../shared/schemas/token.ts";
import type { AppEnv } from "../env.ts";
import { ApiError, invalidField, notFound } from "../api-error.ts";
import { bodyWriteErrors, jsonBody, jsonResponse, readErrors, security, writeErrors } from "../http/openapi-parts.ts";
import { respond, respondNoContent } from "../http/respond.ts";
import { findMember, insertToken, listTokens, loadToken, newTokenRow, revokeToken, type TokenMember } from "../db/api-tokens.ts";
import { z } from "zod";

/** What every tokens route says of itself: its tag, its security and who may call it. */
const managed = (summary: string, description: string) => ({
  tags: ["Tokens"], security, summary, description: `Owners and admins only. ${description}`,
});
const tokenIdParam = z.object({ id: z.string().min(1).max(100) });
const forbiddenError = { 403: writeErrors[403] } as const;

/** Tokens are keys to the whole workspace: only owners and admins hand them out. */
function requireTokenManager(c: Context<AppEnv>): void {
  const { role } = c.get("caller");
  if (role !== "owner" && role !== "admin") {
    throw new ApiError(403, "forbidden", "Only the workspace's owners and admins manage API tokens");
  }
}

/** An admin holding an owner's token would hold an owner's powers. */
function assertMayManage(c: Context<AppEnv>, member: Pick<TokenMember, "role">, field: string): void {
  if (member.role === "owner" && c.get("caller").role !== "owner") {
    throw new ApiError(403, "forbidden", `${field}: only owners manage an owner's tokens`, [{ path: field, message: "is an owner" }]);
  }
}

const listRoute = createRoute({
  method: "get", path: "/v1/tokens", operationId: "listTokens", request: { query: tokenListQuery },
  ...managed("List the workspace's API tokens, newest first", "Shows who each token belongs to, its scope, expiry and last use; never the secret."),
  responses: { 200: jsonResponse(listEnvelope(apiToken), "A page of tokens"), ...readErrors, ...forbiddenError },
});

const createTokenRoute = createRoute({
  method: "post", path: "/v1/tokens", operationId: "createToken", request: { body: jsonBody(apiTokenCreate) },
  ...managed("Create an API token", "The token's secret is in this answer and nowhere else; store it now. " +
    "Not idempotent by key: a stored answer would keep the secret, so an Idempotency-Key is refused."),
  responses: { 201: jsonResponse(apiTokenCreated, "The new token, with its secret shown once"), ...bodyWriteErrors },
});

const revokeRoute = createRoute({
  method: "delete", path: "/v1/tokens/{id}", operationId: "revokeToken", request: { params: tokenIdParam },
  ...managed("Revoke an API token", "The token stops working at once; revoking it again changes nothing."),
  responses: { 204: { description: "Revoked" }, ...readErrors, ...forbiddenError },
});

export function registerTokenRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    requireTokenManager(c);
    const page = await listTokens(c.get("db"), c.get("caller").workspaceId, c.req.valid("query"));
    return c.json({ items: page.items, next_cursor: page.nextCursor }, 200);
  });

  app.openapi(createTokenRoute, async (c) => {
    requireTokenManager(c);
    if (c.get("idempotency")) {
      throw invalidField("Idempotency-Key", "is not accepted here: the answer holds the token's secret, which is never stored");
    }
    const input = c.req.valid("json");
    const db = c.get("db");
    const caller = c.get("caller");
    const now = c.get("now");
    const field = input.member_email !== undefined ? "member_email" : "member_id";
    const member = await findMember(db, caller.workspaceId,
      input.member_email !== undefined ? { email: input.member_email } : { id: input.member_id ?? caller.memberId });
    if (!member) throw invalidField(field, "is not a member of this workspace");
    assertMayManage(c, member, field);
    if (input.expires_at && Date.parse(input.expires_at) <= now.getTime()) throw invalidField("expires_at", "must be in the future");
    const { token, row } = await newTokenRow({
      workspaceId: caller.workspaceId, memberId: member.id, label: input.label, scope: input.scope,
      expiresAt: input.expires_at ?? null, now,
    });
    const shown = {
      id: row.id, prefix: row.prefix, label: row.label, member, scope: row.scope, created_at: row.created_at,
      expires_at: row.expires_at, last_used_at: null, revoked_at: null,
    };
    c.header("Location", `/v1/tokens/${row.id}`);
    return respond(c, {
      statements: [insertToken(db, row)],
      audit: [{ entity: "api_token", entityId: row.id, action: "create", after: shown }],
      status: 201,
      body: { ...shown, token },
    });
  });

  app.openapi(revokeRoute, async (c) => {
    requireTokenManager(c);
    const db = c.get("db");
    const { workspaceId } = c.get("caller");
    const current = await loadToken(db, workspaceId, c.req.valid("param").id);
    if (!current) throw notFound("Token");
    assertMayManage(c, current.member, "id");
    if (current.revoked_at) return c.body(null, 204);
    const at = c.get("now").toISOString();
    return respondNoContent(c, {
      statements: [revokeToken(db, workspaceId, current.id, at)],
      audit: [{ entity: "api_token", entityId: current.id, action: "update", before: current, after: { ...current, revoked_at: at } }],
      status: 204,
      body: null,
    });
  });
}
