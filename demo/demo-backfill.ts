/**
 * The demo's trends from day one: for each demo partner, the daily health
 * snapshots of the past 180 days computed from its seeded history as it
 * stood on each day, marked backfilled, as an import would leave them. So
 * `npm start` shows months of trend, not "one day so far".
 */
import { backfillHealth, traitScores } from "../shared/health/backfill.ts";
import type { PartnershipHistory } from "../shared/health/history.ts";
import { planFacts } from "../shared/health/plan.ts";
import type { PartnershipPlan } from "../shared/schemas/plan.ts";
import type { StageChange } from "../shared/schemas/referral.ts";
import type { DemoTables } from "./demo-rows.ts";

export type HealthSnapshotRow = {
  workspace_id: string; partner_id: string; day: string; score: number | null; band: string; confidence: number;
  formula_version: string; traits_json: string; computed_at: string; backfilled: 1;
};

/** Each partner's facts as the worker reads them from these rows (worker/db/partnership-history.ts). */
function demoHistories(tables: DemoTables): Map<string, { workspaceId: string; history: PartnershipHistory }> {
  const byPartner = new Map<string, { workspaceId: string; history: PartnershipHistory }>();
  for (const row of tables.partners) {
    byPartner.set(row.id, {
      workspaceId: row.workspace_id,
      history: {
        partner: { name: row.name, status: row.status, cadence_days: row.cadence_days, created_at: row.created_at },
        interactions: [], commitments: [], referrals: [], goals: [], meetings: [],
        plan: planFacts(JSON.parse(row.plan_json) as PartnershipPlan),
      },
    });
  }
  const of = (partnerId: string) => byPartner.get(partnerId)!.history;
  for (const { partner_id, kind, direction, occurred_at } of tables.interactions) of(partner_id).interactions.push({ kind, direction, occurred_at });
  for (const { partner_id, owed_by, status, due_on, completed_at, created_at } of tables.commitments) {
    of(partner_id).commitments.push({ owed_by, status, due_on, completed_at, created_at });
  }
  for (const referral of tables.referrals) {
    of(referral.partner_id).referrals.push({
      direction: referral.direction, stage: referral.stage, submitted_at: referral.submitted_at,
      stage_history: JSON.parse(referral.stage_history_json) as StageChange[], amount_minor: referral.amount_minor, currency: referral.currency,
    });
  }
  for (const { partner_id, title, target, current, due_on, last_reviewed_at, created_at } of tables.goals) {
    of(partner_id).goals.push({ title, target, current, due_on, last_reviewed_at, created_at });
  }
  for (const meeting of tables.meetings) {
    of(meeting.partner_id).meetings.push({ occurred_at: meeting.occurred_at, notes: meeting.notes, decisions: JSON.parse(meeting.decisions_json) as string[] });
  }
  return byPartner;
}

/** health_snapshots rows for every partner in these tables, for the days before `now`'s. */
export function demoHealthSnapshots(tables: DemoTables, now: Date): HealthSnapshotRow[] {
  const computedAt = now.toISOString();
  return [...demoHistories(tables)].flatMap(([partnerId, { workspaceId, history }]) =>
    backfillHealth(history, now).map(({ day, health }) => ({
      workspace_id: workspaceId, partner_id: partnerId, day, score: health.score, band: health.band, confidence: health.confidence,
      formula_version: health.version, traits_json: JSON.stringify(traitScores(health)), computed_at: computedAt, backfilled: 1 as const,
    })),
  );
}
