import { z } from "zod";
import { referralDirection } from "./referral.ts";
import {
  amountMinor, calendarDate, currency, httpUrl, instant, longText, nonEmptyPatch, recordId, shortText, utcTimestamp,
} from "./common.ts";

/** An amount of money: minor units (cents) and an ISO 4217 code. */
export const money = z.strictObject({ amount_minor: amountMinor, currency });
export type Money = z.infer<typeof money>;

/** A commercial term beyond margin and referral fee (MDF, rebates, certification funds…), with its amount. */
export const commercialTerm = z.strictObject({
  title: shortText,
  amount: money.optional(),
  notes: longText.optional(),
});

export const planTerms = z
  .strictObject({
    margin_percent: z.number().min(0).max(100).optional(),
    referral_fee_percent: z.number().min(0).max(100).optional(),
    referral_fee_fixed: money.optional(),
    /** Who earns the fee: by default the side that brought a won referral to us (to_us). */
    referral_fee_direction: referralDirection.optional(),
    mdf: money.optional(),
    other: z.array(commercialTerm).max(20).optional(),
    notes: longText.optional(),
  })
  .refine((terms) => terms.referral_fee_percent === undefined || terms.referral_fee_fixed === undefined, {
    message: "a referral fee is a percent or a fixed amount, not both",
    path: ["referral_fee_fixed"],
  });

/** A milestone of the plan, tied to one of the partner's goals when it measures one. */
export const planMilestone = z.strictObject({
  title: shortText,
  due_on: calendarDate.optional(),
  done: z.boolean().default(false),
  goal_id: recordId("gol").optional(),
});

export const defaultReviewEveryDays = 90;

/**
 * The written partnership plan: the reference point both sides agreed to.
 * Every field is optional and new fields are only ever added, so a plan
 * stored under an older shape still reads.
 */
const planFields = {
  our_objectives: longText,
  partner_objectives: longText,
  our_roles: z.array(shortText).max(20),
  partner_roles: z.array(shortText).max(20),
  terms: planTerms,
  rules_of_engagement: longText,
  milestones: z.array(planMilestone).max(50),
  documents: z.array(z.strictObject({ title: shortText, url: httpUrl })).max(50),
  referral_targets: z.array(z.strictObject({ direction: referralDirection, amount: money })).max(2),
  renewal_on: calendarDate,
  review_every_days: z.int().min(7).max(730),
  last_reviewed_at: instant,
};
export const planFieldNames = Object.keys(planFields) as PlanField[];
export type PlanField = keyof typeof planFields;

export const partnershipPlan = z.strictObject(planFields).partial().meta({ id: "PartnershipPlan" });
export type PartnershipPlan = z.infer<typeof partnershipPlan>;

/** A change to the plan: the fields named are set, null clears one, the others stay as they are. */
export const planPatch = nonEmptyPatch(
  z.strictObject(Object.fromEntries(Object.entries(planFields).map(([name, schema]) => [name, schema.nullable()])) as {
    [K in PlanField]: z.ZodNullable<(typeof planFields)[K]>;
  }).partial(),
).meta({ id: "PartnershipPlanPatch" });
export type PlanPatch = z.infer<typeof planPatch>;

export const planChange = z.object({
  field: z.string().describe("A plan field, or terms.<field> for one commercial term"),
  before: z.unknown(),
  after: z.unknown(),
});
export type PlanChange = z.infer<typeof planChange>;

/** The plan as the API answers: the current plan, its own version (the ETag) and review rhythm. */
export const planResource = z
  .object({
    partner_id: recordId("ptr"),
    plan: partnershipPlan,
    version: z.number(),
    review_every_days: z.number().describe("The plan's own, or 90"),
    written: z.boolean().describe("Whether the plan says anything beyond the review rhythm"),
    updated_at: utcTimestamp,
  })
  .meta({ id: "PartnershipPlanResource" });
export type PlanResource = z.infer<typeof planResource>;

export const planVersion = z
  .object({
    version: z.number(),
    changed_at: utcTimestamp,
    changed_by: z.object({ member_id: z.string(), email: z.string().nullable() }).nullable(),
    meeting_id: z.string().nullable().describe("The plan review meeting whose decisions made this version"),
    changes: z.array(planChange),
  })
  .meta({ id: "PartnershipPlanVersion" });
export type PlanVersion = z.infer<typeof planVersion>;

export const planVersionWhole = planVersion.extend({ plan: partnershipPlan }).meta({ id: "PartnershipPlanVersionWhole" });

export const planHistoryQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: z.coerce.number().int().min(1).optional().describe("Versions older than this one: the next page"),
});

export const planVersionParams = z.object({
  id: z.string().min(1).max(100),
  version: z.coerce.number().int().min(1).max(1_000_000),
});

export const planReviewCreate = z
  .strictObject({
    meeting_id: recordId("mtg").describe("The meeting where the plan was reviewed (its action items are already commitments)"),
    decisions: planPatch.optional().describe("Changes to the plan decided in the review"),
  })
  .meta({ id: "PlanReviewCreate" });
