import { z } from "zod";
import { normalizeDomain } from "../domains.ts";
import { health } from "./health.ts";
import { isSalesforceId } from "../salesforce-id.ts";
import { linkedinSlugOf } from "../linkedin-slug.ts";
import { lineText } from "./text.ts";
import { partnershipPlan } from "./plan.ts";
import {
  createOf, instant, listCursor, longText, patchOf, recordId, shortText, utcTimestamp, visibility,
} from "./common.ts";

export const partnerKind = z.enum(["reseller", "msp", "si", "isv", "referral", "distributor"]);
export const partnerStatus = z.enum(["prospect", "onboarding", "active", "dormant", "ended"]);
export type PartnerKind = z.infer<typeof partnerKind>;
export type PartnerStatus = z.infer<typeof partnerStatus>;

/** A domain a partner owns; free-mail providers can never identify a partner. */
export const partnerDomain = z.string().transform((value, ctx) => {
  const result = normalizeDomain(value);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.reason });
    return z.NEVER;
  }
  return result.domain;
});

export { partnershipPlan, type PartnershipPlan } from "./plan.ts";

const salesforceAccountId = z
  .string()
  .refine(isSalesforceId, "must be a 15- or 18-character Salesforce id")
  .refine((id) => id.startsWith("001"), "must be an Account id (starts with 001)");

/** The page's name (linkedin.com/company/<slug>) or its address; stored as the lower-case slug. */
const linkedinSlug = z.string().max(300).transform((value, ctx) => {
  const slug = linkedinSlugOf(value);
  if (slug === null) {
    ctx.addIssue({ code: "custom", message: "must be a LinkedIn company page, as linkedin.com/company/<name> or <name> (letters, digits, - and _)" });
    return z.NEVER;
  }
  return slug;
});

const partnerFields = {
  name: shortText,
  domains: z.array(partnerDomain).max(20),
  salesforce_account_id: salesforceAccountId.nullable(),
  hubspot_company_id: z.string().regex(/^[0-9]{1,20}$/, "must be a numeric HubSpot company id").nullable(),
  linkedin_slug: linkedinSlug.nullable(),
  kind: partnerKind,
  tier: lineText(1, 50).nullable(),
  status: partnerStatus,
  cadence_days: z.int().min(1).max(365).nullable(),
  owner_email: z.email().max(254).nullable(),
  business_model: longText.nullable(),
  objectives: longText.nullable(),
  plan: partnershipPlan,
  visibility,
};

export const partnerPatch = patchOf(partnerFields).meta({ id: "PartnerPatch" });
export type PartnerPatch = z.infer<typeof partnerPatch>;

export const partnerCreate = createOf(partnerFields, {
  domains: partnerFields.domains.default([]),
  status: partnerFields.status.default("prospect"),
  plan: partnerFields.plan.default({}),
  created_at: instant.optional(),
}).meta({ id: "PartnerCreate" });
export type PartnerCreate = z.infer<typeof partnerCreate>;

export const partner = z
  .object({
    id: recordId("ptr"),
    name: z.string(),
    domains: z.array(z.string()),
    salesforce_account_id: z.string().nullable(),
    hubspot_company_id: z.string().nullable(),
    linkedin_slug: z.string().nullable().describe("The partner's LinkedIn company page, as the <slug> of linkedin.com/company/<slug>"),
    kind: partnerKind,
    tier: z.string().nullable(),
    status: partnerStatus,
    cadence_days: z.number().nullable(),
    owner_email: z.string().nullable(),
    business_model: z.string().nullable(),
    objectives: z.string().nullable(),
    plan: partnershipPlan,
    visibility,
    last_contact_at: utcTimestamp.nullable(),
    health: health.nullable().describe("The partnership health score with its explanation; null until first scored"),
    version: z.number(),
    created_at: utcTimestamp,
    updated_at: utcTimestamp,
    archived_at: utcTimestamp.optional().describe("Set only on an archived partner (GET /v1/partners?status=archived)"),
  })
  .meta({ id: "Partner" });
export type Partner = z.infer<typeof partner>;

export const partnerSort = z.enum(["name", "-name", "health", "-health", "last_contact", "-last_contact"]);
export type PartnerSort = z.infer<typeof partnerSort>;

export const partnerListQuery = z.strictObject({
  q: lineText(1, 200).optional(),
  // "archived" lists the archived partners (restore with POST /v1/partners/{id}/restore); any other status, live ones.
  status: z.enum([...partnerStatus.options, "archived"]).optional(),
  sort: partnerSort.default("name"),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: listCursor.optional(),
});
