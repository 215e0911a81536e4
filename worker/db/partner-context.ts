import { daysBetween, isOverdue } from "../../shared/calendar.ts";
import { maxAmountMinor } from "../../shared/schemas/common.ts";
import type { LastContact, ReferralStageCounts, ReferralSummary } from "../../shared/schemas/lookup.ts";
import type { Goal } from "../../shared/schemas/goal.ts";
import type { Interaction } from "../../shared/schemas/interaction.ts";
import type { Commitment } from "../../shared/schemas/commitment.ts";
import type { Referral } from "../../shared/schemas/referral.ts";
import {
  commitmentToApi, goalToApi, interactionToApi, referralToApi, type CommitmentRow, type GoalRow, type InteractionRow, type ReferralRow,
} from "./child-records.ts";
import { callerWorkspace, matchedCte, type MatchedScope } from "./lookup-queries.ts";
import type { PartnerRow } from "./partner-record.ts";
import type { TrackedDb } from "./tracked-db.ts";

export interface PartnerContext {
  last_contact: LastContact | null;
  open_commitments: (Commitment & { overdue: boolean })[];
  recent_interactions: Interaction[];
  referrals: ReferralSummary;
  goals: Goal[];
}

export const contextLimits = { recentInteractions: 5, recentReferrals: 5, openCommitments: 50, goals: 20 } as const;

interface StageCountRow {
  direction: Referral["direction"];
  stage: Referral["stage"];
  currency: string | null;
  count: number;
  amount_minor: number | null;
}

function emptyCounts(): ReferralStageCounts {
  return { total: 0, submitted: 0, accepted: 0, won: 0, lost: 0, rejected: 0, won_value: [] };
}

/**
 * The at-most-`limit` rows of `table` of each matched partner, in `order`:
 * a correlated subquery per partner, so each reads only that partner's own
 * rows through its index, however long its history.
 */
function latestOfEach(table: string, where: string, order: string): string {
  return `${matchedCte}SELECT t.* FROM matched CROSS JOIN ${table} t ON t.rowid IN (
        SELECT rowid FROM ${table} WHERE workspace_id = ${callerWorkspace} AND partner_id = matched.id${where} ORDER BY ${order} LIMIT ?)
      ORDER BY t.partner_id, ${order.replaceAll(/(^|, )/g, "$1t.")}, t.rowid`;
}

/**
 * The SQL of the sidebar's context, exported so the benchmark explains these
 * very statements. Each covers every matched partner (matchedCte), so the
 * context comes back in the lookup's one batch; rows carry their partner_id.
 */
export const contextSql = {
  recentInteractions: latestOfEach("interactions", "", "occurred_at DESC"),
  openCommitments: latestOfEach("commitments", " AND status = 'open'", "due_on IS NULL, due_on, created_at"),
  // SUM() of 64-bit integers raises "integer overflow" past 2^63, and a sum
  // past 2^53 reaches JavaScript rounded, so one partner's amounts could break
  // every lookup. total() sums as a double and never fails; each amount counts
  // at most the API's bound (larger ones could only predate it), so a total is
  // exact until it passes 2^53, where summarizeReferrals caps it.
  referralCounts: `${matchedCte}SELECT r.partner_id, direction, stage, currency, COUNT(*) AS count,
         CASE WHEN COUNT(amount_minor) = 0 THEN NULL ELSE total(min(amount_minor, ?)) END AS amount_minor
         FROM matched CROSS JOIN referrals r ON r.workspace_id = ${callerWorkspace} AND r.partner_id = matched.id
         GROUP BY r.partner_id, direction, stage, currency`,
  recentReferrals: latestOfEach("referrals", "", "submitted_at DESC"),
  goals: latestOfEach("goals", "", "due_on IS NULL, due_on, created_at"),
} as const;

/**
 * The small indexed queries behind the sidebar context of every partner the
 * lookup matched, none of which scans more than those partners' own rows.
 * `scope` is matchedScope(...): the caller runs these in the lookup's batch.
 */
export function contextStatements(db: TrackedDb, scope: MatchedScope): D1PreparedStatement[] {
  const statement = (sql: string, last: number) => db.prepare(scope.sql(sql), ...scope.params, last);
  return [
    statement(contextSql.recentInteractions, contextLimits.recentInteractions),
    statement(contextSql.openCommitments, contextLimits.openCommitments),
    statement(contextSql.referralCounts, maxAmountMinor),
    statement(contextSql.recentReferrals, contextLimits.recentReferrals),
    statement(contextSql.goals, contextLimits.goals),
  ];
}

/** Turns contextStatements' results (rows of any matched partner) into each partner's context. */
export function assembleContexts(results: D1Result<Record<string, unknown>>[], partners: PartnerRow[], now: Date): PartnerContext[] {
  const byPartner = results.map((result) => {
    const rows = new Map<string, Record<string, unknown>[]>();
    for (const row of result.results) {
      const id = row.partner_id as string;
      rows.set(id, [...(rows.get(id) ?? []), row]);
    }
    return rows;
  });
  return partners.map((partner) => {
    const at = (offset: number) => byPartner[offset]!.get(partner.id) ?? [];
    const interactions = (at(0) as unknown as InteractionRow[]).map(interactionToApi);
    const open = (at(1) as unknown as CommitmentRow[]).map((row) => ({ ...commitmentToApi(row), overdue: isOverdue(row.due_on, now) }));
    return {
      last_contact: lastContactOf(interactions[0], partner.cadence_days, now),
      open_commitments: open,
      recent_interactions: interactions,
      referrals: summarizeReferrals(at(2) as unknown as StageCountRow[], (at(3) as unknown as ReferralRow[]).map(referralToApi)),
      goals: (at(4) as unknown as GoalRow[]).map(goalToApi),
    };
  });
}

function lastContactOf(latest: Interaction | undefined, cadenceDays: number | null, now: Date): LastContact | null {
  if (!latest) return null;
  const daysSince = daysBetween(new Date(latest.occurred_at), now);
  return {
    at: latest.occurred_at,
    kind: latest.kind,
    direction: latest.direction,
    summary: latest.summary,
    participants: latest.participants,
    days_since: daysSince,
    cadence_days: cadenceDays,
    overdue: cadenceDays !== null && daysSince > cadenceDays,
  };
}

function summarizeReferrals(rows: StageCountRow[], recent: Referral[]): ReferralSummary {
  const summary = { to_us: emptyCounts(), to_partner: emptyCounts(), recent };
  for (const row of rows) {
    const counts = summary[row.direction];
    counts.total += row.count;
    counts[row.stage] += row.count;
    if (row.stage === "won" && row.currency && row.amount_minor !== null) {
      counts.won_value.push({ currency: row.currency, amount_minor: Math.min(row.amount_minor, Number.MAX_SAFE_INTEGER) });
    }
  }
  return summary;
}

