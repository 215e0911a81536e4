import { describe, expect, it } from "vitest";
import type { PlanReviewFacts } from "../../../shared/plan/review-facts.ts";
import { reviewPlan } from "../../../shared/plan/review.ts";
import { dateDaysAgo, daysAgo, kept, late, now, overdue, referral } from "../health/scenarios.ts";

const ref = (id: string, fee_paid_at: string | null, ...args: Parameters<typeof referral>) => ({ ...referral(...args), id, account_name: `Account ${id}`, fee_paid_at });

/**
 * Initech: reviewed 100 days ago; refers deals to us and keeps its word, we
 * are slow. Fees: 10% of won referrals to us; one paid, one unpaid, one won
 * before the last review and still unpaid, one without an amount.
 */
const initech: PlanReviewFacts = {
  partnerId: "ptr_initech000000000000000000",
  planVersion: 4,
  cadenceDays: 14,
  lastContactAt: daysAgo(3),
  plan: {
    our_roles: ["Technical enablement", "Deal registration answers within 2 days"],
    partner_roles: ["Lead sourcing"],
    terms: { referral_fee_percent: 10 },
    referral_targets: [{ direction: "to_us", amount: { amount_minor: 10_000_000, currency: "USD" } }],
    milestones: [{ title: "Joint webinar", due_on: dateDaysAgo(20), done: false, goal_id: "gol_pipeline00000000000000000" }],
    last_reviewed_at: daysAgo(100),
  },
  goals: [
    { id: "gol_pipeline00000000000000000", title: "Sourced pipeline $1M", target: 1_000_000, current: 200_000, due_on: dateDaysAgo(-50), last_reviewed_at: null, created_at: daysAgo(250), milestones: [{ title: "First deal", due_on: dateDaysAgo(150), done: true }] },
    { id: "gol_certified0000000000000000", title: "Certify 4 engineers", target: 4, current: 3, due_on: dateDaysAgo(-200), last_reviewed_at: null, created_at: daysAgo(100), milestones: [] },
    { id: "gol_unmeasured000000000000000", title: "Be their preferred vendor", target: null, current: null, due_on: null, last_reviewed_at: null, created_at: daysAgo(100), milestones: [] },
  ],
  commitments: [kept("partner", 60), kept("partner", 30), late("us", 50, 9), overdue("us", 10), { ...overdue("us", 120), created_at: daysAgo(200) }],
  referrals: [
    ref("ref_paid", daysAgo(20), "to_us", 80, [["accepted", 5], ["won", 40]], 3_000_000),
    ref("ref_unpaid", null, "to_us", 70, [["won", 45]], 5_000_000),
    ref("ref_old_unpaid", null, "to_us", 300, [["won", 100]], 1_000_000),
    ref("ref_old_paid", daysAgo(150), "to_us", 300, [["won", 100]], 9_000_000),
    { ...ref("ref_no_amount", null, "to_us", 60, [["won", 10]]), amount_minor: null, currency: null },
    ref("ref_lost", null, "to_us", 90, [["lost", 50]]),
  ],
  interactions: [
    { kind: "email", direction: "inbound", occurred_at: daysAgo(95) },
    { kind: "email", direction: "inbound", occurred_at: daysAgo(40) },
    { kind: "call", direction: "inbound", occurred_at: daysAgo(3) },
  ],
};

