import { reviewPeriod } from "../../shared/plan/review.ts";
import type { PlanReviewFacts } from "../../shared/plan/review-facts.ts";
import type { PartnershipPlan } from "../../shared/schemas/plan.ts";
import type { StageChange } from "../../shared/schemas/referral.ts";
import type { PartnerRow } from "./partner-record.ts";
import type { TrackedDb } from "./tracked-db.ts";

type Row = Record<string, unknown>;

/** One statement per kind of record, each on its (workspace_id, partner_id, …) index from 0001. */
export const planReviewSql = {
  goals: "SELECT id, title, target, current, due_on, last_reviewed_at, created_at, milestones_json FROM goals WHERE workspace_id = ? AND partner_id = ?",
  commitments: "SELECT owed_by, status, due_on, completed_at, created_at FROM commitments WHERE workspace_id = ? AND partner_id = ?",
  referrals: "SELECT id, direction, account_name, stage, submitted_at, stage_history_json, amount_minor, currency, fee_paid_at FROM referrals WHERE workspace_id = ? AND partner_id = ?",
  interactions: "SELECT kind, direction, occurred_at FROM interactions WHERE workspace_id = ? AND partner_id = ? AND occurred_at >= ?",
} as const;

/** One partner's plan and record, as the plan review reads them, in one round trip. */
export async function loadPlanReviewFacts(db: TrackedDb, partner: PartnerRow, cadenceDays: number, now: Date): Promise<PlanReviewFacts> {
  const plan = JSON.parse(partner.plan_json) as PartnershipPlan;
  const facts: PlanReviewFacts = {
    partnerId: partner.id, planVersion: partner.plan_version, plan, cadenceDays,
    goals: [], commitments: [], referrals: [], interactions: [], lastContactAt: partner.last_contact_at,
  };
  const since = reviewPeriod(facts, now).from;
  const scope = [partner.workspace_id, partner.id] as const;
  const [goals, commitments, referrals, interactions] = await db.batch<Row>([
    db.prepare(planReviewSql.goals, ...scope),
    db.prepare(planReviewSql.commitments, ...scope),
    db.prepare(planReviewSql.referrals, ...scope),
    db.prepare(planReviewSql.interactions, ...scope, since),
  ]);
  for (const row of goals!.results) {
    const { milestones_json: milestones, ...goal } = row;
    facts.goals.push({ ...goal, milestones: JSON.parse(milestones as string) } as PlanReviewFacts["goals"][number]);
  }
  facts.commitments = commitments!.results as unknown as PlanReviewFacts["commitments"];
  for (const row of referrals!.results) {
    const { stage_history_json: stages, ...referral } = row;
    facts.referrals.push({ ...referral, stage_history: JSON.parse(stages as string) as StageChange[] } as PlanReviewFacts["referrals"][number]);
  }
  facts.interactions = interactions!.results as unknown as PlanReviewFacts["interactions"];
  return facts;
}
