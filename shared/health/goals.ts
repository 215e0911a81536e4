import type { PartnershipHistory } from "./history.ts";
import { judged, negative, plural, positive, weightedMean, type ActionCandidate, type TraitAssessment } from "./assessment.ts";
import { assessPlan } from "./plan.ts";
import { ageInDays, clamp, confidenceFrom, freshness } from "./recency.ts";

const reviewEveryDays = 90;

/**
 * How far a goal has come (current / target) and how far an even pace from
 * creation to its due date would have it by now; null without a target and
 * progress to measure.
 */
export function goalProgress(goal: PartnershipHistory["goals"][number], now: Date): { achieved: number; expected: number | null } | null {
  if (goal.target === null || goal.current === null || goal.target === 0) return null;
  const achieved = goal.current / goal.target;
  if (!Number.isFinite(achieved)) return null;
  if (!goal.due_on) return { achieved, expected: null };
  const start = Date.parse(goal.created_at);
  const end = Date.parse(`${goal.due_on}T23:59:59Z`);
  const elapsed = end > start ? Math.min(1, Math.max(0, (now.getTime() - start) / (end - start))) : 1;
  return { achieved, expected: elapsed };
}

/** Progress against where the goal should be by now, if it moved at an even pace from creation to due date. */
export function paceScore(goal: PartnershipHistory["goals"][number], now: Date): number | null {
  const progress = goalProgress(goal, now);
  if (progress === null) return null;
  if (progress.expected === null) return clamp(100 * progress.achieved);
  const expected = Math.max(0.05, progress.expected);
  return clamp(100 * Math.min(1, progress.achieved / expected));
}

/** Below this pace score a goal is behind. */
export const behindPace = 70;

/**
 * Shared, measurable goals and the written plan: goals defined at all, on
 * pace and reviewed together every quarter (three quarters of the trait); a
 * plan in writing, reviewed as often as it says (the last quarter). An
 * established partnership with neither is a finding, not a blank.
 */
export function assessGoals(history: PartnershipHistory, now: Date): TraitAssessment {
  const established = ["active", "dormant"].includes(history.partner.status) && ageInDays(history.partner.created_at, now) > 60;
  const goals = assessGoalRecords(history, now, established);
  const plan = assessPlan(history, now, established);
  if (plan.score === null) return goals;
  return {
    score: weightedMean([{ value: goals.score, weight: 0.75 }, { value: plan.score, weight: 0.25 }]),
    confidence: goals.score === null ? 0.6 : goals.confidence,
    signals: [...goals.signals, ...plan.signals],
    actions: [...goals.actions, ...plan.actions],
  };
}

function assessGoalRecords(history: PartnershipHistory, now: Date, established: boolean): TraitAssessment {
  const name = history.partner.name;
  if (history.goals.length === 0) {
    if (!established) return { score: null, confidence: 0, signals: [], actions: [] };
    return {
      score: 20,
      confidence: 0.6,
      signals: [negative(`No shared goals with ${name}`)],
      actions: [{ text: `Agree a shared, measurable goal with ${name}`, trait: "goals", gain: 40 }],
    };
  }
  const signals = [];
  const actions: ActionCandidate[] = [];
  const paces = history.goals.map((goal) => ({ goal, pace: paceScore(goal, now) }));
  const measured = paces.filter((entry): entry is { goal: typeof entry.goal; pace: number } => entry.pace !== null);
  const pace = measured.length > 0 ? measured.reduce((sum, entry) => sum + entry.pace, 0) / measured.length : null;
  if (pace !== null) {
    const behind = measured.filter((entry) => entry.pace < behindPace);
    signals.push(
      behind.length === 0
        ? positive(`${plural(measured.length, "goal")} on pace`)
        : negative(`${plural(behind.length, "goal")} behind pace: ${behind.map((entry) => entry.goal.title).slice(0, 2).join(", ")}`),
    );
  } else {
    signals.push(negative(`Goals with ${name} have no target and progress to measure`));
  }

  let lastReview: string | null = null;
  for (const goal of history.goals) {
    if (goal.last_reviewed_at && (lastReview === null || goal.last_reviewed_at > lastReview)) lastReview = goal.last_reviewed_at;
  }
  let review: number;
  if (lastReview === null) {
    review = 0;
    signals.push(negative(`Goals never reviewed together`));
    actions.push({ text: `Book a goal review with ${name}`, trait: "goals", gain: 40 });
  } else {
    const days = Math.floor(ageInDays(lastReview, now));
    review = freshness(days, reviewEveryDays);
    signals.push(judged(`Last goal review ${plural(days, "day")} ago`, review, 100, 50));
    if (days > reviewEveryDays) {
      actions.push({ text: `Book the quarterly goal review with ${name}, last one ${plural(days, "day")} ago`, trait: "goals", gain: (100 - review) * 0.4 });
    }
  }
  const score = weightedMean([{ value: pace, weight: 0.6 }, { value: review, weight: 0.4 }])!;
  return { score, confidence: 0.6 + 0.4 * confidenceFrom(history.goals.length, 1), signals, actions };
}
