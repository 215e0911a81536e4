import { describe, expect, it } from "vitest";
import { draftFromPlan, planFromDraft } from "../../../shared/plan/draft.ts";
import { formatMoney, minorFromText } from "../../../shared/plan/money.ts";
import type { PartnershipPlan } from "../../../shared/schemas/plan.ts";

const full: PartnershipPlan = {
  our_objectives: "Grow UK retail",
  partner_objectives: "Add a managed security line",
  our_roles: ["Technical enablement", "Co-marketing"],
  partner_roles: ["Lead sourcing"],
  terms: {
    margin_percent: 22.5,
    referral_fee_percent: 10,
    referral_fee_direction: "to_partner",
    mdf: { amount_minor: 2_500_000, currency: "EUR" },
    other: [{ title: "Certification fund", amount: { amount_minor: 500_000, currency: "JPY" }, notes: "per engineer" }],
    notes: "Reviewed yearly",
  },
  rules_of_engagement: "Register deals in the portal first",
  milestones: [{ title: "First joint deal", due_on: "2027-01-31", done: true, goal_id: "gol_000000000000000000000001" }],
  documents: [{ title: "Agreement", url: "https://docs.example/agreement.pdf" }],
  referral_targets: [{ direction: "to_us", amount: { amount_minor: 10_000_000, currency: "USD" } }],
  renewal_on: "2027-03-01",
  review_every_days: 60,
  last_reviewed_at: "2026-10-21T08:00:00.000Z",
};

describe("the plan as a form holds it", () => {
  it("comes back the same plan for every field, amounts in each currency's own minor units", () => {
    expect(planFromDraft(draftFromPlan(full))).toEqual({ plan: full, errors: [] });
    expect(draftFromPlan(full).mdf).toEqual({ amount: "25000.00", currency: "EUR" });
    expect(draftFromPlan(full).other_terms[0]!.amount).toEqual({ amount: "500000", currency: "JPY" });
  });

  it("an empty plan is an empty form, and an empty form an empty plan", () => {
    expect(planFromDraft(draftFromPlan({}))).toEqual({ plan: {}, errors: [] });
  });

  it("leaves out blank rows instead of refusing them", () => {
    const draft = draftFromPlan(full);
    draft.documents.push({ title: " ", url: "" });
    draft.milestones.push({ title: "", due_on: "", done: false, goal_id: "" });
    expect(planFromDraft(draft).plan).toEqual(full);
  });

  it("names every field that is wrong, as the API names it", () => {
    const draft = draftFromPlan(full);
    draft.margin_percent = "lots";
    draft.mdf = { amount: "12.345", currency: "EUR" };
    draft.target_to_partner = { amount: "100", currency: "euro" };
    draft.documents[0]!.url = "javascript:alert(1)";
    draft.review_every_days = "3";
    const result = planFromDraft(draft);
    expect(result.plan).toBeNull();
    expect(result.errors.map((error) => error.field)).toEqual([
      "referral_targets.to_partner.currency", "terms.margin_percent", "terms.mdf.amount_minor", "documents.0.url", "review_every_days",
    ]);
  });

  it("refuses a referral fee that is both a percent and a fixed amount, on the fixed amount", () => {
    const draft = draftFromPlan(full);
    draft.referral_fee_fixed = { amount: "500", currency: "USD" };
    expect(planFromDraft(draft).errors).toEqual([{ field: "terms.referral_fee_fixed", message: "a referral fee is a percent or a fixed amount, not both" }]);
  });
});

describe("amounts", () => {
  it("reads what a number input gives into minor units, refusing more decimals than the currency has", () => {
    expect(minorFromText("12500.5", "USD")).toBe(1_250_050);
    expect(minorFromText("12500.50", "USD")).toBe(1_250_050);
    expect(minorFromText("500", "JPY")).toBe(500);
    expect(minorFromText("1.5", "JPY")).toBeNull();
    expect(minorFromText("1.234", "KWD")).toBe(1234);
    expect(minorFromText("-3", "USD")).toBeNull();
    expect(minorFromText("1e3", "USD")).toBeNull();
  });

  it("shows them in the reader's locale", () => {
    expect(formatMoney({ amount_minor: 2_500_000, currency: "EUR" }, "en-GB")).toBe("€25,000.00");
    expect(formatMoney({ amount_minor: 500, currency: "JPY" }, "en-US")).toBe("¥500");
  });
});
