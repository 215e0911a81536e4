import { z } from "zod";
import { multiLineText } from "./text.ts";
import { amountMinor, currency, instant, nonEmptyPatch, recordId, shortText, utcTimestamp, visibility } from "./common.ts";

export const referralDirection = z.enum(["to_us", "to_partner"]);
export const referralStage = z.enum(["submitted", "accepted", "won", "lost", "rejected"]);
export type ReferralDirection = z.infer<typeof referralDirection>;
export type ReferralStage = z.infer<typeof referralStage>;

export const stageChange = z.object({ stage: referralStage, at: utcTimestamp });
export type StageChange = z.infer<typeof stageChange>;

export const referralCreate = z
  .strictObject({
    direction: referralDirection,
    account_name: shortText,
    amount_minor: amountMinor.nullable().optional(),
    currency: currency.nullable().optional(),
    // Defaults to the last stage of stage_history, or "submitted".
    stage: referralStage.optional(),
    // Defaults to the first entry of stage_history, or now.
    submitted_at: instant.optional(),
    // Past stage changes, for importing history: starts with "submitted",
    // each no earlier than the one before.
    stage_history: z.array(z.strictObject({ stage: referralStage, at: instant })).min(1).max(20).optional(),
    notes: multiLineText(5_000).nullable().optional(),
    fee_paid_at: instant.nullable().optional(),
    visibility: visibility.default("private"),
  })
  .refine((value) => value.amount_minor == null || value.currency != null, {
    message: "currency is required with amount_minor",
    path: ["currency"],
  })
  .meta({ id: "ReferralCreate" });
export type ReferralCreate = z.infer<typeof referralCreate>;

/** A stage change ({stage, at?}) and/or edits to the referral's details. */
export const referralPatch = nonEmptyPatch(
  z.strictObject({
    stage: referralStage,
    at: instant,
    account_name: shortText,
    amount_minor: amountMinor.nullable(),
    currency: currency.nullable(),
    notes: multiLineText(5_000).nullable(),
    fee_paid_at: instant.nullable(),
    visibility,
  }).partial(),
)
  .refine((value) => value.at === undefined || value.stage !== undefined, {
    message: "at is the time of a stage change: send stage with it",
    path: ["at"],
  })
  .meta({ id: "ReferralPatch" });

export const referral = z
  .object({
    id: recordId("ref"),
    partner_id: recordId("ptr"),
    direction: referralDirection,
    account_name: z.string(),
    amount_minor: z.number().nullable(),
    currency: z.string().nullable(),
    stage: referralStage,
    submitted_at: utcTimestamp,
    stage_history: z.array(stageChange),
    notes: z.string().nullable(),
    fee_paid_at: utcTimestamp.nullable().describe("When the referral fee owed under the partnership plan was paid; null while unpaid"),
    visibility,
    version: z.number(),
    created_at: utcTimestamp,
    updated_at: utcTimestamp,
  })
  .meta({ id: "Referral" });
export type Referral = z.infer<typeof referral>;
