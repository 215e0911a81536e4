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

/** The SQL of the sidebar's context, exported so the benchmark explains these very statements. */
export const contextSql = {
  recentInteractions: "SELECT * FROM interactions WHERE workspace_id = ? AND partner_id = ? ORDER BY occurred_at DESC LIMIT ?",
  openCommitments: `SELECT * FROM commitments WHERE workspace_id = ? AND partner_id = ? AND status = 'open'
        ORDER BY due_on IS NULL, due_on, created_at LIMIT ?`,
  // SUM() of 64-bit integers raises "integer overflow" past 2^63, and a sum
  // past 2^53 reaches JavaScript rounded, so one partner's amounts could break
  // every lookup. total() sums as a double and never fails; each amount counts
  // at most the API's bound (larger ones could only predate it), so a total is
  // exact until it passes 2^53, where summarizeReferrals caps it.
  referralCounts: `SELECT direction, stage, currency, COUNT(*) AS count,
         CASE WHEN COUNT(amount_minor) = 0 THEN NULL ELSE total(min(amount_minor, ?)) END AS amount_minor
         FROM referrals WHERE workspace_id = ? AND partner_id = ? GROUP BY direction, stage, currency`,
  recentReferrals: "SELECT * FROM referrals WHERE workspace_id = ? AND partner_id = ? ORDER BY submitted_at DESC LIMIT ?",
  goals: "SELECT * FROM goals WHERE workspace_id = ? AND partner_id = ? ORDER BY due_on IS NULL, due_on, created_at LIMIT ?",
} as const;

/** Statements read per partner by contextStatements, in this order. */
export const contextStatementsPerPartner = 5;

/**
 * The small indexed queries behind each partner's sidebar context, none of
 * which scans more than that partner's own rows. The caller runs them in one
 * batch (one D1 round trip), together with whatever else it needs.
 */
export function contextStatements(db: TrackedDb, workspaceId: string, partnerIds: string[]): D1PreparedStatement[] {
  return partnerIds.flatMap((partnerId) => [
    db.prepare(contextSql.recentInteractions, workspaceId, partnerId, contextLimits.recentInteractions),
    db.prepare(contextSql.openCommitments, workspaceId, partnerId, contextLimits.openCommitments),
    db.prepare(contextSql.referralCounts, maxAmountMinor, workspaceId, partnerId),
    db.prepare(contextSql.recentReferrals, workspaceId, partnerId, contextLimits.recentReferrals),
    db.prepare(contextSql.goals, workspaceId, partnerId, contextLimits.goals),
  ]);
}

/** Turns contextStatements' results (in the same partner order) into each partner's context. */
export function assembleContexts(results: D1Result<Record<string, unknown>>[], partners: PartnerRow[], now: Date): PartnerContext[] {
  return partners.map((partner, index) => {
    const at = (offset: number) => results[index * contextStatementsPerPartner + offset]!.results;
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

