/**
 * When a message was sent, from the time its mail client shows in the header
 * ("Mon, Nov 16, 2026, 9:14 AM", "20 Aug 2025, 13:19"): a wall-clock time in
 * the viewer's time zone, which is passed in. Pure: no clock, no DOM.
 * English month names only (chrono-node/en); a header in another language
 * reads as null, and that message is not logged rather than logged at a
 * guessed time.
 */
import * as chrono from "chrono-node/en";
import { wallClock } from "../promises/due-date.ts";

const minuteMs = 60_000;

/** The UTC instant of a wall-clock time in an IANA time zone (DST included: the offset is checked at the result). */
export function zonedInstant(parts: { year: number; month: number; day: number; hour: number; minute: number }, timeZone: string): Date {
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  const offsetAt = (instant: number) => {
    const local = wallClock(new Date(instant), timeZone);
    return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute) - instant;
  };
  let instant = asUtc - offsetAt(asUtc);
  // Across a DST change the first guess's offset may be the other one.
  instant = asUtc - offsetAt(instant);
  return new Date(Math.round(instant / minuteMs) * minuteMs);
}

/**
 * The header's time as an ISO 8601 UTC instant, or null when it names no
 * certain day and time. A header without a year (some clients drop it for
 * this year) is read as the latest such time not after `now`.
 */
export function messageSentAt(text: string, timeZone: string, now: Date): string | null {
  const local = wallClock(now, timeZone);
  const reference = { instant: new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute)), timezone: 0 };
  // "Nov 16, 9:14 AM (7 days ago)": the relative part is a second date.
  const [result] = chrono.parse(text.replace(/\([^)]*\)/g, " "), reference);
  const start = result?.start;
  if (!start || !start.isCertain("day") || !start.isCertain("month") || !start.isCertain("hour")) return null;
  const parts = {
    year: start.get("year") ?? local.year, month: start.get("month")!, day: start.get("day")!,
    hour: start.get("hour")!, minute: start.get("minute") ?? 0,
  };
  let sent = zonedInstant(parts, timeZone);
  if (!start.isCertain("year") && sent.getTime() > now.getTime()) sent = zonedInstant({ ...parts, year: parts.year - 1 }, timeZone);
  return sent.toISOString();
}
