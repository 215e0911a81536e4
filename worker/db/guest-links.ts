/**
 * Guest links: the rows behind guest pages. Only the SHA-256 of a link's
 * token is stored; the token itself is in the answer that made the link and
 * in the address the owner hands to the partner company.
 */
import { randomText } from "../../shared/ids.ts";
import type { GuestLink } from "../../shared/schemas/guest.ts";
import { guestLinkExpiry, guestLinkStatus, guestTokenPayload } from "../../shared/sharing/guest-link.ts";
import { sha256Hex } from "../../shared/sha256.ts";
import { hmacHex } from "../http/hmac.ts";
import { insertRow, keysetAfter, keysetOrderBy, pageOf, type KeysetOrder, type Prepares } from "./sql.ts";
import type { TrackedDb } from "./tracked-db.ts";

export interface GuestLinkRow {
  id: string;
  token_hash: string;
  workspace_id: string;
  partner_id: string;
  created_by_member_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export function guestLinkToApi(row: GuestLinkRow, now: Date): GuestLink {
  return {
    id: row.id, partner_id: row.partner_id, status: guestLinkStatus(row, now),
    created_at: row.created_at, expires_at: row.expires_at, revoked_at: row.revoked_at,
  };
}

export interface NewGuestLink {
  workspaceId: string;
  partnerId: string;
  memberId: string;
  days: number;
  now: Date;
  secret: string;
}

/** A new link's token (shown once) and the row that stands for it. */
export async function newGuestLink(link: NewGuestLink): Promise<{ token: string; row: GuestLinkRow }> {
  const id = `gst_${randomText(24)}`;
  const expiresAt = guestLinkExpiry(link.now, link.days);
  const payload = guestTokenPayload(id, expiresAt, randomText(32));
  const token = `${payload}.${await hmacHex(link.secret, payload)}`;
  const row: GuestLinkRow = {
    id, token_hash: await sha256Hex(token), workspace_id: link.workspaceId, partner_id: link.partnerId,
    created_by_member_id: link.memberId, created_at: link.now.toISOString(), expires_at: expiresAt.toISOString(), revoked_at: null,
  };
  return { token, row };
}

export const insertGuestLink = (db: Prepares, row: GuestLinkRow) => insertRow(db, "guest_links", row);

/** The link a token stands for: by its hash and its id both, so a token can only ever open its own row. */
export async function guestLinkByToken(db: TrackedDb, token: string, linkId: string): Promise<GuestLinkRow | null> {
  return db.first<GuestLinkRow>("SELECT * FROM guest_links WHERE token_hash = ? AND id = ?", await sha256Hex(token), linkId);
}

export function loadGuestLink(db: TrackedDb, workspaceId: string, id: string): Promise<GuestLinkRow | null> {
  return db.first<GuestLinkRow>("SELECT * FROM guest_links WHERE id = ? AND workspace_id = ?", id, workspaceId);
}

const newestFirst: KeysetOrder = { expression: "created_at", id: "id", descending: true };

export async function listGuestLinks(db: TrackedDb, scope: { workspaceId: string; partnerId: string }, page: { limit: number; cursor?: string }) {
  const after = page.cursor ? keysetAfter(newestFirst, page.cursor) : { clause: "1 = 1", params: [] };
  const sql = `SELECT * FROM guest_links WHERE workspace_id = ? AND partner_id = ? AND ${after.clause} ORDER BY ${keysetOrderBy(newestFirst)} LIMIT ?`;
  const rows = await db.all<GuestLinkRow>(sql, scope.workspaceId, scope.partnerId, ...after.params, page.limit + 1);
  return pageOf(rows, page.limit, (row) => [row.created_at, row.id]);
}

export function revokeGuestLink(db: Prepares, workspaceId: string, id: string, at: string): D1PreparedStatement {
  return db.prepare("UPDATE guest_links SET revoked_at = ? WHERE id = ? AND workspace_id = ? AND revoked_at IS NULL", at, id, workspaceId);
}
