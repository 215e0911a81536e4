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
  // The promises a connected partner company shared that we owe (owed by
  // "partner" on their side), through our live connection only.
  theirPromiseCounts: `SELECT COALESCE(SUM(c.due_on < ?), 0) AS overdue, COALESCE(SUM(c.due_on = ?), 0) AS due_today FROM connections k
      JOIN partners p ON p.id = k.partner_id AND p.workspace_id = k.workspace_id AND p.archived_at IS NULL
      JOIN partners op ON op.id = k.other_partner_id AND op.workspace_id = k.other_workspace_id AND op.archived_at IS NULL
      JOIN commitments c ON c.workspace_id = k.other_workspace_id AND c.partner_id = k.other_partner_id AND c.visibility = 'shared'
     WHERE k.workspace_id = ? AND k.ended_at IS NULL AND c.owed_by = 'partner' AND c.status = 'open' AND c.due_on <= ?
       AND (? IS NULL OR lower(c.owner_email) = ?)`,
  activePartners: `SELECT id, name, cadence_days, last_contact_at, created_at FROM partners
     WHERE workspace_id = ? AND status = 'active' AND archived_at IS NULL AND (? IS NULL OR lower(owner_email) = ?)`,
} as const;

export async function promiseCounts(db: TrackedDb, workspaceId: string, today: string, owner: string | null): Promise<{ overdue: number; due_today: number }> {
  type Counts = { overdue: number; due_today: number };
  // One round trip: ours, and theirs that we owe.
  const [ours, theirs] = await db.batch<Counts>([
    db.prepare(nudgesSql.promiseCounts, today, today, workspaceId, today, owner, owner),
    db.prepare(nudgesSql.theirPromiseCounts, today, today, workspaceId, today, owner, owner),
  ]);
  const sum = (field: keyof Counts) => (ours!.results[0]?.[field] ?? 0) + (theirs!.results[0]?.[field] ?? 0);
  return { overdue: sum("overdue"), due_today: sum("due_today") };
}

export function activePartners(db: TrackedDb, workspaceId: string, owner: string | null): Promise<CadencePartner[]> {
  return db.all<CadencePartner>(nudgesSql.activePartners, workspaceId, owner, owner);
}
