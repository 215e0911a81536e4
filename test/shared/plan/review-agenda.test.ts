import { describe, expect, it } from "vitest";
import { planReviewAgenda } from "../../../shared/plan/review-agenda.ts";
import type { PlanReview } from "../../../shared/schemas/plan-review.ts";

const tally = (made: number, onTime: number, late: number, broken: number, open: number) => ({ made, kept_on_time: onTime, kept_late: late, broken, open });
const review: PlanReview = {
  partner_id: "ptr_000000000000000000000001",
  plan_version: 4,
  as_of: "2026-12-01T09:00:00.000Z",
  period: { from: "2026-09-02T09:00:00.000Z", to: "2026-12-01T09:00:00.000Z", basis: "review_every_days" },
  review_every_days: 90,
  last_reviewed_at: null,
  goals: [{ goal_id: "gol_1", title: "10 joint deals", progress_percent: 20, expected_percent: 55, pace: "behind", milestones_done: 1, milestones_total: 3, milestones_overdue: ["Sales training"] }],
  promises: { us: tally(4, 3, 1, 0, 0), partner: tally(3, 1, 0, 2, 0) },
  referrals: {
    to_us: { submitted: 3, won: 2, lost: 1, won_value: [{ amount_minor: 4_000_000, currency: "USD" }], target: { amount_minor: 10_000_000, currency: "USD" }, target_percent: 40 },
    to_partner: { submitted: 1, won: 0, lost: 0, won_value: [], target: null, target_percent: null },
  },
  fees: {
    direction: "to_us", percent: 10, fixed: null,
    items: [
      { referral_id: "ref_1", account_name: "Hooli", won_at: "2026-10-01T00:00:00.000Z", fee: { amount_minor: 300_000, currency: "USD" }, paid_at: "2026-11-01T00:00:00.000Z" },
      { referral_id: "ref_2", account_name: "Pied Piper", won_at: "2026-11-01T00:00:00.000Z", fee: { amount_minor: 100_000, currency: "USD" }, paid_at: null },
    ],
    due: [{ amount_minor: 400_000, currency: "USD" }], paid: [{ amount_minor: 300_000, currency: "USD" }], unpaid: [{ amount_minor: 100_000, currency: "USD" }],
  },
  contact: { cadence_days: 14, interactions: 5, last_contact_at: "2026-11-28T00:00:00.000Z", longest_gap_days: 31, within_cadence: false },
  roles: {
    us: { plan: ["Technical enablement"], record: { interactions_started: 4, promises_made: 4, promises_kept_on_time: 3, referrals_sent: 1 } },
    partner: { plan: ["Lead sourcing"], record: { interactions_started: 0, promises_made: 3, promises_kept_on_time: 1, referrals_sent: 3 } },
    findings: ["Only we started contact in this period"],
  },
};

describe("the plan review as a meeting agenda", () => {
  it("puts each figure of the review under its heading, amounts in the reader's locale", () => {
    expect(planReviewAgenda(review, "Initech", "en-US")).toBe([
      "Plan review with Initech, over the last 90 days (since 2026-09-02)",
      "Goals vs pace:",
      "- 10 joint deals: 20% done, behind pace (55% expected by now); milestones 1 of 3 done; overdue: Sales training",
      "Promises kept, both ways:",
      "- We: 4 made, 3 kept on time, 1 late, 0 overdue, 0 open",
      "- Initech: 3 made, 1 kept on time, 0 late, 2 overdue, 0 open",
      "Referrals vs targets:",
      "- From Initech: 3 submitted, 2 won ($40,000.00), 1 lost; target $100,000.00 (40% reached)",
      "- To Initech: 1 submitted, 0 won (none), 0 lost",
      "Fees due vs paid:",
      "- Due: $4,000.00; paid: $3,000.00; unpaid: $1,000.00",
      "- Not yet paid for: Pied Piper (owed to Initech)",
      "Contact vs cadence:",
      "- 5 contacts; longest gap 31 days against a cadence of 14 (outside cadence)",
      "Roles vs what each side did:",
      "- We: plan says Technical enablement; did: 4 contacts started, 4 promises made (3 kept on time), 1 referrals sent",
      "- Initech: plan says Lead sourcing; did: 0 contacts started, 3 promises made (1 kept on time), 3 referrals sent",
      "- Only we started contact in this period",
    ].join("\n"));
  });

  it("says since the last review when there was one, and that the plan sets no fee when it does not", () => {
    const agenda = planReviewAgenda({ ...review, period: { ...review.period, basis: "last_review" }, fees: { ...review.fees, percent: null, items: [] } }, "Initech", "de-DE");
    expect(agenda.split("\n")[0]).toBe("Plan review with Initech, since the last review (2026-09-02)");
    expect(agenda).toContain("- The plan sets no referral fee");
    expect(agenda).toMatch(/\(40\.000,00\s\$\)/);
  });
});
