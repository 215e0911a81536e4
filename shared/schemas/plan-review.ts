import { z } from "zod";
import { recordId, utcTimestamp } from "./common.ts";

const money = z.object({ amount_minor: z.number(), currency: z.string() });

const promiseTally = z.object({
  made: z.number().describe("Promises this side made in the period"),
  kept_on_time: z.number(),
  kept_late: z.number(),
  broken: z.number().describe("Open past their due date"),
  open: z.number().describe("Open and not yet due"),
});

const referralTally = z.object({
  submitted: z.number(),
  won: z.number(),
  lost: z.number(),
  won_value: z.array(money).describe("Value won in the period, per currency"),
  target: money.nullable().describe("The plan's target for referrals this way"),
  target_percent: z.number().nullable().describe("Won value against the target, in the target's currency"),
});

const roleSide = z.object({
  plan: z.array(z.string()).describe("What the plan says this side does"),
  record: z.object({
    interactions_started: z.number(),
    promises_made: z.number(),
    promises_kept_on_time: z.number(),
    referrals_sent: z.number(),
  }).describe("What the record shows this side did in the period"),
});

export const planReview = z
  .object({
    partner_id: recordId("ptr"),
    plan_version: z.number(),
    as_of: utcTimestamp,
    period: z.object({ from: utcTimestamp, to: utcTimestamp, basis: z.enum(["last_review", "review_every_days"]) }),
    review_every_days: z.number(),
    last_reviewed_at: utcTimestamp.nullable(),
    goals: z.array(z.object({
      goal_id: z.string(),
      title: z.string(),
      progress_percent: z.number().nullable(),
      expected_percent: z.number().nullable().describe("Where an even pace from creation to due date would be by now"),
      pace: z.enum(["on_pace", "behind", "unmeasured"]),
      milestones_done: z.number(),
      milestones_total: z.number(),
      milestones_overdue: z.array(z.string()),
    })),
    promises: z.object({ us: promiseTally, partner: promiseTally }),
    referrals: z.object({ to_us: referralTally, to_partner: referralTally }),
    fees: z.object({
      direction: z.enum(["to_us", "to_partner"]).describe("Referrals the fee is owed for"),
      percent: z.number().nullable(),
      fixed: money.nullable(),
      items: z.array(z.object({
        referral_id: z.string(),
        account_name: z.string(),
        won_at: utcTimestamp,
        fee: money.nullable().describe("null when the plan sets a percent and the referral has no amount"),
        paid_at: utcTimestamp.nullable(),
      })),
      due: z.array(money),
      paid: z.array(money),
      unpaid: z.array(money),
    }),
    contact: z.object({
      cadence_days: z.number(),
      interactions: z.number(),
      last_contact_at: utcTimestamp.nullable(),
      longest_gap_days: z.number(),
      within_cadence: z.boolean(),
    }),
    roles: z.object({ us: roleSide, partner: roleSide, findings: z.array(z.string()) }),
  })
  .meta({ id: "PlanReview" });
export type PlanReview = z.infer<typeof planReview>;
