/**
 * Invitations to connect: a code the inviting workspace hands to the partner
 * company. Only the code's SHA-256 is stored, so a copy of the database
 * cannot connect anyone; the code is shown once, in the answer that made it.
 */
import { randomText } from "../../shared/ids.ts";
import type { Invitation } from "../../shared/schemas/sharing.ts";
import { sha256Hex } from "../../shared/sha256.ts";
import { insertRow, keysetAfter, keysetOrderBy, pageOf, type KeysetOrder, type Prepares } from "./sql.ts";
import { staleWriteGuard } from "./stale-write-guard.ts";
import type { TrackedDb } from "./tracked-db.ts";

export const invitationLifetimeDays = 14;

export interface InvitationRow {
  id: string;
  workspace_id: string;
  partner_id: string;
  code_hash: string;
  created_by_member_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  accepted_at: string | null;
  connection_id: string | null;
}

export function invitationStatusOf(row: InvitationRow, now: Date): Invitation["status"] {
  if (row.accepted_at) return "accepted";
  if (row.revoked_at) return "revoked";
  return Date.parse(row.expires_at) <= now.getTime() ? "expired" : "pending";
}

export function invitationToApi(row: InvitationRow, now: Date): Invitation {
  return {
    id: row.id, partner_id: row.partner_id, status: invitationStatusOf(row, now), created_at: row.created_at,
    expires_at: row.expires_at, accepted_at: row.accepted_at, revoked_at: row.revoked_at,
  };
}

/** A new invitation's code (shown once) and the row that stands for it. */
export async function newInvitation(workspaceId: string, partnerId: string, memberId: string, now: Date) {
  const code = `mutual_inv_${randomText(32)}`;
  const row: InvitationRow = {
    id: `inv_${randomText(24)}`, workspace_id: workspaceId, partner_id: partnerId, code_hash: await sha256Hex(code),
    created_by_member_id: memberId, created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + invitationLifetimeDays * 86_400_000).toISOString(),
    revoked_at: null, accepted_at: null, connection_id: null,
  };
  return { code, row };
}

export function insertInvitation(db: Prepares, row: InvitationRow): D1PreparedStatement {
  return insertRow(db, "invitations", row);
}

/** The invitation a code stands for, whichever workspace made it: the code itself is the proof of being invited. */
export async function invitationByCode(db: TrackedDb, code: string): Promise<InvitationRow | null> {
  return db.first<InvitationRow>("SELECT * FROM invitations WHERE code_hash = ?", await sha256Hex(code));
}

export function loadInvitation(db: TrackedDb, workspaceId: string, id: string): Promise<InvitationRow | null> {
  return db.first<InvitationRow>("SELECT * FROM invitations WHERE id = ? AND workspace_id = ?", id, workspaceId);
}

const newestFirst: KeysetOrder = { expression: "created_at", id: "id", descending: true };

export async function listInvitations(db: TrackedDb, workspaceId: string, partnerId: string, page: { limit: number; cursor?: string }) {
  const after = page.cursor ? keysetAfter(newestFirst, page.cursor) : { clause: "1 = 1", params: [] };
  const rows = await db.all<InvitationRow>(
    `SELECT * FROM invitations WHERE workspace_id = ? AND partner_id = ? AND ${after.clause}
      ORDER BY ${keysetOrderBy(newestFirst)} LIMIT ?`,
    workspaceId, partnerId, ...after.params, page.limit + 1,
  );
  return pageOf(rows, page.limit, (row) => [row.created_at, row.id]);
}

export function revokeInvitation(db: Prepares, workspaceId: string, id: string, at: string): D1PreparedStatement {
  return db.prepare(
    "UPDATE invitations SET revoked_at = ? WHERE id = ? AND workspace_id = ? AND revoked_at IS NULL AND accepted_at IS NULL",
    at, id, workspaceId,
  );
}

/**
 * Marks the invitation used, and rolls the whole batch back (the connection
 * rows with it) when it was used, revoked or expired in the meantime: two
 * people accepting one code at once get one connection.
 */
export function claimInvitation(db: Prepares, id: string, connectionId: string, at: string): D1PreparedStatement[] {
  return [
    db.prepare(
      `UPDATE invitations SET accepted_at = ?, connection_id = ?
        WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?`,
      at, connectionId, id, at,
    ),
    staleWriteGuard({ prepare: (sql) => db.prepare(sql) }),
  ];
}
