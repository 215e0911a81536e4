import { describe, expect, it } from "vitest";
import { assessGoals } from "../../../shared/health/goals.ts";
import { planFacts } from "../../../shared/health/plan.ts";
import { scorePartnership } from "../../../shared/health/score-partnership.ts";
import type { PartnershipPlan } from "../../../shared/schemas/plan.ts";
import { dateDaysAgo, daysAgo, now, thriving } from "./scenarios.ts";

const withPlan = (plan: PartnershipPlan) => ({ ...thriving, plan: planFacts(plan) });
const texts = (plan: PartnershipPlan) => assessGoals(withPlan(plan), now).signals.map((signal) => `${signal.text} (${signal.effect})`);
const actions = (plan: PartnershipPlan) => assessGoals(withPlan(plan), now).actions.map((action) => action.text);
const written: PartnershipPlan = { our_roles: ["Enablement"], partner_roles: ["Lead sourcing"] };

describe("the written plan in the goals trait", () => {
  it("says when the plan was last reviewed against its own rhythm, and asks for a review when stale", () => {
    expect(texts({ ...written, last_reviewed_at: daysAgo(140) })).toContain("Plan last reviewed 140 days ago; you review every 90 (negative)");
    expect(actions({ ...written, last_reviewed_at: daysAgo(140) })).toContain("Review the partnership plan with Acme Cloud: last reviewed 140 days ago");
    expect(texts({ ...written, review_every_days: 180, last_reviewed_at: daysAgo(140) })).toContain("Plan last reviewed 140 days ago; you review every 180 (positive)");
    expect(actions({ ...written, review_every_days: 180, last_reviewed_at: daysAgo(140) })).toEqual([]);
  });

  it("makes a missing plan a next action for an established partnership", () => {
    expect(texts({})).toContain("No written partnership plan with Acme Cloud (negative)");
    const health = scorePartnership(withPlan({}), now);
    expect(health.next_actions.map((action) => action.text)).toContain("Write down the partnership plan with Acme Cloud: roles, terms, renewal date");
  });

  it("asks for a review before a renewal within 60 days when none since last quarter", () => {
    const renewing = { ...written, renewal_on: dateDaysAgo(-45), last_reviewed_at: daysAgo(100), review_every_days: 120 };
    expect(actions(renewing)).toEqual([`Review the plan with Acme Cloud before it renews on ${dateDaysAgo(-45)}`]);
    expect(actions({ ...renewing, last_reviewed_at: daysAgo(30) })).toEqual([]);
    expect(actions({ ...renewing, renewal_on: dateDaysAgo(-90) })).toEqual([]);
    // Stale and renewing: one review answers both, asked for once.
    expect(actions({ ...renewing, review_every_days: 90, last_reviewed_at: daysAgo(140) })).toEqual([`Review the plan with Acme Cloud before it renews on ${dateDaysAgo(-45)}`]);
  });

  it("scores a living plan above a stale one above none, all else equal", () => {
    const fresh = assessGoals(withPlan({ ...written, last_reviewed_at: daysAgo(10) }), now).score!;
    const stale = assessGoals(withPlan({ ...written, last_reviewed_at: daysAgo(150) }), now).score!;
    const none = assessGoals(withPlan({}), now).score!;
    expect(fresh).toBeGreaterThan(stale);
    expect(stale).toBeGreaterThan(none);
  });

  it("says nothing about a plan it knows nothing of, and nothing missing for a new partnership", () => {
    expect(assessGoals(thriving, now)).toEqual(assessGoals({ ...thriving, plan: undefined }, now));
    const newcomer = { ...thriving, partner: { ...thriving.partner, created_at: daysAgo(10) }, goals: [], plan: planFacts({}) };
    expect(assessGoals(newcomer, now).score).toBeNull();
  });
});
