import { describe, expect, it } from "vitest";
import { planOneLine } from "../../../shared/plan/summary.ts";
import type { PartnershipPlan } from "../../../shared/schemas/plan.ts";

const now = new Date("2026-12-01T09:00:00Z");
const resource = (plan: PartnershipPlan, written = true, reviewEvery = 90) => ({ plan, written, review_every_days: reviewEvery });

describe("the plan in one line", () => {
  it("says when it was reviewed and when it renews", () => {
    expect(planOneLine(resource({ our_objectives: "Grow", last_reviewed_at: "2026-10-21T08:00:00.000Z", renewal_on: "2027-03-01" }), now))
      .toEqual({ text: "Plan reviewed 41 days ago · renews 2027-03-01", state: "reviewed" });
  });

  it("says today and yesterday in words, and leaves out a renewal it does not know", () => {
    expect(planOneLine(resource({ our_objectives: "Grow", last_reviewed_at: "2026-12-01T08:00:00.000Z" }), now).text).toBe("Plan reviewed today");
    expect(planOneLine(resource({ our_objectives: "Grow", last_reviewed_at: "2026-11-30T08:00:00.000Z" }), now).text).toBe("Plan reviewed yesterday");
  });

  it("says a review is due once the plan's own rhythm has passed, not before", () => {
    const at90 = planOneLine(resource({ our_objectives: "Grow", last_reviewed_at: "2026-09-02T09:00:00.000Z" }), now);
    expect(at90).toEqual({ text: "Plan reviewed 90 days ago", state: "reviewed" });
    const at91 = planOneLine(resource({ our_objectives: "Grow", last_reviewed_at: "2026-09-01T09:00:00.000Z", renewal_on: "2027-03-01" }), now);
    expect(at91).toEqual({ text: "Plan reviewed 91 days ago · renews 2027-03-01 · review due (every 90 days)", state: "due" });
    const monthly = planOneLine(resource({ our_objectives: "Grow", last_reviewed_at: "2026-10-21T15:00:00.000Z" }, true, 30), now);
    expect(monthly.state).toBe("due");
  });

  it("says a written plan was never reviewed", () => {
    expect(planOneLine(resource({ renewal_on: "2027-03-01" }), now)).toEqual({ text: "Plan not reviewed yet · renews 2027-03-01", state: "unreviewed" });
  });

  it("says there is no written plan when the plan says nothing", () => {
    expect(planOneLine(resource({ review_every_days: 60 }, false, 60), now)).toEqual({ text: "No written plan yet", state: "unwritten" });
  });
});
