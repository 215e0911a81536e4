import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyPlanPatch, isWrittenPlan, planChanges } from "../../../shared/plan/edit.ts";
import { planFieldNames, type PartnershipPlan, type PlanField, type PlanPatch } from "../../../shared/schemas/plan.ts";

// One plausible value per field, a second one to change to.
const values: Record<PlanField, [unknown, unknown]> = {
  our_objectives: ["Grow UK retail", "Grow UK and Irish retail"],
  partner_objectives: ["Add a managed security line", "Résumé: 东方 expansion 🚀"],
  our_roles: [["Technical enablement"], ["Technical enablement", "Co-marketing"]],
  partner_roles: [["Lead sourcing"], []],
  terms: [{ margin_percent: 20 }, { margin_percent: 22, mdf: { amount_minor: 2_500_000, currency: "EUR" } }],
  rules_of_engagement: ["Register deals first", "Register deals in the portal first"],
  milestones: [[{ title: "First joint deal", done: false }], [{ title: "First joint deal", done: true }]],
  documents: [[{ title: "Agreement", url: "https://docs.example/a.pdf" }], []],
  referral_targets: [[{ direction: "to_us", amount: { amount_minor: 10_000_000, currency: "USD" } }], []],
  renewal_on: ["2027-03-01", "2028-03-01"],
  review_every_days: [90, 60],
  last_reviewed_at: ["2026-09-01T10:00:00.000Z", "2026-11-20T10:00:00.000Z"],
};

const fieldArb = fc.constantFrom(...planFieldNames);
const planArb: fc.Arbitrary<PartnershipPlan> = fc
  .subarray([...planFieldNames])
  .chain((fields) => fc.tuple(...fields.map((field) => fc.constantFrom(...values[field]).map((value) => [field, value] as const))))
  .map((entries) => Object.fromEntries(entries) as PartnershipPlan);
const patchArb = (fields: PlanField[]): fc.Arbitrary<PlanPatch> =>
  fc.tuple(...fields.map((field) => fc.constantFrom(values[field][0], values[field][1], null).map((value) => [field, value] as const)))
    .map((entries) => Object.fromEntries(entries) as PlanPatch);
/** Two non-empty sets of fields with nothing in common: what two people edited. */
const disjointFields = fc.shuffledSubarray([...planFieldNames], { minLength: 2 }).chain((fields) =>
  fc.integer({ min: 1, max: fields.length - 1 }).map((cut) => [fields.slice(0, cut), fields.slice(cut)] as const));

describe("a plan edit", () => {
  it("sets the fields it names, clears those it sends as null, and leaves every other field exactly as it was", () => {
    fc.assert(fc.property(planArb, fc.uniqueArray(fieldArb, { minLength: 1 }).chain(patchArb), (plan, patch) => {
      const after = applyPlanPatch(plan, patch) as Record<string, unknown>;
      for (const field of planFieldNames) {
        const sent = (patch as Record<string, unknown>)[field];
        if (sent === undefined) expect(after[field]).toEqual((plan as Record<string, unknown>)[field]);
        else if (sent === null) expect(field in after).toBe(false);
        else expect(after[field]).toEqual(sent);
      }
    }));
  });

  it("never loses a field another edit set: two edits to different fields both survive, in either order", () => {
    fc.assert(fc.property(planArb, disjointFields.chain(([a, b]) => fc.tuple(patchArb(a), patchArb(b))), (plan, [first, second]) => {
      const oneWay = applyPlanPatch(applyPlanPatch(plan, first), second);
      const otherWay = applyPlanPatch(applyPlanPatch(plan, second), first);
      expect(oneWay).toEqual(otherWay);
      expect(oneWay).toEqual(applyPlanPatch(plan, { ...first, ...second }));
    }));
  });

  it("records exactly the fields it changed, terms term by term", () => {
    fc.assert(fc.property(planArb, fc.uniqueArray(fieldArb, { minLength: 1 }).chain(patchArb), (plan, patch) => {
      const after = applyPlanPatch(plan, patch);
      const changed = planChanges(plan, after).map((change) => change.field.split(".")[0]);
      for (const field of new Set(changed)) expect(Object.keys(patch)).toContain(field);
      for (const field of planFieldNames) {
        const differs = JSON.stringify((plan as Record<string, unknown>)[field]) !== JSON.stringify((after as Record<string, unknown>)[field]);
        expect(changed.includes(field), field).toBe(differs);
      }
    }));
  });
});

describe("field-level changes", () => {
  it("names one commercial term, not the whole block", () => {
    const before: PartnershipPlan = { terms: { margin_percent: 20, referral_fee_percent: 10 }, renewal_on: "2027-03-01" };
    const after = applyPlanPatch(before, { terms: { margin_percent: 22, referral_fee_percent: 10 }, renewal_on: null });
    expect(planChanges(before, after)).toEqual([
      { field: "renewal_on", before: "2027-03-01", after: null },
      { field: "terms.margin_percent", before: 20, after: 22 },
    ]);
  });

  it("a plan with only a review rhythm is not written", () => {
    expect(isWrittenPlan({})).toBe(false);
    expect(isWrittenPlan({ review_every_days: 60, last_reviewed_at: "2026-11-01T00:00:00.000Z" })).toBe(false);
    expect(isWrittenPlan({ our_roles: ["Enablement"] })).toBe(true);
  });
});
