import type { PartnershipPlan, PlanPatch } from "../schemas/plan.ts";

/** What a review's form says was decided about the plan itself. */
export interface ReviewDecisions {
  renewal_on: string;
  review_every_days: string;
  /** Milestones marked done in the review, by their place in the plan. */
  done: number[];
}

/**
 * The change to the plan a review decided: only what differs from the plan
 * as it is becomes part of the new version, so a review that decided nothing
 * changes nothing but when the plan was last reviewed.
 */
export function decisionsPatch(plan: PartnershipPlan, reviewEveryDays: number, decisions: ReviewDecisions): PlanPatch {
  const patch: PlanPatch = {};
  if (decisions.renewal_on && decisions.renewal_on !== plan.renewal_on) patch.renewal_on = decisions.renewal_on;
  const every = Number(decisions.review_every_days);
  if (decisions.review_every_days.trim() && every !== reviewEveryDays) patch.review_every_days = every;
  const done = decisions.done.filter((index) => plan.milestones?.[index] && !plan.milestones[index].done);
  if (done.length > 0) patch.milestones = (plan.milestones ?? []).map((m, index) => (done.includes(index) ? { ...m, done: true } : m));
  return patch;
}
