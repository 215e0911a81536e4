import { defaultReviewEveryDays, type PartnershipPlan, type PlanChange, type PlanPatch } from "../schemas/plan.ts";

/**
 * A plan with a change applied: each field the change names is set (null
 * clears it), every other field stays exactly as it was. Edits by two people
 * to different fields therefore both survive, in either order.
 */
export function applyPlanPatch(plan: PartnershipPlan, patch: PlanPatch): PartnershipPlan {
  const next: Record<string, unknown> = { ...plan };
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next as PartnershipPlan;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What changed between two versions, field by field; the commercial terms are
 * compared term by term, so "margin 20 → 22" is one change, not the whole block.
 */
export function planChanges(before: PartnershipPlan, after: PartnershipPlan): PlanChange[] {
  const changes: PlanChange[] = [];
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const field of fields) {
    const was = (before as Record<string, unknown>)[field];
    const now = (after as Record<string, unknown>)[field];
    if (same(was, now)) continue;
    if (field === "terms") {
      const termsWas = (was ?? {}) as Record<string, unknown>;
      const termsNow = (now ?? {}) as Record<string, unknown>;
      for (const term of [...new Set([...Object.keys(termsWas), ...Object.keys(termsNow)])].sort()) {
        if (!same(termsWas[term], termsNow[term])) changes.push({ field: `terms.${term}`, before: termsWas[term] ?? null, after: termsNow[term] ?? null });
      }
      continue;
    }
    changes.push({ field, before: was ?? null, after: now ?? null });
  }
  return changes;
}

/** How often this plan is to be reviewed, in days. */
export function reviewEveryDays(plan: PartnershipPlan): number {
  return plan.review_every_days ?? defaultReviewEveryDays;
}

/** A plan is written once it says something beyond when to review it. */
export function isWrittenPlan(plan: PartnershipPlan): boolean {
  return Object.keys(plan).some((field) => field !== "review_every_days" && field !== "last_reviewed_at");
}
