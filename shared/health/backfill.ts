/**
 * Trends from day one: the score a partnership would have had on each past
 * day, computed from its history as it stood that day. Used after an import
 * and for the demo seed, so a trend shows months, not "one day so far".
 */
import type { Health, HealthSettings } from "../schemas/health.ts";
import { defaultHealthSettings } from "./formula.ts";
import type { PartnershipHistory } from "./history.ts";
import { scorePartnership } from "./score-partnership.ts";

/** How far back a backfill goes: the trends' longest default window. */
export const backfillDays = 180;

const dayMs = 86_400_000;

/** The first moment the partnership shows in its records: its creation or its first event, whichever came first. */
export function partnershipStart(history: PartnershipHistory): string {
  let start = history.partner.created_at;
  const consider = (at: string | null | undefined) => {
    if (at && at < start) start = at;
  };
  for (const event of history.interactions) consider(event.occurred_at);
  for (const event of history.meetings) consider(event.occurred_at);
  for (const commitment of history.commitments) consider(commitment.created_at);
  for (const referral of history.referrals) consider(referral.submitted_at);
  for (const goal of history.goals) consider(goal.created_at);
  return start;
}

/**
 * The history as it stood at `at` (an ISO instant): only what had happened
 * by then, each commitment and referral in the state it was in then. What
 * the records keep no past of stays as it is now: the partner's status and
 * plan, a goal's current figure, and when a commitment was cancelled (it is
 * counted as cancelled throughout, which leaves it out of every trait).
 */
export function historyAsOf(history: PartnershipHistory, at: string): PartnershipHistory {
  const start = partnershipStart(history);
  return {
    partner: { ...history.partner, created_at: start },
    interactions: history.interactions.filter((event) => event.occurred_at <= at),
    meetings: history.meetings.filter((event) => event.occurred_at <= at),
    commitments: history.commitments
      .filter((commitment) => commitment.created_at <= at)
      .map((commitment) => (commitment.status === "done" && commitment.completed_at !== null && commitment.completed_at > at
        ? { ...commitment, status: "open" as const, completed_at: null }
        : commitment)),
    referrals: history.referrals.flatMap((referral) => {
      if (referral.submitted_at > at) return [];
      const stageHistory = referral.stage_history.filter((change) => change.at <= at);
      const stage = stageHistory[stageHistory.length - 1]?.stage ?? "submitted";
      return [{ ...referral, stage, stage_history: stageHistory }];
    }),
    goals: history.goals
      .filter((goal) => goal.created_at <= at)
      .map((goal) => (goal.last_reviewed_at !== null && goal.last_reviewed_at > at ? { ...goal, last_reviewed_at: null } : goal)),
    ...(history.plan ? { plan: history.plan } : {}),
  };
}

export interface BackfilledDay {
  /** "YYYY-MM-DD" */
  day: string;
  health: Health;
}

/**
 * One score per day for the `days` days before `now`'s day (today is left to
 * the live score), from the day the partnership starts. Each is computed at
 * the end of its day, from the history as it stood then.
 */
export function backfillHealth(
  history: PartnershipHistory, now: Date, settings: HealthSettings = defaultHealthSettings, days = backfillDays,
): BackfilledDay[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const startDay = partnershipStart(history).slice(0, 10);
  const points: BackfilledDay[] = [];
  for (let back = days; back >= 1; back--) {
    const endOfDay = new Date(today - back * dayMs + dayMs - 1);
    const day = endOfDay.toISOString().slice(0, 10);
    if (day < startDay) continue;
    points.push({ day, health: scorePartnership(historyAsOf(history, endOfDay.toISOString()), endOfDay, settings) });
  }
  return points;
}

/** Each trait's score alone, as a snapshot keeps it (the explanation is kept only for the latest score). */
export function traitScores(health: Health): Record<string, number | null> {
  return Object.fromEntries(Object.entries(health.traits).map(([trait, value]) => [trait, value.score]));
}
