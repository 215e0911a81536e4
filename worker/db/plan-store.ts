import { isWrittenPlan, planChanges, reviewEveryDays } from "../../shared/plan/edit.ts";
import type { PartnershipPlan, PlanChange, PlanResource, PlanVersion } from "../../shared/schemas/plan.ts";
import { guardedUpdate } from "./stale-write-guard.ts";
import { insertRow, type Prepares } from "./sql.ts";
import type { PartnerRow } from "./partner-record.ts";
import type { TrackedDb } from "./tracked-db.ts";

interface PlanVersionRow {
  version: number;
  plan_json: string;
  changes_json: string;
  changed_by_member_id: string | null;
  changed_by_email: string | null;
  meeting_id: string | null;
  changed_at: string;
}

function versionToApi(row: PlanVersionRow): PlanVersion {
  return {
    version: row.version,
    changed_at: row.changed_at,
    changed_by: row.changed_by_member_id ? { member_id: row.changed_by_member_id, email: row.changed_by_email } : null,
    meeting_id: row.meeting_id,
    changes: JSON.parse(row.changes_json) as PlanChange[],
  };
}

const versionColumns = `v.version, v.plan_json, v.changes_json, v.changed_by_member_id, m.email AS changed_by_email, v.meeting_id, v.changed_at
  FROM plan_versions v LEFT JOIN members m ON m.id = v.changed_by_member_id AND m.workspace_id = v.workspace_id`;

/**
 * The plan as its current version, by nobody known: for a partner written
 * straight into D1 (demo and benchmark data) that has no version rows.
 */
function currentAsVersion(row: PartnerRow) {
  return { version: row.plan_version, changed_at: row.created_at, changed_by: null, meeting_id: null, changes: [], plan: JSON.parse(row.plan_json) as PartnershipPlan };
}

/** The plan's versions, newest first, a page at a time. */
export async function planHistory(db: TrackedDb, partner: PartnerRow, limit: number, before?: number): Promise<PlanVersion[]> {
  const rows = await db.all<PlanVersionRow>(
    `SELECT ${versionColumns} WHERE v.workspace_id = ? AND v.partner_id = ? AND v.version < ? ORDER BY v.version DESC LIMIT ?`,
    partner.workspace_id, partner.id, before ?? Number.MAX_SAFE_INTEGER, limit,
  );
  if (rows.length === 0 && (before === undefined || before > partner.plan_version)) {
    const { plan: _whole, ...current } = currentAsVersion(partner);
    return [current];
  }
  return rows.map(versionToApi);
}

/** One version of the plan, whole, so a page can compare any two. */
export async function planAtVersion(db: TrackedDb, partner: PartnerRow, version: number) {
  const row = await db.first<PlanVersionRow>(
    `SELECT ${versionColumns} WHERE v.workspace_id = ? AND v.partner_id = ? AND v.version = ?`,
    partner.workspace_id, partner.id, version,
  );
  if (!row) return version === partner.plan_version ? currentAsVersion(partner) : null;
  return { ...versionToApi(row), plan: JSON.parse(row.plan_json) as PartnershipPlan };
}

export interface PlanVersionWrite {
  workspaceId: string;
  partnerId: string;
  version: number;
  before: PartnershipPlan;
  after: PartnershipPlan;
  memberId: string | null;
  meetingId?: string | null;
  now: string;
}

/** The row that keeps one version of the plan and the changes that made it. */
export function planVersionInsert(db: Prepares, write: PlanVersionWrite): D1PreparedStatement {
  return insertRow(db, "plan_versions", {
    workspace_id: write.workspaceId, partner_id: write.partnerId, version: write.version,
    plan_json: JSON.stringify(write.after), changes_json: JSON.stringify(planChanges(write.before, write.after)),
    changed_by_member_id: write.memberId, meeting_id: write.meetingId ?? null, changed_at: write.now,
  });
}

/**
 * A new version of the plan: the partner row (plan, plan version, partner
 * version) only if the plan is still the version read, then the version row.
 * With If-Match the partner's plan version must be the one the client named.
 */
export function planUpdate(db: TrackedDb, row: PartnerRow, after: PartnershipPlan, memberId: string, now: string, meetingId?: string): D1PreparedStatement[] {
  const before = JSON.parse(row.plan_json) as PartnershipPlan;
  const version = row.plan_version + 1;
  return [
    ...guardedUpdate(db, {
      table: "partners", id: row.id, workspaceId: row.workspace_id, now,
      guard: { columns: { plan_version: row.plan_version } },
      set: { plan_json: JSON.stringify(after), plan_version: version },
    }),
    planVersionInsert(db, { workspaceId: row.workspace_id, partnerId: row.id, version, before, after, memberId, meetingId, now }),
  ];
}

/** The partner's current plan as the plan resource. */
export function planResourceOf(row: Pick<PartnerRow, "id" | "plan_json" | "plan_version" | "updated_at">): PlanResource {
  const plan = JSON.parse(row.plan_json) as PartnershipPlan;
  return {
    partner_id: row.id, plan, version: row.plan_version, review_every_days: reviewEveryDays(plan),
    written: isWrittenPlan(plan), updated_at: row.updated_at,
  };
}

/** A meeting with this partner (the one a plan review took place in), or null. */
export function meetingOf(db: TrackedDb, partner: Pick<PartnerRow, "id" | "workspace_id">, meetingId: string) {
  return db.first<{ occurred_at: string }>(
    "SELECT occurred_at FROM meetings WHERE id = ? AND workspace_id = ? AND partner_id = ?", meetingId, partner.workspace_id, partner.id,
  );
}
