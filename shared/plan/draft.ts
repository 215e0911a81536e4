import { partnershipPlan, type Money, type PartnershipPlan } from "../schemas/plan.ts";
import { majorAmountText, minorFromText } from "./money.ts";

/** An amount as typed: the number in the major unit and its currency. */
export interface MoneyDraft {
  amount: string;
  currency: string;
}

/**
 * The plan as a form holds it: text for every number, one line per role,
 * empty strings for what is not set. Every field of the plan has a place.
 */
export interface PlanDraft {
  our_objectives: string;
  partner_objectives: string;
  our_roles: string;
  partner_roles: string;
  rules_of_engagement: string;
  margin_percent: string;
  referral_fee_percent: string;
  referral_fee_fixed: MoneyDraft;
  referral_fee_direction: "" | "to_us" | "to_partner";
  mdf: MoneyDraft;
  other_terms: { title: string; amount: MoneyDraft; notes: string }[];
  terms_notes: string;
  milestones: { title: string; due_on: string; done: boolean; goal_id: string }[];
  documents: { title: string; url: string }[];
  target_to_us: MoneyDraft;
  target_to_partner: MoneyDraft;
  renewal_on: string;
  review_every_days: string;
  /** Kept as it was: only a review sets it. */
  last_reviewed_at: string;
}

export interface DraftError {
  /** The field as the API names it ("terms.margin_percent", "documents.1.url"). */
  field: string;
  message: string;
}

const moneyDraft = (money: Money | undefined, fallbackCurrency: string): MoneyDraft =>
  money ? { amount: majorAmountText(money), currency: money.currency } : { amount: "", currency: fallbackCurrency };

/** The form's starting point from a stored plan; amounts not set default to `currency`. */
export function draftFromPlan(plan: PartnershipPlan, currency = "USD"): PlanDraft {
  const terms = plan.terms ?? {};
  const target = (direction: "to_us" | "to_partner") => plan.referral_targets?.find((t) => t.direction === direction)?.amount;
  return {
    our_objectives: plan.our_objectives ?? "",
    partner_objectives: plan.partner_objectives ?? "",
    our_roles: (plan.our_roles ?? []).join("\n"),
    partner_roles: (plan.partner_roles ?? []).join("\n"),
    rules_of_engagement: plan.rules_of_engagement ?? "",
    margin_percent: terms.margin_percent === undefined ? "" : String(terms.margin_percent),
    referral_fee_percent: terms.referral_fee_percent === undefined ? "" : String(terms.referral_fee_percent),
    referral_fee_fixed: moneyDraft(terms.referral_fee_fixed, currency),
    referral_fee_direction: terms.referral_fee_direction ?? "",
    mdf: moneyDraft(terms.mdf, currency),
    other_terms: (terms.other ?? []).map((term) => ({ title: term.title, amount: moneyDraft(term.amount, currency), notes: term.notes ?? "" })),
    terms_notes: terms.notes ?? "",
    milestones: (plan.milestones ?? []).map((m) => ({ title: m.title, due_on: m.due_on ?? "", done: m.done, goal_id: m.goal_id ?? "" })),
    documents: (plan.documents ?? []).map((d) => ({ ...d })),
    target_to_us: moneyDraft(target("to_us"), currency),
    target_to_partner: moneyDraft(target("to_partner"), currency),
    renewal_on: plan.renewal_on ?? "",
    review_every_days: plan.review_every_days === undefined ? "" : String(plan.review_every_days),
    last_reviewed_at: plan.last_reviewed_at ?? "",
  };
}

