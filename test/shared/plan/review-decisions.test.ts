import { describe, expect, it } from "vitest";
import { decisionsPatch } from "../../../shared/plan/review-decisions.ts";
import type { PartnershipPlan } from "../../../shared/schemas/plan.ts";

const plan: PartnershipPlan = {
  renewal_on: "2027-03-01",
  milestones: [{ title: "First deal", done: false }, { title: "Training", done: true }, { title: "Webinar", due_on: "2027-01-15", done: false }],
};

describe("what a plan review decided", () => {
  it("is nothing when the form is as the plan is", () => {
    expect(decisionsPatch(plan, 90, { renewal_on: "2027-03-01", review_every_days: "90", done: [] })).toEqual({});
  });

  it("names a new renewal date and rhythm, and marks the chosen milestones done, keeping the others as they were", () => {
    expect(decisionsPatch(plan, 90, { renewal_on: "2028-03-01", review_every_days: "60", done: [2] })).toEqual({
      renewal_on: "2028-03-01",
      review_every_days: 60,
      milestones: [{ title: "First deal", done: false }, { title: "Training", done: true }, { title: "Webinar", due_on: "2027-01-15", done: true }],
    });
  });

  it("ignores a milestone already done or no longer in the plan", () => {
    expect(decisionsPatch(plan, 90, { renewal_on: "", review_every_days: "", done: [1, 7] })).toEqual({});
  });
});
