import { describe, expect, it } from "vitest";
import { formatMoney, goalFigures, relativeDay } from "../../shared/display-format.ts";

const now = new Date("2026-12-01T10:00:00Z");

describe("display formats", () => {
  it("says days as people do, never '0 days ago'", () => {
    expect(relativeDay("2026-12-01T08:00:00Z", now, "en")).toBe("today");
    expect(relativeDay("2026-11-30T23:00:00Z", now, "en")).toBe("yesterday");
    expect(relativeDay("2026-12-04", now, "en")).toBe("in 3 days");
    expect(relativeDay("2026-11-10", now, "en")).toBe("3 weeks ago");
    expect(relativeDay("2026-06-01", now, "en")).toBe("6 months ago");
  });

  it("formats goal figures and amounts for the locale", () => {
    expect(goalFigures(394403, 500000, "en-US")).toBe("394,403 of 500,000");
    expect(goalFigures(394403, 500000, "de-DE")).toBe("394.403 of 500.000");
    expect(goalFigures(3, null, "en")).toBe("3 of –");
    expect(formatMoney(4_500_000, "GBP", "en-GB")).toBe("£45,000");
    expect(formatMoney(100, "XQQ", "en")).toMatch(/^XQQ\s1$/);
  });
});
