import { describe, expect, it } from "vitest";
import { trendChange } from "../../../shared/health/trend-change.ts";

const day = (offset: number) => new Date(Date.UTC(2026, 10, 1) + offset * 86_400_000).toISOString().slice(0, 10);

describe("a trend's change in words", () => {
  it("says the rise over the days covered, with an arrow as text and words for screen readers", () => {
    const change = trendChange([{ day: day(0), score: 60 }, { day: day(10), score: null }, { day: day(30), score: 66 }]);
    expect(change).toEqual({ delta: 6, days: 30, text: "↑ 6 in 30 days", spoken: "Health up 6 points in 30 days" });
  });

  it("counts only the days actually scored, and says a fall as a fall", () => {
    const change = trendChange([{ day: day(0), score: null }, { day: day(18), score: 71 }, { day: day(30), score: 70 }]);
    expect(change).toEqual({ delta: -1, days: 12, text: "↓ 1 in 12 days", spoken: "Health down 1 point in 12 days" });
  });

  it("says steady when the score ends where it began", () => {
    expect(trendChange([{ day: day(0), score: 50 }, { day: day(15), score: 58 }, { day: day(30), score: 50 }])?.text).toBe("steady");
  });

  it("has nothing to say with fewer than two scored days", () => {
    expect(trendChange([{ day: day(0), score: 50 }, { day: day(1), score: null }])).toBeNull();
    expect(trendChange([])).toBeNull();
  });
});