describe("the plan against what happened since the last review", () => {
  const review = reviewPlan(initech, "Initech Partners", now);

  it("covers the period since the last review", () => {
    expect(review.period).toEqual({ from: daysAgo(100), to: now.toISOString(), basis: "last_review" });
    expect(review.plan_version).toBe(4);
  });

  it("finds the goal behind pace, with its overdue plan milestone", () => {
    const [pipeline, certified, unmeasured] = review.goals;
    expect(pipeline).toMatchObject({ pace: "behind", progress_percent: 20, expected_percent: 83, milestones_done: 1, milestones_total: 2, milestones_overdue: ["Joint webinar"] });
    expect(certified).toMatchObject({ pace: "on_pace", progress_percent: 75 });
    expect(unmeasured!.pace).toBe("unmeasured");
  });

  it("counts promises both ways: theirs kept, ours late and broken", () => {
    expect(review.promises.partner).toEqual({ made: 2, kept_on_time: 2, kept_late: 0, broken: 0, open: 0 });
    // The one made 200 days ago and due before the period is not this period's.
    expect(review.promises.us).toEqual({ made: 2, kept_on_time: 0, kept_late: 1, broken: 1, open: 0 });
  });

  it("sums referral value won against the target", () => {
    expect(review.referrals.to_us).toMatchObject({
      submitted: 4, won: 3, lost: 1, won_value: [{ amount_minor: 8_000_000, currency: "USD" }], target_percent: 80,
    });
    expect(review.referrals.to_partner).toMatchObject({ submitted: 0, won: 0, won_value: [], target: null, target_percent: null });
  });

  it("lists fees due under the terms, paid and unpaid, including an old unpaid one", () => {
    expect(review.fees.items.map((item) => [item.referral_id, item.fee?.amount_minor ?? null, item.paid_at !== null])).toEqual([
      ["ref_old_unpaid", 100_000, false], ["ref_no_amount", null, false], ["ref_paid", 300_000, true], ["ref_unpaid", 500_000, false],
    ]);
    expect(review.fees.due).toEqual([{ amount_minor: 900_000, currency: "USD" }]);
    expect(review.fees.paid).toEqual([{ amount_minor: 300_000, currency: "USD" }]);
    expect(review.fees.unpaid).toEqual([{ amount_minor: 600_000, currency: "USD" }]);
  });

  it("judges contact against the cadence by the longest silence", () => {
    expect(review.contact).toEqual({ cadence_days: 14, interactions: 3, last_contact_at: daysAgo(3), longest_gap_days: 55, within_cadence: false });
  });

  it("puts each side's roles beside what the record shows, and finds the one-sided flow", () => {
    expect(review.roles.us.record).toEqual({ interactions_started: 0, promises_made: 2, promises_kept_on_time: 0, referrals_sent: 0 });
    expect(review.roles.partner.record).toEqual({ interactions_started: 3, promises_made: 2, promises_kept_on_time: 2, referrals_sent: 4 });
    expect(review.roles.findings).toEqual([]);
    const quiet = reviewPlan({ ...initech, commitments: [], interactions: [] }, "Initech Partners", now);
    expect(quiet.roles.findings).toEqual([
      "We have roles in the plan (Technical enablement, Deal registration answers within 2 days) but the record shows nothing from us in this period",
    ]);
    const noRolesOfOurs = reviewPlan({ ...initech, plan: { ...initech.plan, our_roles: [] }, commitments: [], interactions: [] }, "Initech Partners", now);
    expect(noRolesOfOurs.roles.findings).toEqual(["Only Initech Partners did anything recorded in this period"]);
    const silent = reviewPlan({ ...initech, commitments: [], interactions: [], referrals: [] }, "Initech Partners", now);
    expect(silent.roles.findings).toEqual([
      "We have roles in the plan (Technical enablement, Deal registration answers within 2 days) but the record shows nothing from us in this period",
      "Initech Partners has roles in the plan (Lead sourcing) but the record shows nothing from them in this period",
    ]);
  });

  it("without a review yet, covers the last review_every_days, and a fixed fee applies per won referral", () => {
    const fixed = reviewPlan({ ...initech, plan: { review_every_days: 60, terms: { referral_fee_fixed: { amount_minor: 50_000, currency: "GBP" } } } }, "Initech Partners", now);
    expect(fixed.period).toEqual({ from: daysAgo(60), to: now.toISOString(), basis: "review_every_days" });
    expect(fixed.fees.items.map((item) => item.referral_id)).toEqual(["ref_old_unpaid", "ref_no_amount", "ref_paid", "ref_unpaid"]);
    expect(fixed.fees.due).toEqual([{ amount_minor: 200_000, currency: "GBP" }]);
    expect(fixed.fees.unpaid).toEqual([{ amount_minor: 150_000, currency: "GBP" }]);
  });

  it("owes no fee when the plan sets none", () => {
    const unpriced = reviewPlan({ ...initech, plan: {} }, "Initech Partners", now);
    expect(unpriced.fees).toMatchObject({ items: [], due: [], percent: null, fixed: null });
  });
});
