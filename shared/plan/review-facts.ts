import type { PartnershipHistory } from "../health/history.ts";
import type { PartnershipPlan } from "../schemas/plan.ts";

/**
 * What a plan review reads about one partnership: the plan, and the record's
 * facts in more detail than the score needs (ids, titles, milestones, fees).
 */
export interface PlanReviewFacts {
  partnerId: string;
  planVersion: number;
  plan: PartnershipPlan;
  cadenceDays: number;
  goals: (PartnershipHistory["goals"][number] & { id: string; milestones: { title: string; due_on?: string | null; done: boolean }[] })[];
  commitments: PartnershipHistory["commitments"];
  referrals: (PartnershipHistory["referrals"][number] & { id: string; account_name: string; fee_paid_at: string | null })[];
  /** Interactions in the review period (older ones say nothing about it). */
  interactions: PartnershipHistory["interactions"];
  lastContactAt: string | null;
}

export type ReviewReferral = PlanReviewFacts["referrals"][number];

/** A review's period, as ISO instants: [from, to]. */
export interface Period {
  from: string;
  to: string;
}

export const within = (at: string | null | undefined, period: Period) => !!at && at >= period.from && at <= period.to;
