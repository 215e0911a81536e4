import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { listEnvelope } from "../../shared/schemas/common.ts";
import type { Context } from "hono";
import { guestLink, guestLinkCreate, guestLinkCreated, type GuestLink } from "../../shared/schemas/guest.ts";
import { sharingListQuery } from "../../shared/schemas/sharing.ts";
import { invalidField, notFound } from "../api-error.ts";
import { guestLinkToApi, insertGuestLink, type GuestLinkRow, listGuestLinks, loadGuestLink, newGuestLink, revokeGuestLink } from "../db/guest-links.ts";
import { loadPartnerRow } from "../db/partner-record.ts";
import type { AppEnv } from "../env.ts";
import { guestSecret } from "../http/hmac.ts";
import { bodyWriteErrors, idParam, jsonBody, jsonResponse, readErrors, writeErrors } from "../http/openapi-parts.ts";
import { requireOwnerOrAdmin } from "../http/owner-or-admin.ts";
import { respond } from "../http/respond.ts";
import { endOnce, sharingOperation, type Ending } from "./sharing-parts.ts";

const createGuestLinkRoute = createRoute({
  method: "post", path: "/v1/partners/{id}/guest-links",
  ...sharingOperation("createGuestLink", "Make a guest page for a partner company not on Mutual (owners and admins)",
    "The answer's url opens a page served by this API showing the partnership's shared records only; the partner company's " +
    "people can mark their own promises done and leave a comment there. The url is in this answer and nowhere else (only its " +
    "token's SHA-256 is kept). Expires after expires_in_days (30 unless chosen), revocable. Not idempotent by key: a stored answer would keep the url."),
  request: { params: idParam, body: jsonBody(guestLinkCreate) },
  responses: { 201: jsonResponse(guestLinkCreated, "The guest link, with its url shown once"), ...bodyWriteErrors },
});

const listGuestLinksRoute = createRoute({
  method: "get", path: "/v1/partners/{id}/guest-links",
  ...sharingOperation("listGuestLinks", "A partner's guest links, newest first (owners and admins)", "Never the urls."),
  request: { params: idParam, query: sharingListQuery },
  responses: { 200: jsonResponse(listEnvelope(guestLink), "A page of guest links"), ...readErrors, 403: writeErrors[403] },
});

const revokeGuestLinkRoute = createRoute({
  method: "delete", path: "/v1/guest-links/{id}",
  ...sharingOperation("revokeGuestLink", "Revoke a guest link (owners and admins)", "Its page stops opening at once. Revoking one already revoked changes nothing."),
  request: { params: idParam },
  responses: { 204: { description: "Revoked" }, ...readErrors, 403: writeErrors[403] },
});

/** A guest page shows the partnership to someone outside the workspace: owners and admins decide that. */
const requireGuestManager = (caller: Parameters<typeof requireOwnerOrAdmin>[0]) => requireOwnerOrAdmin(caller, "share a guest page");

export function registerGuestLinkRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createGuestLinkRoute, async (c) => {
    const caller = c.get("caller");
    requireGuestManager(caller);
    if (c.get("idempotency")) throw invalidField("Idempotency-Key", "is not accepted here: the answer holds the guest link, which is never stored");
    const secret = guestSecret(c.env.GUEST_LINK_SECRET);
    const db = c.get("db");
    const partnerId = c.req.valid("param").id;
    if (!(await loadPartnerRow(db, caller.workspaceId, partnerId))) throw notFound("Partner");
    const now = c.get("now");
    const { token, row } = await newGuestLink({
      workspaceId: caller.workspaceId, partnerId, memberId: caller.memberId, days: c.req.valid("json").expires_in_days, now, secret,
    });
    const shown = guestLinkToApi(row, now);
    c.header("Location", `/v1/partners/${partnerId}/guest-links`);
    return respond(c, {
      statements: [insertGuestLink(db, row)],
      audit: [{ entity: "guest_link", entityId: row.id, action: "create", after: shown }],
      status: 201,
      body: { ...shown, url: `${new URL(c.req.url).origin}/guest/${token}` },
    });
  });

  app.openapi(listGuestLinksRoute, async (c) => {
    requireGuestManager(c.get("caller"));
    const scope = { workspaceId: c.get("caller").workspaceId, partnerId: c.req.valid("param").id };
    if (!(await loadPartnerRow(c.get("db"), scope.workspaceId, scope.partnerId))) throw notFound("Partner");
    const { items, nextCursor } = await listGuestLinks(c.get("db"), scope, c.req.valid("query"));
    // Each link's status (active, revoked, expired) as of this request.
    const shown = items.map((row) => guestLinkToApi(row, c.get("now")));
    return c.json({ items: shown, next_cursor: nextCursor }, 200);
  });

  app.openapi(revokeGuestLinkRoute, (c) => endOnce(c, guestLinkEnding(c, c.req.valid("param").id)));
}

/** Revoking a link: stamped once, audited with its status before and after; the caller's workspace's links only. */
function guestLinkEnding(c: Context<AppEnv>, id: string): Ending<GuestLinkRow, GuestLink> {
  const db = c.get("db");
  const { workspaceId } = c.get("caller");
  const shown = (row: GuestLinkRow) => guestLinkToApi(row, c.get("now"));
  return {
    what: "Guest link", entity: "guest_link", id: (row) => row.id, shown,
    load: () => loadGuestLink(db, workspaceId, id),
    over: (row) => row.revoked_at !== null,
    end: (row, at) => ({ statement: revokeGuestLink(db, workspaceId, row.id, at), after: { ...shown(row), status: "revoked", revoked_at: at } }),
  };
}
