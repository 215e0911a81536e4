import { planFieldNames, type PartnershipPlan, type PlanChange, type PlanPatch } from "../schemas/plan.ts";
import { planChanges } from "./edit.ts";

/** One field that differs between two versions; for lists, which entries came and went. */
export interface PlanDiffEntry {
  field: string;
  before: unknown;
  after: unknown;
  /** Entries of a list only in the later version (empty for a field that is not a list). */
  added: unknown[];
  /** Entries of a list only in the earlier version. */
  removed: unknown[];
}

const key = (value: unknown) => JSON.stringify(value);

function listChange(before: unknown, after: unknown): Pick<PlanDiffEntry, "added" | "removed"> {
  const was = Array.isArray(before) ? before : [];
  const now = Array.isArray(after) ? after : [];
  if (!Array.isArray(before) && !Array.isArray(after)) return { added: [], removed: [] };
  const wasKeys = new Set(was.map(key));
  const nowKeys = new Set(now.map(key));
  return { added: now.filter((item) => !wasKeys.has(key(item))), removed: was.filter((item) => !nowKeys.has(key(item))) };
}

/** A stored change (from the plan's history) with the list entries it added and removed. */
export const withListChanges = (change: PlanChange): PlanDiffEntry => ({ ...change, ...listChange(change.before, change.after) });

/**
 * What differs between two versions of the plan, in either order (older
 * first reads as "what changed since"): one entry per field, one per
 * commercial term, and for lists (roles, milestones, documents) the entries
 * added and removed, so a diff of a 30-item list names the one that changed.
 */
export function diffPlans(before: PartnershipPlan, after: PartnershipPlan): PlanDiffEntry[] {
  return planChanges(before, after).map(withListChanges);
}

/**
 * The change that turns `base` into `edited`, naming only the fields that
 * differ (null where one was emptied): sent without the untouched fields, it
 * cannot undo what someone else changed meanwhile in another field. When the
 * plan was last reviewed is left to reviews.
 */
export function planPatchBetween(base: PartnershipPlan, edited: PartnershipPlan): PlanPatch {
  const patch: Record<string, unknown> = {};
  for (const field of planFieldNames) {
    if (field === "last_reviewed_at") continue;
    if (key(base[field]) === key(edited[field])) continue;
    patch[field] = edited[field] ?? null;
  }
  return patch as PlanPatch;
}
