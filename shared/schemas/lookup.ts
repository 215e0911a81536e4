import { z } from "zod";
import { utcTimestamp } from "./common.ts";
import { commitment } from "./commitment.ts";
import { goal } from "./goal.ts";
import { health } from "./health.ts";
import { interaction } from "./interaction.ts";
import { partner } from "./partner.ts";
import { referral } from "./referral.ts";
import { newFromPartner } from "./sharing.ts";

const repeatable = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .pipe(z.array(z.string().trim().min(1).max(320)).max(50));

export const lookupQuery = z
  .strictObject({ email: repeatable, domain: repeatable, salesforce: repeatable, hubspot: repeatable, linkedin: repeatable })
  .refine((q) => q.email.length + q.domain.length + q.salesforce.length + q.hubspot.length + q.linkedin.length > 0, {
    message: "give at least one of email, domain, salesforce, hubspot or linkedin",
    path: ["email"],
  });
export type LookupQuery = z.infer<typeof lookupQuery>;

export const matchReason = z.object({
  type: z.enum(["email", "domain", "salesforce", "hubspot", "linkedin"]),
  value: z.string(),
});
export type MatchReason = z.infer<typeof matchReason>;

/** The partner's latest interaction (at is its occurred_at), measured against the cadence target. */
export const lastContact = interaction
  .pick({ kind: true, direction: true, summary: true, participants: true })
  .extend({
    at: utcTimestamp,
    days_since: z.number().int(),
    cadence_days: z.number().nullable(),
    overdue: z.boolean().describe("true when days_since exceeds the partner's cadence target"),
  })
  .meta({ id: "LastContact" });
export type LastContact = z.infer<typeof lastContact>;

const stageCounts = z.object({
  total: z.number().int(),
  submitted: z.number().int(),
  accepted: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
  rejected: z.number().int(),
  won_value: z.array(z.object({ currency: z.string(), amount_minor: z.number() })),
});
export type ReferralStageCounts = z.infer<typeof stageCounts>;

export const referralSummary = z
  .object({ to_us: stageCounts, to_partner: stageCounts, recent: z.array(referral) })
  .meta({ id: "ReferralSummary" });
export type ReferralSummary = z.infer<typeof referralSummary>;

export const openCommitment = commitment.extend({ overdue: z.boolean() });

export const lookupMatch = z
  .object({
    partner,
    matched_by: z.array(matchReason),
    health: health.describe("The partnership health score: five traits, their signals and the next actions"),
    last_contact: lastContact.nullable(),
    open_commitments: z.array(openCommitment),
    recent_interactions: z.array(interaction),
    referrals: referralSummary,
    goals: z.array(goal),
    /** Only for a partner connected to its company's workspace: what they shared since this side's last lookup. */
    new_from_partner: newFromPartner.optional(),
  })
  .meta({ id: "LookupMatch" });
export type LookupMatch = z.infer<typeof lookupMatch>;

export const lookupResult = z.object({ matches: z.array(lookupMatch) }).meta({ id: "LookupResult" });
export type LookupResult = z.infer<typeof lookupResult>;
