/**
 * Deadline phrases a channel manager writes that chrono-node reads
 * differently or not at all. chrono reads "next week" as the same weekday a
 * week on and "end of next week" as its Saturday; a deadline means the last
 * working day, Friday. It has no "EOD", "Q3", "year end" or "the 20th".
 * Each rule turns the message's own calendar day into the deadline's day.
 */

/** A calendar day, with no time and no zone: the message's day in its own time zone. */
export interface CalendarDay { year: number; month: number; day: number }

export interface RuleMatch { date: CalendarDay; index: number; text: string }

const friday = 5;

function fromUtc(date: Date): CalendarDay {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function shifted(today: CalendarDay, days: number): CalendarDay {
  return fromUtc(new Date(Date.UTC(today.year, today.month - 1, today.day + days)));
}

function weekday(today: CalendarDay): number {
  return new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
}

/** This week's Friday, or the one `weeks` later; on a weekend both mean the coming Friday. */
function fridayOf(today: CalendarDay, weeks: number): CalendarDay {
  const day = weekday(today); // 0 Sunday … 6 Saturday
  if (day === 0 || day === 6) return shifted(today, day === 6 ? 6 : 5);
  return shifted(today, friday - day + 7 * weeks);
}

function lastDayOfMonth(year: number, month: number): CalendarDay {
  return fromUtc(new Date(Date.UTC(year, month, 0)));
}

const isBefore = (a: CalendarDay, b: CalendarDay) =>
  a.year !== b.year ? a.year < b.year : a.month !== b.month ? a.month < b.month : a.day < b.day;

/** The last day of quarter `quarter`: this year's, or next year's once this year's has passed. */
function quarterEnd(today: CalendarDay, quarter: number): CalendarDay {
  const end = lastDayOfMonth(today.year, quarter * 3);
  return isBefore(end, today) ? lastDayOfMonth(today.year + 1, quarter * 3) : end;
}

/** "the 20th": this month's, or next month's once this month's has passed. */
function dayOfMonth(today: CalendarDay, day: number): CalendarDay {
  const candidate = fromUtc(new Date(Date.UTC(today.year, today.month - 1, day)));
  return isBefore(candidate, today) ? fromUtc(new Date(Date.UTC(today.year, today.month, day))) : candidate;
}

const weekdayNames = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b/i;

interface Rule { pattern: RegExp; resolve: (today: CalendarDay, match: RegExpExecArray) => CalendarDay | null }

const monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const weekdayIndex = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const ordinals = ["first", "second", "third", "fourth"];

/** "the first Monday of December": chrono reads only "Monday". The coming such day. */
function nthWeekdayOf(today: CalendarDay, nth: string, weekdayName: string, monthName: string): CalendarDay {
  const month = monthNames.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  const wanted = weekdayIndex.indexOf(weekdayName.slice(0, 3).toLowerCase());
  const inYear = (year: number): CalendarDay => {
    const first = { year, month, day: 1 };
    const offset = (wanted - weekday(first) + 7) % 7;
    if (nth.toLowerCase() === "last") {
      const last = lastDayOfMonth(year, month);
      return shifted(last, -((weekday(last) - wanted + 7) % 7));
    }
    return shifted(first, offset + 7 * ordinals.indexOf(nth.toLowerCase()));
  };
  const thisYear = inYear(today.year);
  return isBefore(thisYear, today) ? inYear(today.year + 1) : thisYear;
}

/** N working days on, Saturdays and Sundays skipped. */
function businessDaysAfter(today: CalendarDay, count: number): CalendarDay {
  let date = today;
  for (let left = count; left > 0;) {
    date = shifted(date, 1);
    if (weekday(date) !== 0 && weekday(date) !== 6) left--;
  }
  return date;
}

const numberWords: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10 };

/** Checked before chrono, which reads these phrases differently. */
const beforeChrono: Rule[] = [
  // "early next week": the week's Tuesday, not its Friday.
  { pattern: /\bearly next week\b/i, resolve: (today) => shifted(fridayOf(today, 1), -3) },
  // "end of next week", "next week" (without a weekday, which chrono resolves itself).
  { pattern: /\b(?:by )?(?:the )?(?:end of )?next week\b/i, resolve: (today, m) => (weekdayNames.test(m.input) ? null : fridayOf(today, 1)) },
  { pattern: /\b(?:by )?(?:the )?(?:end of (?:the |this )?week|EOW|(?:later )?this week)\b/i, resolve: (today, m) => (weekdayNames.test(m.input) ? null : fridayOf(today, 0)) },
  {
    pattern: /\b(?:on |for )?the (first|second|third|fourth|last) (mon|tue|wed|thu|fri|sat|sun)[a-z]* (?:of|in) (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i,
    resolve: (today, m) => nthWeekdayOf(today, m[1] ?? "", m[2] ?? "", m[3] ?? ""),
  },
  // "by the 20th", "by Friday the 13th": the day of the month decides, not the weekday.
  { pattern: /\b(?:by|on|before|until|mon|tues|wednes|thurs|fri|satur|sun)(?:day)?(?: \w+day)? the (\d{1,2})(?:st|nd|rd|th)\b/i, resolve: (today, m) => dayOfMonth(today, Number(m[1])) },
  {
    pattern: /\b(?:with)?in (\d{1,2}|one|two|three|four|five|six|seven|ten) (?:business|working) days?\b/i,
    resolve: (today, m) => businessDaysAfter(today, Number(m[1]) || numberWords[m[1]?.toLowerCase() ?? ""] || 0),
  },
];

/** Checked after chrono: vaguer spans it has no words for; a day chrono reads is more precise. */
const afterChrono: Rule[] = [
  { pattern: /\b(?:by |before |in |until )?(?:the )?end of (?:Q([1-4])\b|(?:the |this )quarter\b)|\bthis quarter\b/i, resolve: (today, m) => quarterEnd(today, Number(m[1] ?? Math.ceil(today.month / 3))) },
  { pattern: /\b(?:by|before|in|until|during) (?:the )?Q([1-4])\b/i, resolve: (today, m) => quarterEnd(today, Number(m[1])) },
  { pattern: /\b(?:(?:the )?end of (?:the )?year|year[- ]end|EOY)\b/i, resolve: (today) => ({ year: today.year, month: 12, day: 31 }) },
  { pattern: /\bChristmas\b/i, resolve: (today) => ({ year: today.year, month: 12, day: 25 }) },
];

/** End of day with nothing else named: the message's own day. Checked after chrono. */
const endOfDay = /\b(?:(?:by )?(?:the )?end of (?:the )?(?:business )?day|EOD|COB|close of business)\b/i;

/** The first rule that reads a deadline in the sentence, if any; `when` picks the list. */
export function ruleDeadline(sentence: string, today: CalendarDay, when: "before chrono" | "after chrono"): RuleMatch | null {
  for (const { pattern, resolve } of when === "before chrono" ? beforeChrono : afterChrono) {
    const match = pattern.exec(sentence);
    const date = match ? resolve(today, match) : null;
    if (match && date) return { date, index: match.index, text: match[0] };
  }
  return null;
}

/** "EOD", "by end of day": today, when no other day is named. */
export function endOfDayDeadline(sentence: string, today: CalendarDay): RuleMatch | null {
  const match = endOfDay.exec(sentence);
  return match ? { date: today, index: match.index, text: match[0] } : null;
}

export function sameDay(date: CalendarDay, today: CalendarDay): boolean {
  return date.year === today.year && date.month === today.month && date.day === today.day;
}

export function formatDay({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
