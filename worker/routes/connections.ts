import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { listEnvelope } from "../../shared/schemas/common.ts";
import { connection, connectionCreate, sharingListQuery } from "../../shared/schemas/sharing.ts";
import { conflictOnField, invalidField, notFound } from "../api-error.ts";
import {
  connectionInserts, connectionToApi, endConnection, freeDomains, listConnections, liveConnectionOf, liveConnectionTo,
  loadConnection, newConnectionId, ownDomainsOf, partnerByDomains, workspaceName,
} from "../db/connections.ts";
import { claimInvitation, invitationByCode, invitationStatusOf, type InvitationRow } from "../db/invitations.ts";
import { loadPartnerRow } from "../db/partner-record.ts";
import { StaleWriteError } from "../db/stale-write-guard.ts";
import { newPartnerForConnection } from "../db/sharing-partner.ts";
import type { AppEnv } from "../env.ts";
import { bodyWriteErrors, idParam, jsonBody, jsonResponse, readErrors, writeErrors } from "../http/openapi-parts.ts";
import { respond } from "../http/respond.ts";
import { endOnce, requireSharingManager, sharingOperation } from "./sharing-parts.ts";

const acceptRoute = createRoute({
  method: "post", path: "/v1/connections",
  ...sharingOperation("acceptInvitation", "Accept the partner company's invitation: connect this workspace to theirs (owners and admins)", "This workspace's partner record for the inviting company is the one partner_id names, else the live one " +
    "holding one of its members' email domains, else a new one (named after its workspace, with those domains). " +
    "From then on each side reads the other's shared records of this partnership, with sides flipped."),
  request: { body: jsonBody(connectionCreate) },
  responses: { 201: jsonResponse(connection, "The connection, as this workspace sees it"), ...bodyWriteErrors },
});

const listRoute = createRoute({
  method: "get", path: "/v1/connections", ...sharingOperation("listConnections", "This workspace's connections, live and ended, newest first"),
  request: { query: sharingListQuery },
  responses: { 200: jsonResponse(listEnvelope(connection), "A page of connections"), ...readErrors },
});

const endRoute = createRoute({
  method: "delete", path: "/v1/connections/{id}",
  ...sharingOperation("endConnection", "End a connection, from either side (owners and admins)", "Nothing crosses from the next request on, in either direction. Each side keeps the records it wrote, " +
    "with any change the other side made to them while connected. Ending one already ended changes nothing."),
  request: { params: idParam },
  responses: { 204: { description: "Ended" }, ...readErrors, 403: writeErrors[403] },
});

/** Why a code can't connect anything, as a 400 naming the field; nothing is written. */
function assertUsable(invitation: InvitationRow | null, workspaceId: string, now: Date): InvitationRow {
  if (!invitation) throw invalidField("code", "is not an invitation code; ask the partner company for a new one");
  if (invitation.workspace_id === workspaceId) {
    throw invalidField("code", "is this workspace's own invitation: send it to the partner company, who accept it in their workspace");
  }
  switch (invitationStatusOf(invitation, now)) {
    case "accepted": throw invalidField("code", "was already used (an invitation connects once); ask the partner company for a new one");
    case "revoked": throw invalidField("code", "was revoked by the partner company; ask them for a new one");
    case "expired": throw invalidField("code", `expired at ${invitation.expires_at}; ask the partner company for a new one`);
    case "pending": return invitation;
  }
}

/** This workspace's partner record for the inviter: named, matched by the inviter's domains, or new. */
async function partnerForInviter(c: Context<AppEnv>, invitation: InvitationRow, named: string | undefined, kind: string) {
  const db = c.get("db");
  const { workspaceId } = c.get("caller");
  if (named !== undefined) {
    if (!(await loadPartnerRow(db, workspaceId, named))) throw notFound("Partner");
    if (await liveConnectionOf(db, workspaceId, named)) throw conflictOnField("partner_id", "is already connected to another workspace");
    return { partnerId: named, statements: [] };
  }
  const inviterDomains = await ownDomainsOf(db, invitation.workspace_id);
  const matched = await partnerByDomains(db, workspaceId, inviterDomains);
  if (matched) return { partnerId: matched.id, statements: [] };
  const name = (await workspaceName(db, invitation.workspace_id))?.name ?? "Partner company";
  const domains = await freeDomains(db, workspaceId, inviterDomains);
  return newPartnerForConnection(db, { workspaceId, memberId: c.get("caller").memberId, name, kind, domains, now: c.get("now").toISOString() });
}

export function registerConnectionRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(acceptRoute, async (c) => {
    requireSharingManager(c);
    const db = c.get("db");
    const { workspaceId, memberId } = c.get("caller");
    const input = c.req.valid("json");
    const now = c.get("now");
    const invitation = assertUsable(await invitationByCode(db, input.code), workspaceId, now);
    if (await liveConnectionTo(db, workspaceId, invitation.workspace_id)) {
      throw conflictOnField("code", "this workspace is already connected to the inviting company; end that connection first");
    }
    if (await liveConnectionOf(db, invitation.workspace_id, invitation.partner_id)) {
      throw conflictOnField("code", "the inviting company has since connected this partnership to another workspace");
    }
    const { partnerId, statements } = await partnerForInviter(c, invitation, input.partner_id, input.kind);
    const id = newConnectionId();
    const at = now.toISOString();
    const inviterName = (await workspaceName(db, invitation.workspace_id))?.name ?? "";
    const body = connectionToApi({
      id, workspace_id: workspaceId, partner_id: partnerId, other_workspace_id: invitation.workspace_id,
      other_partner_id: invitation.partner_id, role: "acceptor", invitation_id: invitation.id, created_by_member_id: memberId,
      created_at: at, seen_at: null, ended_at: null, ended_by_workspace_id: null, other_workspace_name: inviterName,
    });
    c.header("Location", `/v1/connections/${id}`);
    try {
      return await respond(c, {
        statements: [
          ...claimInvitation(db, invitation.id, id, at),
          ...statements,
          ...connectionInserts(db, {
            id, workspace_id: invitation.workspace_id, partner_id: invitation.partner_id, other_workspace_id: workspaceId,
            other_partner_id: partnerId, invitation_id: invitation.id, created_by_member_id: memberId, created_at: at,
          }),
        ],
        audit: [{ entity: "connection", entityId: id, action: "create", after: body }],
        status: 201,
        body,
      });
    } catch (error) {
      // Someone else used or revoked the code between our read and our write.
      if (error instanceof StaleWriteError) throw invalidField("code", "was used or revoked a moment ago; ask the partner company for a new one");
      throw error;
    }
  });

  app.openapi(listRoute, async (c) => {
    const page = await listConnections(c.get("db"), c.get("caller").workspaceId, c.req.valid("query"));
    return c.json({ items: page.items.map(connectionToApi), next_cursor: page.nextCursor }, 200);
  });

  app.openapi(endRoute, (c) => {
    const db = c.get("db");
    const { workspaceId } = c.get("caller");
    return endOnce(c, {
      what: "Connection", entity: "connection", id: (row) => row.id,
      load: () => loadConnection(db, workspaceId, c.req.valid("param").id),
      over: (row) => row.ended_at !== null,
      shown: connectionToApi,
      end: (row, at) => ({
        statement: endConnection(db, row, workspaceId, at),
        after: { ...connectionToApi(row), ended_at: at, ended_by: "us" as const },
      }),
    });
  });
}
