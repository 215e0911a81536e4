import { z } from "zod";
import { planPatch, planReviewCreate, type PlanResource } from "../../shared/schemas/plan.ts";

const partnerId = z.string().regex(/^ptr_[0-9a-z]{24}$/, "must be a partner id");
/** The plan version the change was made to (its ETag): a plan changed since is a conflict, never overwritten. */
const version = z.int().min(0);

/**
 * A change to a partner's plan. Unlike the other writes it is sent at once,
 * not queued: it carries the version it was made to, and the person editing
 * must see at once if someone else changed the plan meanwhile.
 */
export const planWrite = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("patch"), partnerId, version, body: planPatch }),
  /** A review recorded after its meeting was saved; without a version its decisions apply to the plan as it is. */
  z.object({ kind: z.literal("review"), partnerId, version: version.optional(), body: planReviewCreate }),
]);
export type PlanWrite = z.input<typeof planWrite>;

/** Saved (the plan as stored now), or changed by someone else meanwhile: their plan, and who. */
export type PlanWriteReply =
  | { result: "saved"; plan: PlanResource }
  | { result: "conflict"; theirs: PlanResource; changedBy: string | null };
