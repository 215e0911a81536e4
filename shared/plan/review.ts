import { behindPace, goalProgress, paceScore } from "../health/goals.ts";
import type { OwedBy } from "../schemas/commitment.ts";
import type { PlanReview } from "../schemas/plan-review.ts";
import { reviewEveryDays } from "./edit.ts";
import { within, type Period, type PlanReviewFacts } from "./review-facts.ts";
import { referralFees, referralTallies } from "./review-money.ts";

const dayMs = 86_400_000;
const percent = (fraction: number) => Math.round(100 * fraction);

/** Since the last review, or the last review_every_days when there has been none. */
export function reviewPeriod(facts: PlanReviewFacts, now: Date): Period & { basis: PlanReview["period"]["basis"] } {
  const to = now.toISOString();
  const last = facts.plan.last_reviewed_at;
  if (last && last <= to) return { from: last, to, basis: "last_review" };
  return { from: new Date(now.getTime() - reviewEveryDays(facts.plan) * dayMs).toISOString(), to, basis: "review_every_days" };
}

/** Each goal against its pace and its milestones (its own and the plan's milestones tied to it). */
function goalReview(facts: PlanReviewFacts, now: Date): PlanReview["goals"] {
  const today = now.toISOString().slice(0, 10);
  return facts.goals.map((goal) => {
    const progress = goalProgress(goal, now);
    const pace = paceScore(goal, now);
    const milestones = [...goal.milestones, ...(facts.plan.milestones ?? []).filter((milestone) => milestone.goal_id === goal.id)];
    return {
      goal_id: goal.id,
      title: goal.title,
      progress_percent: progress ? percent(progress.achieved) : null,
      expected_percent: progress?.expected != null ? percent(progress.expected) : null,
      pace: pace === null ? "unmeasured" : pace < behindPace ? "behind" : "on_pace",
      milestones_done: milestones.filter((milestone) => milestone.done).length,
      milestones_total: milestones.length,
      milestones_overdue: milestones.filter((milestone) => !milestone.done && !!milestone.due_on && milestone.due_on < today).map((milestone) => milestone.title),
    };
  });
}

/**
 * Promises each side made in the period, and how those made or due in it
 * turned out: on time (done by the due day), late, broken (open past due) or open.
 */
function promiseTally(facts: PlanReviewFacts, side: OwedBy, period: Period): PlanReview["promises"]["us"] {
  const today = period.to.slice(0, 10);
  const tally = { made: 0, kept_on_time: 0, kept_late: 0, broken: 0, open: 0 };
  for (const promise of facts.commitments) {
    if (promise.owed_by !== side || promise.status === "cancelled") continue;
    const dueInPeriod = !!promise.due_on && promise.due_on >= period.from.slice(0, 10) && promise.due_on <= today;
    const made = within(promise.created_at, period);
    if (made) tally.made += 1;
    if (!made && !dueInPeriod && !within(promise.completed_at, period)) continue;
    if (promise.status === "done") {
      const late = !!promise.due_on && !!promise.completed_at && promise.completed_at.slice(0, 10) > promise.due_on;
      tally[late ? "kept_late" : "kept_on_time"] += 1;
    } else tally[promise.due_on && promise.due_on < today ? "broken" : "open"] += 1;
  }
  return tally;
}

/** Contact in the period against the cadence: the longest silence, the period's edges included. */
function contactReview(facts: PlanReviewFacts, period: Period): PlanReview["contact"] {
  const times = facts.interactions.map((entry) => entry.occurred_at).filter((at) => within(at, period)).sort();
  const edges = [period.from, ...times, period.to].map((at) => Date.parse(at));
  let longest = 0;
  for (let index = 1; index < edges.length; index++) longest = Math.max(longest, edges[index]! - edges[index - 1]!);
  const longestGapDays = Math.floor(longest / dayMs);
  return {
    cadence_days: facts.cadenceDays, interactions: times.length, last_contact_at: facts.lastContactAt,
    longest_gap_days: longestGapDays, within_cadence: longestGapDays <= facts.cadenceDays,
  };
}

/** What the plan says each side does, beside what the record shows each side did. */
function roleReview(facts: PlanReviewFacts, period: Period, promises: PlanReview["promises"], name: string): PlanReview["roles"] {
  const started = (direction: string) => facts.interactions.filter((entry) => within(entry.occurred_at, period) && entry.direction === direction).length;
  const sent = (direction: string) => facts.referrals.filter((entry) => entry.direction === direction && within(entry.submitted_at, period)).length;
  const us = {
    plan: facts.plan.our_roles ?? [],
    record: { interactions_started: started("outbound"), promises_made: promises.us.made, promises_kept_on_time: promises.us.kept_on_time, referrals_sent: sent("to_partner") },
  };
  const partner = {
    plan: facts.plan.partner_roles ?? [],
    record: { interactions_started: started("inbound"), promises_made: promises.partner.made, promises_kept_on_time: promises.partner.kept_on_time, referrals_sent: sent("to_us") },
  };
  const findings: string[] = [];
  const activity = (side: typeof us) => Object.values(side.record).reduce((sum, count) => sum + count, 0);
  for (const [who, side, other] of [["We", us, partner], [name, partner, us]] as const) {
    if (side.plan.length > 0 && activity(side) === 0) {
      findings.push(`${who} ${who === "We" ? "have" : "has"} roles in the plan (${side.plan.join(", ")}) but the record shows nothing from ${who === "We" ? "us" : "them"} in this period`);
    } else if (activity(side) === 0 && activity(other) > 0) {
      findings.push(`Only ${who === "We" ? name : "we"} did anything recorded in this period`);
    }
  }
  return { us, partner, findings };
}

/**
 * The plan against what happened since it was last reviewed: pure, from the
 * facts and the clock, so the same record always gives the same review.
 */
export function reviewPlan(facts: PlanReviewFacts, partnerName: string, now: Date): PlanReview {
  const period = reviewPeriod(facts, now);
  const promises = { us: promiseTally(facts, "us", period), partner: promiseTally(facts, "partner", period) };
  return {
    partner_id: facts.partnerId,
    plan_version: facts.planVersion,
    as_of: period.to,
    period,
    review_every_days: reviewEveryDays(facts.plan),
    last_reviewed_at: facts.plan.last_reviewed_at ?? null,
    goals: goalReview(facts, now),
    promises,
    referrals: referralTallies(facts, period),
    fees: referralFees(facts, period),
    contact: contactReview(facts, period),
    roles: roleReview(facts, period, promises, partnerName),
  };
}