/** Reads a draft's text into the plan's shapes; what cannot be read is named, and the schema checks the rest. */
class Reader {
  errors: DraftError[] = [];
  number(field: string, text: string): number | undefined {
    if (!text.trim()) return undefined;
    const value = Number(text.trim());
    if (Number.isFinite(value)) return value;
    this.errors.push({ field, message: "must be a number" });
    return undefined;
  }
  money(field: string, draft: MoneyDraft): Money | undefined {
    if (!draft.amount.trim()) return undefined;
    const currency = draft.currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) {
      this.errors.push({ field: `${field}.currency`, message: "must be an ISO 4217 code such as USD or EUR" });
      return undefined;
    }
    const amount = minorFromText(draft.amount, currency);
    if (amount === null) this.errors.push({ field: `${field}.amount_minor`, message: `must be an amount in ${currency}, e.g. 2500.00` });
    return amount === null ? undefined : { amount_minor: amount, currency };
  }
}

const text = (value: string) => (value.trim() ? value : undefined);
const lines = (value: string) => value.split("\n").map((line) => line.trim()).filter(Boolean);
const list = <T>(items: T[]) => (items.length > 0 ? items : undefined);
/** Drops what is not set, so an untouched field stays absent rather than becoming an empty value. */
const compact = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

function termsOf(draft: PlanDraft, read: Reader): PartnershipPlan["terms"] {
  const other = draft.other_terms.filter((term) => term.title.trim() || term.amount.amount.trim() || term.notes.trim())
    .map((term, index) => compact({ title: term.title.trim(), amount: read.money(`terms.other.${index}.amount`, term.amount), notes: text(term.notes) }));
  const terms = compact({
    margin_percent: read.number("terms.margin_percent", draft.margin_percent),
    referral_fee_percent: read.number("terms.referral_fee_percent", draft.referral_fee_percent),
    referral_fee_fixed: read.money("terms.referral_fee_fixed", draft.referral_fee_fixed),
    referral_fee_direction: draft.referral_fee_direction || undefined,
    mdf: read.money("terms.mdf", draft.mdf),
    other: list(other),
    notes: text(draft.terms_notes),
  });
  return Object.keys(terms).length > 0 ? terms : undefined;
}

/**
 * The plan a draft describes, checked by the API's own schema, or every
 * field that is wrong, named as the API names it. Blank rows (a document
 * with neither title nor link) are left out rather than refused.
 */
export function planFromDraft(draft: PlanDraft): { plan: PartnershipPlan; errors: [] } | { plan: null; errors: DraftError[] } {
  const read = new Reader();
  const toUs = read.money("referral_targets.to_us", draft.target_to_us);
  const toPartner = read.money("referral_targets.to_partner", draft.target_to_partner);
  const candidate = compact({
    our_objectives: text(draft.our_objectives),
    partner_objectives: text(draft.partner_objectives),
    our_roles: list(lines(draft.our_roles)),
    partner_roles: list(lines(draft.partner_roles)),
    terms: termsOf(draft, read),
    rules_of_engagement: text(draft.rules_of_engagement),
    milestones: list(draft.milestones.filter((m) => m.title.trim() || m.due_on).map((m) => compact({
      title: m.title.trim(), due_on: m.due_on || undefined, done: m.done, goal_id: m.goal_id || undefined,
    }))),
    documents: list(draft.documents.filter((d) => d.title.trim() || d.url.trim()).map((d) => ({ title: d.title.trim(), url: d.url.trim() }))),
    referral_targets: list([
      ...(toUs ? [{ direction: "to_us" as const, amount: toUs }] : []),
      ...(toPartner ? [{ direction: "to_partner" as const, amount: toPartner }] : []),
    ]),
    renewal_on: draft.renewal_on || undefined,
    review_every_days: read.number("review_every_days", draft.review_every_days),
    last_reviewed_at: draft.last_reviewed_at || undefined,
  });
  const checked = partnershipPlan.safeParse(candidate);
  const errors = [...read.errors, ...(checked.success ? [] : checked.error.issues.map((issue) => ({ field: issue.path.map(String).join("."), message: issue.message })))];
  if (errors.length > 0 || !checked.success) return { plan: null, errors };
  return { plan: checked.data, errors: [] };
}
