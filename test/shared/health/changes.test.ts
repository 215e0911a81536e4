import { describe, expect, it } from "vitest";
import { historyAsOf } from "../../../shared/health/as-of.ts";
import { changeHeadline, healthChanges } from "../../../shared/health/changes.ts";
import { defaultHealthSettings } from "../../../shared/health/formula.ts";
import type { PartnershipHistory } from "../../../shared/health/history.ts";
import { daysAgo, now, overdue, referral, thriving, upcoming } from "./scenarios.ts";

const weekAgo = new Date(daysAgo(7));
const changesOf = (history: PartnershipHistory) => healthChanges(history, weekAgo, now, defaultHealthSettings);

describe("why the score changed", () => {
  it("blames the promises that became overdue this week for a fall", () => {
    const slipping: PartnershipHistory = { ...thriving, commitments: [...thriving.commitments, overdue("us", 3), overdue("us", 2)] };
    const changes = changesOf(slipping);
    expect(changes.change).toBeLessThan(0);
    expect(changes.headline).toBe(`↓ ${Math.abs(changes.change!)}: 2 promises to Acme Cloud became overdue`);
    expect(changes.traits.trust.change).toBeLessThan(0);
    expect(changes.traits.trust.appeared.map((signal) => signal.text)).toContainEqual(expect.stringMatching(/^2 promises you owe Acme Cloud are overdue/));
    expect(changes.causes[0]).toEqual({ text: "2 promises to Acme Cloud became overdue", effect: "negative", trait: "trust" });
  });

  it("credits promises kept and a referral won this week for a rise, and names what went", () => {
    const recovering: PartnershipHistory = {
      ...thriving,
      // Overdue a week ago, kept two days ago; and a referral that closed won yesterday.
      commitments: [...thriving.commitments, { ...overdue("us", 12), status: "done", completed_at: daysAgo(2) }],
      referrals: [...thriving.referrals, referral("to_partner", 30, [["accepted", 3], ["won", 29]])],
    };
    const changes = changesOf(recovering);
    expect(changes.change).toBeGreaterThan(0);
    expect(changes.headline).toMatch(/^↑ \d+: You kept 1 promise to Acme Cloud$/);
    expect(changes.causes.map((cause) => cause.text)).toContain("1 referral closed won");
    expect(changes.traits.trust.went.map((signal) => signal.text)).toContainEqual(expect.stringMatching(/^1 promise you owe Acme Cloud is overdue/));
  });

  it("has no headline when nothing moved", () => {
    // A minute ago: no record since, and time alone has not moved it yet.
    const still = healthChanges(thriving, new Date(now.getTime() - 60_000), now, defaultHealthSettings);
    expect(still.change).toBe(0);
    expect(still.headline).toBeNull();
  });

  it("falls back to the trait that moved most when no fact explains the move", () => {
    const traits = {
      trust: { before: 80, after: 80, change: 0, appeared: [], went: [] },
      respect: { before: 70, after: 61, change: -9, appeared: [], went: [] },
      collaboration: { before: 60, after: 58, change: -2, appeared: [], went: [] },
      success: { before: null, after: null, change: null, appeared: [], went: [] },
      goals: { before: 50, after: 50, change: 0, appeared: [], went: [] },
    };
    expect(changeHeadline(-4, [], traits)).toBe("↓ 4: respect fell 9");
    expect(changeHeadline(3, [{ text: "x", effect: "negative", trait: "trust" }], traits)).toBe("↑ 3");
  });
});

describe("the history as it stood", () => {
  it("leaves out later records, reopens promises completed later and rolls referrals back to their stage then", () => {
    const history: PartnershipHistory = {
      ...thriving,
      commitments: [{ ...overdue("us", 12), status: "done", completed_at: daysAgo(2) }, upcoming("partner", 5)],
      referrals: [referral("to_us", 30, [["accepted", 3], ["won", 28]])],
    };
    const then = historyAsOf(history, weekAgo);
    expect(then.commitments).toEqual([{ ...overdue("us", 12) }]);
    expect(then.referrals[0]!.stage).toBe("accepted");
    expect(then.referrals[0]!.stage_history.map((change) => change.stage)).toEqual(["submitted", "accepted"]);
    expect(then.interactions.every((interaction) => interaction.occurred_at <= weekAgo.toISOString())).toBe(true);
    expect(then.interactions.length).toBeLessThan(history.interactions.length);
    expect(historyAsOf(history, now)).toEqual(history);
  });
});
