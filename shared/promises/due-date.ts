/**
 * The day a promise is due, read from its words relative to the message's own
 * date in the sender's time zone ("tomorrow" in a message sent at 17:30 in Los
 * Angeles is the next day there, whatever the UTC date). chrono-node reads the
 * dates; date-rules.ts adds the deadline phrases it lacks. English only: the
 * `chrono-node/en` entry keeps the other locales out of the bundle.
 */
import * as chrono from "chrono-node/en";
import { type CalendarDay, endOfDayDeadline, type RuleMatch, formatDay, ruleDeadline, sameDay, shifted } from "./date-rules.ts";

export interface DueDate {
  /** YYYY-MM-DD */
  date: string;
  /** Where the words naming it stand in the sentence, so the title can leave them out. */
  index: number;
  text: string;
}

interface WallClock extends CalendarDay { hour: number; minute: number }

/**
 * One formatter per time zone: making an Intl.DateTimeFormat costs about a
 * millisecond (ICU loads the zone's rules), formatting with it microseconds,
 * and a 100-message thread asks three times per message.
 */
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    // Throws RangeError for an unknown zone, before anything is kept.
    format = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric",
    });
    // Zone names are case-insensitive, so the keys are not bounded by the zones that exist: start over rather than grow.
    if (wallClockFormats.size >= 64) wallClockFormats.clear();
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock time of an instant in an IANA time zone (Intl: no DOM, no Node). */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = wallClockFormat(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute") };
}

/** A bare length ("90 days", "a week before …") says how long, not by when. */
const bareDuration = /^(?:another\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few)\s+(?:business\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?)\b/i;

/** "within 30 days of the claim", "the day before the meeting": counted from another event, not the message. */
const anchoredElsewhere = /^\s*(?:of|after|from|before|following)\s+(?:the|a|an|our|your|their|each)\b/i;

/** "today's call": a day used to name a thing, not a deadline. */
const possessiveDay = /\b(?:today|tomorrow|yesterday|tonight)'s\b/gi;

function chronoDeadline(sentence: string, local: WallClock): DueDate | null {
  // chrono works in the reference's own offset: give it the local wall-clock time as if it were UTC.
  const reference = { instant: new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute)), timezone: 0 };
  const readable = sentence.replace(possessiveDay, (word) => " ".repeat(word.length));
  for (const result of chrono.parse(readable, reference, { forwardDate: true })) {
    const start = result.start;
    if (!start.isCertain("day") && !start.isCertain("weekday")) continue; // a time of day alone names no day
    if (bareDuration.test(result.text)) continue;
    if (/\b(?:before|after)$/i.test(result.text) || anchoredElsewhere.test(readable.slice(result.index + result.text.length))) continue;
    let date: CalendarDay = { year: start.get("year") ?? local.year, month: start.get("month") ?? 1, day: start.get("day") ?? 1 };
    // "by Friday" written on a Friday means next week's: today would be "today".
    if (start.isCertain("weekday") && !start.isCertain("day") && sameDay(date, local)) date = shifted(date, 7);
    return { date: formatDay(date), index: result.index, text: result.text };
  }
  return null;
}

const asDueDate = (match: RuleMatch | null): DueDate | null =>
  match ? { date: formatDay(match.date), index: match.index, text: match.text } : null;

/** The due day named in the sentence, or null when it names none. */
export function resolveDueDate(sentence: string, sentAt: string, timeZone: string): DueDate | null {
  const local = wallClock(new Date(sentAt), timeZone);
  return asDueDate(ruleDeadline(sentence, local, "before chrono"))
    ?? chronoDeadline(sentence, local)
    ?? asDueDate(ruleDeadline(sentence, local, "after chrono"))
    ?? asDueDate(endOfDayDeadline(sentence, local));
}
