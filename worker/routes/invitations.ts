import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { listEnvelope } from "../../shared/schemas/common.ts";
import { invitation, invitationCreated, sharingListQuery } from "../../shared/schemas/sharing.ts";
import { conflictOnField, invalidField, notFound } from "../api-error.ts";
import { liveConnectionOf } from "../db/connections.ts";
import { insertInvitation, invitationToApi, listInvitations, loadInvitation, newInvitation, revokeInvitation } from "../db/invitations.ts";
import { loadPartnerRow } from "../db/partner-record.ts";
import type { AppEnv } from "../env.ts";
import { idParam, jsonResponse, readErrors, writeErrors } from "../http/openapi-parts.ts";
import { respond } from "../http/respond.ts";
import { endOnce, requireSharingManager, sharingOperation } from "./sharing-parts.ts";

const forbiddenError = { 403: writeErrors[403] } as const;

const createInvitationRoute = createRoute({
  method: "post", path: "/v1/partners/{id}/invitations",
  ...sharingOperation("createInvitation", "Invite the partner company's workspace to connect (owners and admins)", "The code is in this answer and nowhere else (only its SHA-256 is kept); hand it to the partner company, " +
    "who accept it in their own workspace with POST /v1/connections. Single use, expires after 14 days, revocable. " +
    "Not idempotent by key: a stored answer would keep the code."),
  request: { params: idParam },
  responses: { 201: jsonResponse(invitationCreated, "The invitation, with its code shown once"), ...writeErrors },
});

const listInvitationsRoute = createRoute({
  method: "get", path: "/v1/partners/{id}/invitations",
  ...sharingOperation("listInvitations", "A partner's invitations, newest first (owners and admins)", "Never the codes."),
  request: { params: idParam, query: sharingListQuery },
  responses: { 200: jsonResponse(listEnvelope(invitation), "A page of invitations"), ...readErrors, ...forbiddenError },
});

const revokeInvitationRoute = createRoute({
  method: "delete", path: "/v1/invitations/{id}",
  ...sharingOperation("revokeInvitation", "Revoke an invitation (owners and admins)",
    "Its code stops working at once. Revoking one already revoked or accepted changes nothing (a connection is ended with DELETE /v1/connections/:id)."),
  request: { params: idParam },
  responses: { 204: { description: "Revoked" }, ...readErrors, ...forbiddenError },
});

export function registerInvitationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createInvitationRoute, async (c) => {
    requireSharingManager(c);
    if (c.get("idempotency")) {
      throw invalidField("Idempotency-Key", "is not accepted here: the answer holds the invitation's code, which is never stored");
    }
    const db = c.get("db");
    const caller = c.get("caller");
    const partnerId = c.req.valid("param").id;
    if (!(await loadPartnerRow(db, caller.workspaceId, partnerId))) throw notFound("Partner");
    if (await liveConnectionOf(db, caller.workspaceId, partnerId)) {
      throw conflictOnField("id", "this partner is already connected; end that connection before inviting again");
    }
    const now = c.get("now");
    const { code, row } = await newInvitation(caller.workspaceId, partnerId, caller.memberId, now);
    const shown = invitationToApi(row, now);
    // The code travels in the fragment, which browsers never send to a server or its logs; the page says how to accept it.
    const url = `${new URL(c.req.url).origin}/connect#code=${code}`;
    c.header("Location", `/v1/partners/${partnerId}/invitations`);
    return respond(c, {
      statements: [insertInvitation(db, row)],
      audit: [{ entity: "invitation", entityId: row.id, action: "create", after: shown }],
      status: 201,
      body: { ...shown, code, url },
    });
  });

  app.openapi(listInvitationsRoute, async (c) => {
    requireSharingManager(c);
    const db = c.get("db");
    const { workspaceId } = c.get("caller");
    const partnerId = c.req.valid("param").id;
    if (!(await loadPartnerRow(db, workspaceId, partnerId))) throw notFound("Partner");
    const page = await listInvitations(db, workspaceId, partnerId, c.req.valid("query"));
    const now = c.get("now");
    return c.json({ items: page.items.map((row) => invitationToApi(row, now)), next_cursor: page.nextCursor }, 200);
  });

  app.openapi(revokeInvitationRoute, (c) => {
    const db = c.get("db");
    const { workspaceId } = c.get("caller");
    const now = c.get("now");
    return endOnce(c, {
      what: "Invitation", entity: "invitation", id: (row) => row.id,
      load: () => loadInvitation(db, workspaceId, c.req.valid("param").id),
      over: (row) => row.revoked_at !== null || row.accepted_at !== null,
      shown: (row) => invitationToApi(row, now),
      end: (row, at) => ({ statement: revokeInvitation(db, workspaceId, row.id, at), after: { ...invitationToApi(row, now), status: "revoked" as const, revoked_at: at } }),
    });
  });
}
