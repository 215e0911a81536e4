import { describe, expect, it } from "vitest";
import { daysBetween, isOverdue, utcDate } from "../../shared/calendar.ts";
import { dormantAfterDays, isDormant, quietness } from "../../shared/dormancy.ts";

const now = new Date("2026-11-23T15:00:00Z");

describe("calendar", () => {
  it("counts a promise due today as not yet overdue", () => {
    expect(isOverdue("2026-11-23", now)).toBe(false);
    expect(isOverdue("2026-11-22", now)).toBe(true);
    expect(isOverdue(null, now)).toBe(false);
  });

  it("counts whole days and never negative", () => {
    expect(daysBetween(new Date("2026-10-13T15:00:00Z"), now)).toBe(41);
    expect(daysBetween(new Date("2026-11-24T00:00:00Z"), now)).toBe(0);
    expect(utcDate(now)).toBe("2026-11-23");
  });
});

describe("dormancy", () => {
  const partner = (lastContact: string | null, cadence: number | null, status = "active") => ({
    status, cadence_days: cadence, last_contact_at: lastContact, created_at: "2025-01-01T00:00:00Z",
  });

  it("waits three cadence periods, at least 30 days, or 90 days without a cadence", () => {
    expect(dormantAfterDays(14)).toBe(42);
    expect(dormantAfterDays(7)).toBe(30);
    expect(dormantAfterDays(null)).toBe(90);
  });

  it("marks only active partners that have gone quiet", () => {
    expect(isDormant(partner("2026-10-01T00:00:00Z", 14), now)).toBe(true); // 53 days > 42
    expect(isDormant(partner("2026-11-01T00:00:00Z", 14), now)).toBe(false); // 22 days
    expect(isDormant(partner("2026-10-01T00:00:00Z", 14, "prospect"), now)).toBe(false);
    expect(isDormant(partner(null, null), now)).toBe(true); // never contacted since 2025
  });

  it("calls an active partner quiet past its cadence and dormant past three of them", () => {
    expect(quietness(partner("2026-11-15T00:00:00Z", 14), now)).toBeNull(); // 8 days, within 14
    expect(quietness(partner("2026-11-01T00:00:00Z", 14), now)).toEqual({ state: "quiet", daysSilent: 22 });
    expect(quietness(partner("2026-10-01T00:00:00Z", 14), now)).toEqual({ state: "dormant", daysSilent: 53 });
    expect(quietness(partner("2026-10-01T00:00:00Z", 14, "paused"), now)).toBeNull();
    // No cadence: nothing to be late for until it is dormant (90 days).
    expect(quietness(partner("2026-10-01T00:00:00Z", null), now)).toBeNull();
    expect(quietness(partner(null, null), now)?.state).toBe("dormant");
  });
});
