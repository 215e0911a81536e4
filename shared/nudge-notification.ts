/**
 * The one daily notification: what is due from us and which partners have
 * gone quiet, in words, with what the user snoozed left out. Pure: today and
 * the snoozes come in.
 */
import type { Nudges } from "./schemas/nudges.ts";

/** What a snooze is on: the promises we owe as one, or one partner past its cadence. */
export type NudgeKey = "promises" | `partner:${string}`;

/** Until which day (YYYY-MM-DD, exclusive) each snoozed nudge stays quiet. */
export type Snoozes = Partial<Record<NudgeKey, string>>;

export interface NudgeNotification {
  title: string;
  /** One line per nudge, most pressing first; at most `maxLines`. */
  lines: string[];
  /** What snoozing this notification snoozes. */
  keys: NudgeKey[];
}

const maxLines = 4;
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Whether a nudge is snoozed on `today` (YYYY-MM-DD). */
export function isSnoozed(snoozes: Snoozes, key: NudgeKey, today: string): boolean {
  const until = snoozes[key];
  return until !== undefined && today < until;
}

/** The notification for today, or null when nothing needs the user (or all of it is snoozed). */
export function nudgeNotification(nudges: Nudges, snoozes: Snoozes, today: string): NudgeNotification | null {
  const lines: string[] = [];
  const keys: NudgeKey[] = [];
  const { overdue, due_today } = nudges.promises;
  if (overdue + due_today > 0 && !isSnoozed(snoozes, "promises", today)) {
    const parts = [
      ...(overdue > 0 ? [`${plural(overdue, "promise", "promises")} we owe ${overdue === 1 ? "is" : "are"} overdue`] : []),
      ...(due_today > 0 ? [`${plural(due_today, "is", "are")} due today`] : []),
    ];
    lines.push(overdue > 0 ? parts.join("; ") : `${plural(due_today, "promise", "promises")} we owe ${due_today === 1 ? "is" : "are"} due today`);
    keys.push("promises");
  }
  for (const partner of nudges.past_cadence) {
    const key: NudgeKey = `partner:${partner.partner_id}`;
    if (isSnoozed(snoozes, key, today)) continue;
    keys.push(key);
    if (lines.length < maxLines) lines.push(`No contact with ${partner.name} for ${partner.days_since_contact} days; your cadence is ${partner.cadence_days}`);
  }
  if (keys.length === 0) return null;
  const hidden = keys.length - lines.length;
  if (hidden > 0) lines.push(`and ${plural(hidden, "more partner", "more partners")} past their cadence`);
  return { title: "Mutual: what needs you today", lines, keys };
}

/** The day `days` after a YYYY-MM-DD day. */
export function dayAfter(day: string, days = 1): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The next time a HH:MM time of day comes, after `now`, in local time (given by the caller's clock). */
export function nextTimeOfDay(at: string, now: Date): Date {
  const [hour, minute] = at.split(":").map(Number) as [number, number];
  const next = new Date(now);
  next.setHours(hour, minute, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next;
}
