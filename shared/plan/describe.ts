import type { PlanField } from "../schemas/plan.ts";
import { formatMoney } from "./money.ts";

/** The plan's fields, and each commercial term, in people's words. */
export const planFieldLabels: Record<PlanField, string> & Record<string, string> = {
  our_objectives: "Our objectives",
  partner_objectives: "Their objectives",
  our_roles: "Our roles",
  partner_roles: "Their roles",
  terms: "Terms",
  "terms.margin_percent": "Margin",
  "terms.referral_fee_percent": "Referral fee (percent)",
  "terms.referral_fee_fixed": "Referral fee (fixed)",
  "terms.referral_fee_direction": "Referral fee paid for",
  "terms.mdf": "Market development funds",
  "terms.other": "Other commercial terms",
  "terms.notes": "Notes on terms",
  rules_of_engagement: "Rules of engagement",
  milestones: "Milestones",
  documents: "Key documents",
  referral_targets: "Referral targets",
  renewal_on: "Renewal date",
  review_every_days: "Review every (days)",
  last_reviewed_at: "Last reviewed",
};

export const fieldLabel = (field: string): string => planFieldLabels[field] ?? field;

type Item = Record<string, unknown>;
const isMoney = (value: unknown): value is { amount_minor: number; currency: string } =>
  typeof value === "object" && value !== null && typeof (value as Item).amount_minor === "number" && typeof (value as Item).currency === "string";

/** One list entry (a milestone, a document, a term, a target) in a line. */
function describeItem(item: unknown, locale?: string): string {
  if (typeof item !== "object" || item === null) return describeValue(item, locale);
  const entry = item as Item;
  if (isMoney(entry)) return formatMoney(entry, locale);
  if (entry.direction && isMoney(entry.amount)) return `${entry.direction === "to_us" ? "to us" : "to them"}: ${formatMoney(entry.amount, locale)}`;
  const parts = [String(entry.title ?? "")];
  if (typeof entry.url === "string") parts.push(entry.url);
  if (isMoney(entry.amount)) parts.push(formatMoney(entry.amount, locale));
  if (typeof entry.due_on === "string") parts.push(`due ${entry.due_on}`);
  if (entry.done === true) parts.push("done");
  return parts.join(" · ");
}

/** Any plan value for a diff or a history line: amounts in the reader's locale, lists one entry per item. */
export function describeValue(value: unknown, locale?: string): string {
  if (value === null || value === undefined || value === "") return "(none)";
  if (Array.isArray(value)) return value.length === 0 ? "(none)" : value.map((item) => describeItem(item, locale)).join("; ");
  if (isMoney(value)) return formatMoney(value, locale);
  if (value === "to_us") return "referrals to us";
  if (value === "to_partner") return "referrals to them";
  if (typeof value === "object") {
    return Object.entries(value as Item).map(([key, inner]) => `${fieldLabel(`terms.${key}`)}: ${describeValue(inner, locale)}`).join("; ");
  }
  return String(value);
}

/** A document's link only if it is http(s): anything else (javascript:, data:) is shown as text, never followed. */
export function httpLink(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
