import { describe, expect, it } from "vitest";
import { backfillHealth, historyAsOf, partnershipStart } from "../../../shared/health/backfill.ts";
import type { PartnershipHistory } from "../../../shared/health/history.ts";
import { scorePartnership } from "../../../shared/health/score-partnership.ts";

// A small history whose every event has a date, to check that each day's
// score sees exactly what had happened by the end of that day.

const now = new Date("2026-06-30T12:00:00Z");

function history(): PartnershipHistory {
  return {
    partner: { name: "Acme", status: "active", cadence_days: 14, created_at: "2026-06-01T09:00:00.000Z" },
    interactions: [
      { kind: "meeting", direction: "both", occurred_at: "2026-03-02T10:00:00.000Z" },
      { kind: "email", direction: "inbound", occurred_at: "2026-05-10T10:00:00.000Z" },
    ],
    commitments: [
      { owed_by: "us", status: "done", due_on: "2026-04-01", completed_at: "2026-04-20T10:00:00.000Z", created_at: "2026-03-02T10:00:00.000Z" },
    ],
    referrals: [{
      direction: "to_us", stage: "won", submitted_at: "2026-03-10T10:00:00.000Z", amount_minor: 100_000, currency: "USD",
      stage_history: [{ stage: "submitted", at: "2026-03-10T10:00:00.000Z" }, { stage: "won", at: "2026-05-01T10:00:00.000Z" }],
    }],
    goals: [{ title: "Deals", target: 10, current: 4, due_on: "2026-12-31", last_reviewed_at: "2026-06-15T10:00:00.000Z", created_at: "2026-03-05T10:00:00.000Z" }],
    meetings: [],
  };
}

describe("the history as it stood on a day", () => {
  it("starts the partnership at its first recorded event when that is before its creation", () => {
    expect(partnershipStart(history())).toBe("2026-03-02T10:00:00.000Z");
  });

  it("holds only what had happened, each record in the state it was in then", () => {
    const april = historyAsOf(history(), "2026-04-10T23:59:59.999Z");
    expect(april.interactions.map((event) => event.occurred_at)).toEqual(["2026-03-02T10:00:00.000Z"]);
    expect(april.commitments[0]).toMatchObject({ status: "open", completed_at: null });
    expect(april.referrals[0]).toMatchObject({ stage: "submitted", stage_history: [{ stage: "submitted" }] });
    expect(april.goals[0]!.last_reviewed_at).toBeNull();
    const may = historyAsOf(history(), "2026-05-02T00:00:00.000Z");
    expect(may.commitments[0]!.status).toBe("done");
    expect(may.referrals[0]!.stage).toBe("won");
    expect(historyAsOf(history(), "2026-03-01T23:59:59.999Z").commitments).toEqual([]);
  });
});

describe("backfilling a trend", () => {
  it("scores each past day from its own history, from the partnership's first day up to yesterday", () => {
    const points = backfillHealth(history(), now);
    expect(points[0]!.day).toBe("2026-03-02");
    expect(points[points.length - 1]!.day).toBe("2026-06-29");
    expect(points).toHaveLength(120);
    const april10 = points.find((point) => point.day === "2026-04-10")!;
    expect(april10.health).toEqual(scorePartnership(historyAsOf(history(), "2026-04-10T23:59:59.999Z"), new Date("2026-04-10T23:59:59.999Z")));
    // The won referral moves the score the day it was won, not before.
    const before = points.find((point) => point.day === "2026-04-30")!.health.traits.success.score;
    const after = points.find((point) => point.day === "2026-05-01")!.health.traits.success.score;
    expect(after).not.toBe(before);
  });

  it("goes back 180 days at most", () => {
    const old = history();
    old.interactions.unshift({ kind: "call", direction: "both", occurred_at: "2025-01-01T10:00:00.000Z" });
    const points = backfillHealth(old, now);
    expect(points).toHaveLength(180);
    expect(points[0]!.day).toBe("2026-01-01");
  });
});
