/**
 * What a guest page reads and writes: one partner record of one workspace,
 * its `shared` records only. Every query names the link's workspace and
 * partner, so a link can reach nothing else, whatever ids its requests carry.
 */
import { newId } from "../../shared/ids.ts";
import type { PartnershipPlan } from "../../shared/schemas/plan.ts";
import { guestAuthor, guestCommentSummary } from "../../shared/sharing/guest-link.ts";
import { auditInsert } from "../db/sql.ts";
import { isStaleWrite, staleWriteGuard } from "../db/stale-write-guard.ts";
import type { TrackedDb } from "../db/tracked-db.ts";

export interface GuestScope {
  workspaceId: string;
  partnerId: string;
  linkId: string;
}

export interface GuestCommitment { id: string; title: string; owed_by: "us" | "partner"; due_on: string | null; status: string; completed_at: string | null }
export interface GuestGoal { id: string; title: string; metric: string | null; target: number | null; current: number | null; due_on: string | null }
export interface GuestReferral { id: string; direction: "to_us" | "to_partner"; account_name: string; stage: string; submitted_at: string; amount_minor: number | null; currency: string | null }

export interface GuestView {
  workspaceName: string;
  partnerName: string;
  /** null while the workspace keeps its plan private. */
  plan: PartnershipPlan | null;
  commitments: GuestCommitment[];
  goals: GuestGoal[];
  referrals: GuestReferral[];
}

interface PartnerHead { name: string; plan_json: string; plan_visibility: string; workspace_name: string }

/** The partner's name (what the workspace calls the guest's company), if it is still a live partner. */
export function guestPartner(db: TrackedDb, scope: GuestScope): Promise<PartnerHead | null> {
  return db.first<PartnerHead>(
    `SELECT p.name, p.plan_json, p.plan_visibility, w.name AS workspace_name FROM partners p JOIN workspaces w ON w.id = p.workspace_id
      WHERE p.id = ? AND p.workspace_id = ? AND p.archived_at IS NULL`,
    scope.partnerId, scope.workspaceId,
  );
}

export async function guestView(db: TrackedDb, scope: GuestScope, head: PartnerHead): Promise<GuestView> {
  const where = "workspace_id = ? AND partner_id = ? AND visibility = 'shared'";
  const params = [scope.workspaceId, scope.partnerId];
  const [commitments, goals, referrals] = await Promise.all([
    db.all<GuestCommitment>(`SELECT id, title, owed_by, due_on, status, completed_at FROM commitments WHERE ${where} AND status != 'cancelled'
      ORDER BY status = 'done', due_on IS NULL, due_on, id LIMIT 200`, ...params),
    db.all<GuestGoal>(`SELECT id, title, metric, target, current, due_on FROM goals WHERE ${where} ORDER BY due_on IS NULL, due_on, id LIMIT 100`, ...params),
    db.all<GuestReferral>(`SELECT id, direction, account_name, stage, submitted_at, amount_minor, currency FROM referrals WHERE ${where}
      ORDER BY submitted_at DESC, id LIMIT 100`, ...params),
  ]);
  const plan = head.plan_visibility === "shared" ? (JSON.parse(head.plan_json) as PartnershipPlan) : null;
  return { workspaceName: head.workspace_name, partnerName: head.name, plan, commitments, goals, referrals };
}

/** Who the audit log names for a guest's change: no member, no token, the link. */
function guestAudit(scope: GuestScope, partnerName: string, requestId: string, at: string) {
  return { workspaceId: scope.workspaceId, actorMemberId: null, tokenId: null, requestId, at, actor: guestAuthor(partnerName) };
}

/**
 * Marks done an open shared promise the guest's company owes (owed_by
 * "partner" in the workspace's words). Resolves false, writing nothing, for
 * any other id: another partner's, a private one, one owed by the workspace.
 */
export async function markGuestPromiseDone(db: TrackedDb, scope: GuestScope, partnerName: string, commitmentId: string, requestId: string, at: string) {
  const { actor, ...audit } = guestAudit(scope, partnerName, requestId, at);
  try {
    await db.batch([
      db.prepare(
        `UPDATE commitments SET status = 'done', completed_at = ?, updated_at = ?, version = version + 1, updated_by_member_id = NULL
          WHERE id = ? AND workspace_id = ? AND partner_id = ? AND visibility = 'shared' AND owed_by = 'partner' AND status = 'open'`,
        at, at, commitmentId, scope.workspaceId, scope.partnerId,
      ),
      staleWriteGuard({ prepare: (sql) => db.prepare(sql) }),
      auditInsert(db, {
        ...audit, entity: "commitment", entityId: commitmentId, action: "update",
        before: { status: "open" }, after: { status: "done", completed_at: at, changed_by: actor, guest_link_id: scope.linkId },
      }),
    ]);
    return true;
  } catch (error) {
    if (isStaleWrite(error)) return false;
    throw error;
  }
}

/** Stores a guest's comment as a shared note on the partner, with its audit entry, in one batch. */
export async function addGuestComment(db: TrackedDb, scope: GuestScope, partnerName: string, comment: string, requestId: string, at: string) {
  const { actor, ...audit } = guestAudit(scope, partnerName, requestId, at);
  const id = newId("int");
  const summary = guestCommentSummary(partnerName, comment);
  await db.batch([
    db.prepare(
      `INSERT INTO interactions (id, workspace_id, partner_id, kind, direction, occurred_at, summary, participants_json, visibility, version, created_at, updated_at)
        VALUES (?, ?, ?, 'note', 'inbound', ?, ?, '[]', 'shared', 1, ?, ?)`,
      id, scope.workspaceId, scope.partnerId, at, summary, at, at,
    ),
    auditInsert(db, {
      ...audit, entity: "interaction", entityId: id, action: "create",
      after: { id, kind: "note", direction: "inbound", summary, visibility: "shared", created_by: actor, guest_link_id: scope.linkId },
    }),
  ]);
  return id;
}
