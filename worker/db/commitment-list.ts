/**
 * GET /v1/commitments across all partners, both sides: the caller's own
 * promises and, for each partner connected to its company's workspace, the
 * promises that company shared, read from the caller's side (owed_by
 * flipped, under the caller's partner record). The other side's rows are
 * reached only through the caller's live connection row.
 */
import { commitmentToApi, type CommitmentRow } from "./child-records.ts";
import type { ListedConnection } from "./connections.ts";
import { asSeen, withAuthors, type SeenRow } from "./shared-records.ts";
import { placeholders } from "./sql.ts";
import type { TrackedDb } from "./tracked-db.ts";

/** Both sides' commitments as one table, with seen_partner_id and seen_owed_by as the caller reads them; parameters: the caller's workspace, twice. */
export const bothSidesCommitments = `(SELECT r.*, r.partner_id AS seen_partner_id, r.owed_by AS seen_owed_by FROM commitments r
      JOIN partners p ON p.id = r.partner_id AND p.workspace_id = r.workspace_id AND p.archived_at IS NULL
     WHERE r.workspace_id = ?
    UNION ALL
    SELECT r.*, k.partner_id AS seen_partner_id, CASE r.owed_by WHEN 'us' THEN 'partner' ELSE 'us' END AS seen_owed_by FROM connections k
      JOIN partners p ON p.id = k.partner_id AND p.workspace_id = k.workspace_id AND p.archived_at IS NULL
      JOIN partners op ON op.id = k.other_partner_id AND op.workspace_id = k.other_workspace_id AND op.archived_at IS NULL
      JOIN commitments r ON r.workspace_id = k.other_workspace_id AND r.partner_id = k.other_partner_id AND r.visibility = 'shared'
     WHERE k.workspace_id = ? AND k.ended_at IS NULL)`;

export type ListedCommitment = SeenRow<CommitmentRow> & { seen_owed_by: string };

/** The page's rows in the API's form, each as the caller reads it, with who wrote and changed it while connected. */
export async function commitmentsAsSeen(db: TrackedDb, workspaceId: string, rows: ListedCommitment[]) {
  const partnerIds = [...new Set(rows.map((row) => row.seen_partner_id))];
  const links = partnerIds.length === 0 ? [] : await db.all<ListedConnection>(
    `SELECT k.*, w.name AS other_workspace_name FROM connections k JOIN workspaces w ON w.id = k.other_workspace_id
      WHERE k.workspace_id = ? AND k.ended_at IS NULL AND k.partner_id IN (${placeholders(partnerIds)})`,
    workspaceId, ...partnerIds,
  );
  const linkOf = new Map(links.map((link) => [link.partner_id, link]));
  const apis = rows.map((row) => asSeen("commitments", workspaceId, row, commitmentToApi(row)));
  // Authors only where there is a live connection, one lookup per connected partner on the page.
  for (const [partnerId, link] of linkOf) {
    const indexes = rows.flatMap((row, index) => (row.seen_partner_id === partnerId ? [index] : []));
    const authored = await withAuthors(db, { workspaceId, link }, indexes.map((index) => rows[index]!), indexes.map((index) => apis[index]!));
    indexes.forEach((index, at) => (apis[index] = authored[at]!));
  }
  return apis;
}
