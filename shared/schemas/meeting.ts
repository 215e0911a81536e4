import { z } from "zod";
import { calendarDate, email, httpUrl, instant, recordId, shortText, utcTimestamp, visibility } from "./common.ts";
import { lineText, multiLineText } from "./text.ts";
import { commitment, owedBy } from "./commitment.ts";
import { interaction } from "./interaction.ts";

/** A calendar's own event id (Google Calendar's eid or event id), as the page shows it. */
export const calendarEventId = lineText(1, 1_024);

export const actionItem = z.strictObject({
  title: shortText,
  owed_by: owedBy,
  due_on: calendarDate.nullable().optional(),
  owner_email: z.email().max(254).nullable().optional(),
});

export const meetingCreate = z
  .strictObject({
    title: shortText,
    occurred_at: instant,
    attendees: z.array(email).max(100).default([]),
    agenda: multiLineText(20_000).default(""),
    notes: multiLineText(50_000).default(""),
    decisions: z.array(lineText(1, 2_000)).max(100).default([]),
    action_items: z.array(actionItem).max(100).default([]),
    source_url: httpUrl.nullable().optional(),
    /** The calendar event the notes are for; one meeting per event per partner. */
    calendar_event_id: calendarEventId.nullable().optional(),
    visibility: visibility.default("private"),
  })
  .meta({ id: "MeetingCreate" });
export type MeetingCreate = z.infer<typeof meetingCreate>;

export const meeting = z
  .object({
    id: recordId("mtg"),
    partner_id: recordId("ptr"),
    title: z.string(),
    occurred_at: utcTimestamp,
    attendees: z.array(z.string()),
    agenda: z.string(),
    notes: z.string(),
    decisions: z.array(z.string()),
    source_url: z.string().nullable(),
    interaction_id: recordId("int"),
    calendar_event_id: z.string().nullable(),
    visibility,
    version: z.number(),
    created_at: utcTimestamp,
  })
  .meta({ id: "Meeting" });
export type Meeting = z.infer<typeof meeting>;

/** What one save of meeting notes wrote: all of it or none of it. */
export const meetingCreated = z
  .object({ meeting, interaction, commitments: z.array(commitment) })
  .meta({ id: "MeetingCreated" });
export type MeetingCreated = z.infer<typeof meetingCreated>;

/** Notes are edited after the meeting; when it happened and its action items are not (they are commitments by then). */
export const meetingPatch = z
  .strictObject({
    title: shortText,
    attendees: z.array(email).max(100),
    agenda: multiLineText(20_000),
    notes: multiLineText(50_000),
    decisions: z.array(lineText(1, 2_000)).max(100),
    visibility,
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: "send at least one field to change" })
  .meta({ id: "MeetingPatch" });
