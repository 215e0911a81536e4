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
 * A row type's columns, every one of them: the compiler refuses a list that
 * leaves one out, so a column added to a row type cannot go missing from the
 * JSON the lookup builds of it.
 */
function columnsOf<Row>() {
  return <const C extends readonly (keyof Row & string)[]>(
    columns: C, ..._complete: Exclude<keyof Row, C[number]> extends never ? [] : [missing: Exclude<keyof Row, C[number]>]
  ) => columns;
}

const childColumns = ["id", "workspace_id", "partner_id", "visibility", "version", "created_at", "updated_at"] as const;
const interactionColumns = columnsOf<InteractionRow>()([...childColumns, "kind", "direction", "occurred_at", "summary", "participants_json", "source_url", "meeting_id"]);
const commitmentColumns = columnsOf<CommitmentRow>()([
  ...childColumns, "title", "owed_by", "owner_email", "due_on", "status", "completed_at", "source_url", "meeting_id",
]);
const referralColumns = columnsOf<ReferralRow>()([
  ...childColumns, "direction", "account_name", "amount_minor", "currency", "stage", "submitted_at", "stage_history_json", "notes", "fee_paid_at",
]);
const goalColumns = columnsOf<GoalRow>()([...childColumns, "title", "metric", "target", "current", "due_on", "milestones_json", "last_reviewed_at"]);

const jsonObject = (columns: readonly string[]) => `json_object(${columns.map((column) => `'${column}', ${column}`).join(", ")})`;

/**
 * The at-most-`limit` rows of `table` of one partner, in `order`, as a JSON
 * array: the inner query reads only that partner's own rows through its index
 * (however long its history), the outer one breaks ties by rowid.
 */
function latestOf(table: string, columns: readonly string[], workspace: string, partner: string, where: string, order: string, limit: number): string {
  return `(SELECT json_group_array(${jsonObject(columns)}) FROM (SELECT * FROM (SELECT *, rowid AS row_order FROM ${table}
          WHERE workspace_id = ${workspace} AND partner_id = ${partner}${where} ORDER BY ${order} LIMIT ${limit})
        ORDER BY ${order}, row_order))`;
}

/**
 * The sidebar's context of the partner `partner` (SQL naming its id) in
 * `workspace`, as JSON columns of the lookup's partner row
 * (lookup-queries.ts): one statement for every matched partner's context
 * instead of one per kind of record, each column an indexed read of that
 * partner's own rows. The limits are this code's constants, written into the
 * SQL, not bound.
 */
export function contextColumns(workspace: string, partner: string): string {
  const latest = (table: string, columns: readonly string[], where: string, order: string, limit: number) =>
    latestOf(table, columns, workspace, partner, where, order, limit);
  // SUM() of 64-bit integers raises "integer overflow" past 2^63, and a sum
  // past 2^53 reaches JavaScript rounded, so one partner's amounts could break
  // every lookup. total() sums as a double and never fails; each amount counts
  // at most the API's bound (larger ones could only predate it), so a total is
  // exact until it passes 2^53, where summarizeReferrals caps it.
  const referralCounts = `(SELECT json_group_array(${jsonObject(["direction", "stage", "currency", "count", "amount_minor"])}) FROM (
        SELECT direction, stage, currency, COUNT(*) AS count,
          CASE WHEN COUNT(amount_minor) = 0 THEN NULL ELSE total(min(amount_minor, ${maxAmountMinor})) END AS amount_minor
        FROM referrals WHERE workspace_id = ${workspace} AND partner_id = ${partner} GROUP BY direction, stage, currency))`;
  return [
    `${latest("interactions", interactionColumns, "", "occurred_at DESC", contextLimits.recentInteractions)} AS lookup_interactions`,
    `${latest("commitments", commitmentColumns, " AND status = 'open'", "due_on IS NULL, due_on, created_at", contextLimits.openCommitments)} AS lookup_open_commitments`,
    `${referralCounts} AS lookup_referral_counts`,
    `${latest("referrals", referralColumns, "", "submitted_at DESC", contextLimits.recentReferrals)} AS lookup_recent_referrals`,
    `${latest("goals", goalColumns, "", "due_on IS NULL, due_on, created_at", contextLimits.goals)} AS lookup_goals`,
  ].join(",\n        ");
}

/** The JSON columns contextColumns adds to a partner row. */
export interface ContextColumns {
  lookup_interactions: string;
  lookup_open_commitments: string;
  lookup_referral_counts: string;
  lookup_recent_referrals: string;
  lookup_goals: string;
}

/** A partner's context from its lookup row's JSON columns. */
export function contextOf(row: ContextColumns & Pick<PartnerRow, "cadence_days">, now: Date): PartnerContext {
  const parsed = <T>(json: string) => JSON.parse(json) as T[];
  const interactions = parsed<InteractionRow>(row.lookup_interactions).map(interactionToApi);
  const open = parsed<CommitmentRow>(row.lookup_open_commitments).map((commitment) => ({ ...commitmentToApi(commitment), overdue: isOverdue(commitment.due_on, now) }));
  return {
    last_contact: lastContactOf(interactions[0], row.cadence_days, now),
    open_commitments: open,
    recent_interactions: interactions,
    referrals: summarizeReferrals(parsed<StageCountRow>(row.lookup_referral_counts), parsed<ReferralRow>(row.lookup_recent_referrals).map(referralToApi)),
    goals: parsed<GoalRow>(row.lookup_goals).map(goalToApi),
  };
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

