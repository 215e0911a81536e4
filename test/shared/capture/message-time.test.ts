import { describe, expect, it } from "vitest";
import { messageSentAt, zonedInstant } from "../../../shared/capture/message-time.ts";

const now = new Date("2026-12-01T03:00:00Z");

describe("messageSentAt", () => {
  it.each([
    // Gmail's span.g3 titles: the 2026 layout (en-US), the 2022 thread, a 2025 capture (en-GB), the e2e page.
    ["Mon, Nov 16, 2026, 9:14 AM", "Europe/London", "2026-11-16T09:14:00.000Z"],
    ["Mon, Nov 16, 2026, 9:14 AM", "America/New_York", "2026-11-16T14:14:00.000Z"],
    ["May 13, 2026, 11:02 PM", "Europe/London", "2026-05-13T22:02:00.000Z"],
    ["20 Aug 2025, 13:19", "Europe/London", "2025-08-20T12:19:00.000Z"],
    ["Mon, 16 Nov 2026, 09:12", "Asia/Kolkata", "2026-11-16T03:42:00.000Z"],
    ["Mon, Nov 16, 9:14 AM (7 days ago)", "UTC", "2026-11-16T09:14:00.000Z"],
  ])("%s in %s is %s", (text, zone, expected) => {
    expect(messageSentAt(text, zone, now)).toBe(expected);
  });

  it("reads a header without a year as the latest such time not after now", () => {
    expect(messageSentAt("Nov 30, 9:14 PM", "UTC", now)).toBe("2026-11-30T21:14:00.000Z");
    expect(messageSentAt("Dec 5, 9:00 AM", "UTC", now)).toBe("2025-12-05T09:00:00.000Z");
  });

  it.each(["26 дек. 2019 г., 22:53", "", "yesterday", "Nov 16, 2026"])("%j names no certain time: null", (text) => {
    expect(messageSentAt(text, "UTC", now)).toBeNull();
  });
});

describe("zonedInstant", () => {
  it("uses the offset in force on that day, either side of a DST change", () => {
    expect(zonedInstant({ year: 2026, month: 3, day: 28, hour: 12, minute: 0 }, "Europe/London").toISOString()).toBe("2026-03-28T12:00:00.000Z");
    expect(zonedInstant({ year: 2026, month: 3, day: 30, hour: 12, minute: 0 }, "Europe/London").toISOString()).toBe("2026-03-30T11:00:00.000Z");
  });
});
