import type { PartnershipHistory } from "../../shared/health/history.ts";
import { planFacts } from "../../shared/health/plan.ts";
import type { PartnershipPlan } from "../../shared/schemas/plan.ts";
import type { StageChange } from "../../shared/schemas/referral.ts";
import { flipSides } from "../../shared/sharing/sides.ts";
import type { PartnerRow } from "./partner-record.ts";
import { inChunks, placeholders } from "./sql.ts";
import type { TrackedDb } from "./tracked-db.ts";

// Events older than this weigh under 0.03% (half-life 90 days): not worth reading.
const historyYears = 3;

type Row = Record<string, unknown> & { partner_id: string };

/** The SQL behind a score, for an IN-list of partners; exported so the benchmark explains these very statements. */
export const historySql = {
  interactions: (list: string) => `SELECT partner_id, kind, direction, occurred_at FROM interactions WHERE workspace_id = ? AND partner_id IN (${list}) AND occurred_at >= ?`,
  commitments: (list: string) => `SELECT partner_id, owed_by, status, due_on, completed_at, created_at FROM commitments WHERE workspace_id = ? AND partner_id IN (${list})`,
  referrals: (list: string) => `SELECT partner_id, direction, stage, submitted_at, stage_history_json, amount_minor, currency FROM referrals WHERE workspace_id = ? AND partner_id IN (${list}) AND submitted_at >= ?`,
  goals: (list: string) => `SELECT partner_id, title, target, current, due_on, last_reviewed_at, created_at FROM goals WHERE workspace_id = ? AND partner_id IN (${list})`,
  meetings: (list: string) => `SELECT partner_id, occurred_at, notes, decisions_json FROM meetings WHERE workspace_id = ? AND partner_id IN (${list}) AND occurred_at >= ?`,
  // The connected company's shared promises and referrals, through the caller's live connection only, as written on their side.
  theirCommitments: (list: string) => `${theirShared("commitments", "r.owed_by, r.status, r.due_on, r.completed_at, r.created_at")} AND k.partner_id IN (${list})`,
  theirReferrals: (list: string) => `${theirShared("referrals", "r.direction, r.stage, r.submitted_at, r.stage_history_json, r.amount_minor, r.currency")} AND k.partner_id IN (${list}) AND r.submitted_at >= ?`,
} as const;

function theirShared(table: string, columns: string): string {
  return `SELECT k.partner_id, w.name AS recorded_by, ${columns} FROM connections k
      JOIN partners op ON op.id = k.other_partner_id AND op.workspace_id = k.other_workspace_id AND op.archived_at IS NULL
      JOIN workspaces w ON w.id = k.other_workspace_id
      JOIN ${table} r ON r.workspace_id = k.other_workspace_id AND r.partner_id = k.other_partner_id AND r.visibility = 'shared'
     WHERE k.workspace_id = ? AND k.ended_at IS NULL`;
}

const commitmentFact = (row: Row) => ({
  owed_by: row.owed_by, status: row.status, due_on: row.due_on, completed_at: row.completed_at, created_at: row.created_at,
  ...(row.recorded_by !== undefined ? { recorded_by: row.recorded_by } : {}),
}) as PartnershipHistory["commitments"][number];

const referralFact = (row: Row) => ({
  direction: row.direction, stage: row.stage, submitted_at: row.submitted_at,
  stage_history: JSON.parse(row.stage_history_json as string) as StageChange[],
  amount_minor: row.amount_minor, currency: row.currency,
  ...(row.recorded_by !== undefined ? { recorded_by: row.recorded_by } : {}),
}) as PartnershipHistory["referrals"][number];

/**
 * The facts the health score reads, for a batch of partners, in one D1 round
 * trip per IN-list of partners (five indexed IN queries), so scoring a whole
 * workspace at night costs a few queries per hundred partners, not per partner.
 * A connected partner's own shared promises and referrals count too, read
 * from our side and marked with their company's name (`recorded_by`).
 */
export async function loadHistories(db: TrackedDb, workspaceId: string, partners: PartnerRow[], now: Date): Promise<Map<string, PartnershipHistory>> {
  const histories = new Map<string, PartnershipHistory>();
  for (const partner of partners) {
    histories.set(partner.id, {
      partner: { name: partner.name, status: partner.status, cadence_days: partner.cadence_days, created_at: partner.created_at },
      interactions: [], commitments: [], referrals: [], goals: [], meetings: [],
      plan: planFacts(JSON.parse(partner.plan_json) as PartnershipPlan),
    });
  }
  const since = new Date(now.getTime() - historyYears * 365 * 86_400_000).toISOString();
  for (const ids of inChunks(partners.map((partner) => partner.id))) {
    const list = placeholders(ids);
    const [interactions, commitments, referrals, goals, meetings, theirCommitments, theirReferrals] = await db.batch<Row>([
      db.prepare(historySql.interactions(list), workspaceId, ...ids, since),
      db.prepare(historySql.commitments(list), workspaceId, ...ids),
      db.prepare(historySql.referrals(list), workspaceId, ...ids, since),
      db.prepare(historySql.goals(list), workspaceId, ...ids),
      db.prepare(historySql.meetings(list), workspaceId, ...ids, since),
      db.prepare(historySql.theirCommitments(list), workspaceId, ...ids),
      db.prepare(historySql.theirReferrals(list), workspaceId, ...ids, since),
    ]);
    const historyOf = (row: Row) => histories.get(row.partner_id)!;
    for (const row of interactions!.results) {
      historyOf(row).interactions.push({ kind: row.kind, direction: row.direction, occurred_at: row.occurred_at } as PartnershipHistory["interactions"][number]);
    }
    // Theirs read from our side (owed by "us" there is owed by "partner" here), each saying whose record it is.
    for (const row of commitments!.results) historyOf(row).commitments.push(commitmentFact(row));
    for (const row of theirCommitments!.results) historyOf(row).commitments.push(flipSides("commitments", commitmentFact(row)));
    for (const row of referrals!.results) historyOf(row).referrals.push(referralFact(row));
    for (const row of theirReferrals!.results) historyOf(row).referrals.push(flipSides("referrals", referralFact(row)));
    for (const row of goals!.results) {
      historyOf(row).goals.push({ title: row.title, target: row.target, current: row.current, due_on: row.due_on, last_reviewed_at: row.last_reviewed_at, created_at: row.created_at } as PartnershipHistory["goals"][number]);
    }
    for (const row of meetings!.results) {
      historyOf(row).meetings.push({ occurred_at: row.occurred_at as string, notes: row.notes as string, decisions: JSON.parse(row.decisions_json as string) as string[] });
    }
  }
  return histories;
}
