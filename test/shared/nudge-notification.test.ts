import { describe, expect, it } from "vitest";
import { dayAfter, nextTimeOfDay, nudgeNotification } from "../../shared/nudge-notification.ts";
import type { Nudges } from "../../shared/schemas/nudges.ts";

const partner = (n: number, days: number) => ({
  partner_id: `ptr_${String(n).padStart(24, "0")}`, name: n === 1 ? "Brightpath" : `Partner ${n}`, cadence_days: 14, days_since_contact: days, last_contact_at: null,
});
const nudges = (overdue: number, dueToday: number, past: Nudges["past_cadence"] = []): Nudges => ({
  today: "2026-12-01", scope: "mine", promises: { overdue, due_today: dueToday }, past_cadence: past,
});

describe("nudgeNotification", () => {
  it("says what is due from us and which partners have gone quiet, in words", () => {
    expect(nudgeNotification(nudges(2, 1, [partner(1, 32)]), {}, "2026-12-01")).toEqual({
      title: "Mutual: what needs you today",
      lines: ["2 promises we owe are overdue; 1 is due today", "No contact with Brightpath for 32 days; your cadence is 14"],
      keys: ["promises", `partner:${partner(1, 32).partner_id}`],
    });
    expect(nudgeNotification(nudges(0, 1), {}, "2026-12-01")?.lines).toEqual(["1 promise we owe is due today"]);
    expect(nudgeNotification(nudges(1, 0), {}, "2026-12-01")?.lines).toEqual(["1 promise we owe is overdue"]);
  });

  it("is null on a day with nothing to say", () => {
    expect(nudgeNotification(nudges(0, 0), {}, "2026-12-01")).toBeNull();
  });

  it("leaves out what is snoozed until the day the snooze ends", () => {
    const quiet = partner(1, 32);
    const snoozes = { promises: "2026-12-02", [`partner:${quiet.partner_id}` as const]: "2026-12-08" };
    expect(nudgeNotification(nudges(2, 0, [quiet]), snoozes, "2026-12-01")).toBeNull();
    expect(nudgeNotification(nudges(2, 0, [quiet]), snoozes, "2026-12-02")?.keys).toEqual(["promises"]);
    expect(nudgeNotification(nudges(2, 0, [quiet]), snoozes, "2026-12-08")?.keys).toHaveLength(2);
  });

  it("keeps to four lines and counts the partners left out", () => {
    const many = [1, 2, 3, 4, 5, 6].map((n) => partner(n, 40 - n));
    const shown = nudgeNotification(nudges(1, 0, many), {}, "2026-12-01")!;
    expect(shown.lines).toHaveLength(5);
    expect(shown.lines.at(-1)).toBe("and 3 more partners past their cadence");
    expect(shown.keys).toHaveLength(7);
  });
});

describe("dayAfter and nextTimeOfDay", () => {
  it("counts days across a month end", () => {
    expect(dayAfter("2026-11-30")).toBe("2026-12-01");
    expect(dayAfter("2026-12-28", 7)).toBe("2027-01-04");
  });

  it("is later today when the time has not come yet, else tomorrow", () => {
    const now = new Date(2026, 11, 1, 8, 30);
    expect(nextTimeOfDay("09:00", now)).toEqual(new Date(2026, 11, 1, 9, 0));
    expect(nextTimeOfDay("08:30", now)).toEqual(new Date(2026, 11, 2, 8, 30));
  });
});
