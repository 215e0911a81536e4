import { localToday } from "../../../shared/due-date-picks.ts";
import type { Meeting } from "../../../shared/schemas/meeting.ts";
import type { WriteAction } from "../../messaging/protocol.ts";
import type { CalendarEventFacts } from "../../sites/page-context.ts";
import { submitWrite, type WriteOutcome } from "../submit-write.ts";

/**
 * Meeting notes for a calendar event: what the form is prefilled with, when
 * the meeting happened, and how notes saved for the event before are
 * continued (PATCH with If-Match) rather than started again.
 */

/** What the meeting-notes form takes from the event. */
export interface MeetingEventPrefill {
  /** The event the notes are linked to (calendar_event_id). */
  eventId: string;
  title: string | null;
  startsAt: string | null;
  endsAt: string | null;
}

/**
 * The prefill from the event: its exact time when the page gave one (an
 * invitation), else Calendar's words read with chrono-node, loaded only
 * when an event is shown so the sidebar's first paint never waits for it.
 */
export async function eventPrefill(event: CalendarEventFacts, now: Date): Promise<MeetingEventPrefill> {
  let time: { startsAt: string; endsAt: string | null } | null = event.startsAt ? { startsAt: event.startsAt, endsAt: event.endsAt } : null;
  if (!time && event.whenText) {
    const { eventTimeFromText } = await import("../../../shared/calendar-events/event-time.ts");
    time = eventTimeFromText(event.whenText, now);
  }
  return { eventId: event.eventId, title: event.title, startsAt: time?.startsAt ?? null, endsAt: time?.endsAt ?? null };
}

/** The day the form opens with: the event's own day, else today. */
export function meetingDay(prefill: MeetingEventPrefill | null | undefined, now: Date): string {
  return localToday(prefill?.startsAt ? new Date(prefill.startsAt) : now);
}

/**
 * When the meeting happened: the event's start when the day picked is the
 * event's day, else noon local time on the day picked (whatever the time zone).
 */
export function occurredAt(day: string, prefill: MeetingEventPrefill | null | undefined): string {
  if (prefill?.startsAt && localToday(new Date(prefill.startsAt)) === day) return new Date(prefill.startsAt).toISOString();
  return new Date(`${day}T12:00:00`).toISOString();
}

/** The fields of saved notes that can still change (meetingPatch). */
export interface MeetingFields {
  title: string;
  attendees: string[];
  agenda: string;
  notes: string;
  decisions: string[];
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/** Only what changed since the notes were read, so a colleague's edit to another field is never undone. */
export function meetingChanges(existing: Meeting, fields: MeetingFields): Partial<MeetingFields> {
  const changes: Partial<MeetingFields> = {};
  if (fields.title !== existing.title) changes.title = fields.title;
  if (!sameList(fields.attendees, existing.attendees)) changes.attendees = fields.attendees;
  if (fields.agenda !== existing.agenda) changes.agenda = fields.agenda;
  if (fields.notes !== existing.notes) changes.notes = fields.notes;
  if (!sameList(fields.decisions, existing.decisions)) changes.decisions = fields.decisions;
  return changes;
}

type CommitmentWrite = Extract<WriteAction, { action: "createCommitment" }>;

/**
 * Continues saved notes: the new action items first, one promise each, then
 * the notes' changes with If-Match. A refusal stops there and says what was
 * saved; `savedItems` counts the action items that were (the first ones), so
 * a retry never sends them twice. The notes go last: an If-Match refused
 * (someone changed them since) leaves the typed text in the form to compare.
 */
export async function continueMeeting(existing: Meeting, fields: MeetingFields, actionItems: CommitmentWrite[]): Promise<{ outcome: WriteOutcome; savedItems: number }> {
  let savedItems = 0;
  for (const write of actionItems) {
    const outcome = await submitWrite(write, `Action item "${write.body.title}"`);
    if (outcome.state === "failed") return { outcome: savedItemsNote(outcome, savedItems), savedItems };
    savedItems += 1;
  }
  const changes = meetingChanges(existing, fields);
  if (Object.keys(changes).length === 0) return { outcome: { state: "synced", response: existing }, savedItems };
  const outcome = await submitWrite(
    { action: "patchMeeting", partnerId: existing.partner_id, meetingId: existing.id, ifMatch: existing.version, body: changes },
    `Meeting notes "${fields.title}"`,
  );
  return { outcome: outcome.state === "failed" ? savedItemsNote(outcome, savedItems) : outcome, savedItems };
}

function savedItemsNote(outcome: Extract<WriteOutcome, { state: "failed" }>, savedItems: number): WriteOutcome {
  if (savedItems === 0) return outcome;
  return { state: "failed", error: { ...outcome.error, message: `${savedItems} action item${savedItems === 1 ? "" : "s"} saved; not saved: ${outcome.error.message}` } };
}
