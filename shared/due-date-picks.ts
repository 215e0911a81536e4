/**
 * The quick picks under "due date" in the promise form. Works on calendar
 * dates ("YYYY-MM-DD" of the user's own today), never on instants, so a
 * promise made at 23:30 is not due a day early.
 */
export interface DueDatePick {
  label: "Tomorrow" | "Friday" | "Next week" | "End of month";
  date: string;
}

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const next = parse(date);
  next.setUTCDate(next.getUTCDate() + days);
  return format(next);
}

export function dueDatePicks(today: string): DueDatePick[] {
  const weekday = parse(today).getUTCDay(); // 0 Sunday … 6 Saturday
  // This week's Friday; from Friday on, next week's.
  const toFriday = weekday < 5 ? 5 - weekday : 12 - weekday;
  // Next week starts on Monday.
  const toMonday = ((8 - weekday) % 7) || 7;
  const start = parse(today);
  const lastOfMonth = format(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)));
  const endOfMonth = lastOfMonth === today
    ? format(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 2, 0)))
    : lastOfMonth;
  return [
    { label: "Tomorrow", date: addDays(today, 1) },
    { label: "Friday", date: addDays(today, toFriday) },
    { label: "Next week", date: addDays(today, toMonday) },
    { label: "End of month", date: endOfMonth },
  ];
}

/** The user's own calendar date, from their clock and time zone. */
export function localToday(now: Date): string {
  const year = now.getFullYear();
  const month = String(now.getMonth() + 1).padStart(2, "0");
  const day = String(now.getDate()).padStart(2, "0");
  return `${year}-${month}-${day}`;
}
