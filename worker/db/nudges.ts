import type { CadencePartner } from "../../shared/nudges.ts";
import type { TrackedDb } from "./tracked-db.ts";

/**
 * Exported so a test explains these very statements: the promise count reads
 * commitments_owed_due, the partner list partners_by_status, both within one
 * workspace. `?owner` is the caller's email, or NULL for the whole workspace.
 */
export const nudgesSql = {
  promiseCounts: `SELECT COALESCE(SUM(c.due_on < ?), 0) AS overdue, COALESCE(SUM(c.due_on = ?), 0) AS due_today
      FROM commitments c JOIN partners p ON p.id = c.partner_id AND p.workspace_id = c.workspace_id
     WHERE c.workspace_id = ? AND c.owed_by = 'us' AND c.status = 'open' AND c.due_on <= ?
       AND (? IS NULL OR lower(c.owner_email) = ?) AND p.archived_at IS NULL`,
  activePartners: `SELECT id, name, cadence_days, last_contact_at, created_at FROM partners
     WHERE workspace_id = ? AND status = 'active' AND archived_at IS NULL AND (? IS NULL OR lower(owner_email) = ?)`,
} as const;

export async function promiseCounts(db: TrackedDb, workspaceId: string, today: string, owner: string | null): Promise<{ overdue: number; due_today: number }> {
  const row = await db.first<{ overdue: number; due_today: number }>(nudgesSql.promiseCounts, today, today, workspaceId, today, owner, owner);
  return { overdue: row?.overdue ?? 0, due_today: row?.due_today ?? 0 };
}

export function activePartners(db: TrackedDb, workspaceId: string, owner: string | null): Promise<CadencePartner[]> {
  return db.all<CadencePartner>(nudgesSql.activePartners, workspaceId, owner, owner);
}
