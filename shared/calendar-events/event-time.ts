/**
 * When a calendar event happens, from what its page shows. Calendar words
 * the time for people ("Tuesday, December 1⋅10:00 – 11:00am", the year left
 * out for this year's events) in the viewer's own time zone; chrono-node
 * reads that relative to `now`, in the time zone this code runs in (the
 * browser's, the same one Calendar draws in). An invitation email also
 * carries the exact instants ("20241004T093000Z").
 */
import * as chrono from "chrono-node/en";

export interface EventTime {
  /** ISO 8601 instant; for an all-day event, noon local time on its day (the meeting form's rule). */
  startsAt: string;
  endsAt: string | null;
  allDay: boolean;
}

/** The event's time from Calendar's words, or null when they name no day. */
export function eventTimeFromText(text: string, now: Date): EventTime | null {
  // "⋅" separates the day from the hours in Calendar's dialog; chrono reads a space there.
  const words = text.replace(/[⋅·]/g, " ").replace(/\s+/g, " ").trim();
  const found = chrono.parse(words, now)[0];
  if (!found) return null;
  const allDay = !found.start.isCertain("hour");
  const start = found.start.date();
  if (allDay) start.setHours(12, 0, 0, 0);
  const end = found.end && !allDay ? found.end.date().toISOString() : null;
  return { startsAt: start.toISOString(), endsAt: end, allDay };
}

/** "20241004T093000Z" (iCalendar's basic form, as an invitation's microdata gives it) → ISO 8601; null if it isn't one. */
export function instantFromBasicIso(value: string | null | undefined): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value?.trim() ?? "");
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const instant = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}
