import { isWrittenPlan, reviewEveryDays } from "../plan/edit.ts";
import type { Signal } from "../schemas/health.ts";
import type { PartnershipPlan } from "../schemas/plan.ts";
import { negative, neutral, plural, positive, type ActionCandidate } from "./assessment.ts";
import type { PartnershipHistory } from "./history.ts";
import { ageInDays, freshness } from "./recency.ts";

/** What the score reads of the written plan. */
export interface PlanFacts {
  written: boolean;
  review_every_days: number;
  last_reviewed_at: string | null;
  renewal_on: string | null;
}

export function planFacts(plan: PartnershipPlan): PlanFacts {
  return {
    written: isWrittenPlan(plan), review_every_days: reviewEveryDays(plan),
    last_reviewed_at: plan.last_reviewed_at ?? null, renewal_on: plan.renewal_on ?? null,
  };
}

// A renewal this close deserves a fresh look at the plan, if none since last quarter.
const renewalWarningDays = 60;
const quarterDays = 91;
// Written but never reviewed: better than nothing in writing, far from a living plan.
const neverReviewedScore = 40;

export interface PlanAssessment {
  score: number | null;
  signals: Signal[];
  actions: ActionCandidate[];
}

/**
 * The written plan as part of the goals trait: is there one, and is it alive,
 * reviewed within its own review_every_days (full marks), sliding to nothing
 * at twice that. Unknown (no plan facts) says nothing; a missing plan counts
 * only once the partnership is established.
 */
export function assessPlan(history: PartnershipHistory, now: Date, established: boolean): PlanAssessment {
  const plan = history.plan;
  const name = history.partner.name;
  if (!plan || (!plan.written && !established)) return { score: null, signals: [], actions: [] };
  if (!plan.written) {
    return {
      score: 0,
      signals: [negative(`No written partnership plan with ${name}`)],
      actions: [{ text: `Write down the partnership plan with ${name}: roles, terms, renewal date`, trait: "goals", gain: 30 }],
    };
  }
  const every = plan.review_every_days;
  const signals = [];
  const actions: ActionCandidate[] = [];
  let score: number;
  const days = plan.last_reviewed_at === null ? null : Math.floor(ageInDays(plan.last_reviewed_at, now));
  if (days === null) {
    score = neverReviewedScore;
    signals.push(neutral(`Plan written, never reviewed; you review every ${every} days`));
    actions.push({ text: `Review the partnership plan with ${name}`, trait: "goals", gain: 25 });
  } else {
    score = freshness(days, every);
    const text = `Plan last reviewed ${plural(days, "day")} ago; you review every ${every}`;
    signals.push(days <= every ? positive(text) : negative(text));
    if (days > every) actions.push({ text: `Review the partnership plan with ${name}: last reviewed ${plural(days, "day")} ago`, trait: "goals", gain: (100 - score) * 0.3 });
  }
  if (plan.renewal_on) {
    const untilRenewal = (Date.parse(`${plan.renewal_on}T00:00:00Z`) - now.getTime()) / 86_400_000;
    if (untilRenewal >= 0 && untilRenewal <= renewalWarningDays && (days === null || days > quarterDays)) {
      signals.push(negative(`Plan renews on ${plan.renewal_on} with no review since last quarter`));
      // One review answers both: the renewal is the more pressing way to ask for it.
      actions.splice(0, actions.length, { text: `Review the plan with ${name} before it renews on ${plan.renewal_on}`, trait: "goals", gain: 45 });
    }
  }
  return { score, signals, actions };
}
