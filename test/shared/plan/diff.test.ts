import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffPlans, planPatchBetween } from "../../../shared/plan/diff.ts";
import { applyPlanPatch } from "../../../shared/plan/edit.ts";
import type { PartnershipPlan } from "../../../shared/schemas/plan.ts";

const agreement = { title: "Agreement", url: "https://docs.example/agreement.pdf" };
const priceList = { title: "Price list 2027", url: "https://docs.example/prices.pdf" };
const v1: PartnershipPlan = {
  our_objectives: "Grow UK retail",
  our_roles: ["Technical enablement", "Deal registration"],
  terms: { margin_percent: 20, mdf: { amount_minor: 2_500_000, currency: "EUR" } },
  documents: [agreement],
  renewal_on: "2027-03-01",
};
const v2: PartnershipPlan = {
  our_objectives: "Grow UK and Irish retail",
  our_roles: ["Technical enablement", "Co-marketing"],
  terms: { margin_percent: 22, mdf: { amount_minor: 2_500_000, currency: "EUR" } },
  documents: [agreement, priceList],
  review_every_days: 60,
};

describe("the diff between two versions of the plan", () => {
  it("names each changed field once, each commercial term apart, and what a list gained and lost", () => {
    expect(diffPlans(v1, v2)).toEqual([
      { field: "documents", before: [agreement], after: [agreement, priceList], added: [priceList], removed: [] },
      { field: "our_objectives", before: "Grow UK retail", after: "Grow UK and Irish retail", added: [], removed: [] },
      { field: "our_roles", before: v1.our_roles, after: v2.our_roles, added: ["Co-marketing"], removed: ["Deal registration"] },
      { field: "renewal_on", before: "2027-03-01", after: null, added: [], removed: [] },
      { field: "review_every_days", before: null, after: 60, added: [], removed: [] },
      { field: "terms.margin_percent", before: 20, after: 22, added: [], removed: [] },
    ]);
  });

  it("reads backwards too: a newer version against an older one swaps what was added and removed", () => {
    const back = diffPlans(v2, v1).find((entry) => entry.field === "our_roles");
    expect(back).toMatchObject({ added: ["Deal registration"], removed: ["Co-marketing"] });
  });

  it("is empty between a version and itself, and a whole new list counts every entry as added", () => {
    expect(diffPlans(v1, structuredClone(v1))).toEqual([]);
    expect(diffPlans({}, { documents: [agreement] })).toEqual([{ field: "documents", before: null, after: [agreement], added: [agreement], removed: [] }]);
  });

  it("treats a milestone marked done as one removed and one added entry", () => {
    const entry = diffPlans({ milestones: [{ title: "First deal", done: false }] }, { milestones: [{ title: "First deal", done: true }] })[0];
    expect(entry).toMatchObject({ added: [{ title: "First deal", done: true }], removed: [{ title: "First deal", done: false }] });
  });
});

describe("the change from the plan as loaded to the plan as edited", () => {
  it("names only what differs, null for an emptied field, and never the review date", () => {
    const edited: PartnershipPlan = { ...v1, our_objectives: "Grow UK and Irish retail", renewal_on: undefined, last_reviewed_at: "2026-12-01T00:00:00.000Z" };
    delete edited.renewal_on;
    expect(planPatchBetween(v1, edited)).toEqual({ our_objectives: "Grow UK and Irish retail", renewal_on: null });
  });

  it("applied to a plan someone else changed meanwhile, keeps their change and makes mine", () => {
    const field = fc.constantFrom("our_objectives", "rules_of_engagement", "partner_objectives", "renewal_on") as fc.Arbitrary<"our_objectives" | "rules_of_engagement" | "partner_objectives" | "renewal_on">;
    fc.assert(fc.property(field, field, (mine, theirs) => {
      fc.pre(mine !== theirs);
      const value = (f: string) => (f === "renewal_on" ? "2028-01-31" : `changed ${f}`);
      const base: PartnershipPlan = { our_objectives: "A", rules_of_engagement: "B", partner_objectives: "C", renewal_on: "2027-03-01" };
      const theirPlan = { ...base, [theirs]: value(theirs) };
      const result = applyPlanPatch(theirPlan, planPatchBetween(base, { ...base, [mine]: value(mine) }));
      expect(result).toEqual({ ...base, [theirs]: value(theirs), [mine]: value(mine) });
    }));
  });
});
