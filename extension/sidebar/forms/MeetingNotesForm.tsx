import type { ComponentChildren } from "preact";
import { localToday } from "../../../shared/due-date-picks.ts";
import type { Meeting } from "../../../shared/schemas/meeting.ts";
import type { ErrorInfo } from "../../messaging/protocol.ts";
import { FieldError, fieldMessage } from "../FieldError.tsx";
import { submitWrite, type WriteOutcome } from "../submit-write.ts";
import { useDraft } from "../use-draft.ts";
import { useWriteForm } from "../use-write-form.ts";
import { ActionOwner } from "./ActionOwner.tsx";
import { FormFooter } from "./FormFooter.tsx";
import { continueMeeting, meetingDay, occurredAt, type MeetingEventPrefill, type MeetingFields } from "./meeting-event.ts";
import { ShareToggle, sharedVisibility } from "./ShareToggle.tsx";

export interface MeetingNotesFormProps {
  partnerId: string;
  partnerName: string;
  sourceUrl: string;
  attendees: string[];
  agenda: string;
  /** The connected partner company's name, when there is one to share with (the notes, decisions and action items). */
  shareWith?: string | null;
  onDone: () => void;
  /** A calendar event the notes are for: its title and time prefill the form, and the notes are linked to it. */
  event?: MeetingEventPrefill | null;
  /** Notes saved for that event already: the form continues them (PATCH with If-Match) instead of starting new ones. */
  existing?: Meeting | null;
  /** Who may own an action item, each side's default first: ours the signed-in member, theirs the partner's attendees. */
  owners?: ActionOwners;
  /** Told of a refusal, after the form shows it (an event's notes saved by someone else meanwhile: 409). */
  onRefused?: (error: ErrorInfo) => void;
  /** A meeting with a purpose of its own (a plan review): its heading, draft, extra fields, and what follows once the API has it. */
  purpose?: MeetingPurpose;
}

export interface MeetingPurpose {
  heading: string;
  title: string;
  draftKey: string;
  fields?: ComponentChildren;
  /** Runs once the meeting's write has an outcome (saved in the API, queued, or refused): what the form then shows. */
  afterSave: (meeting: WriteOutcome) => Promise<WriteOutcome>;
}

export interface ActionOwners {
  us: string[];
  partner: string[];
}

interface ActionItemDraft {
  title: string;
  owedBy: "us" | "partner";
  dueOn: string;
  /** Empty: ours are the saver's, theirs no one's in particular. */
  ownerEmail?: string;
}

interface MeetingDraft {
  title: string;
  date: string;
  attendees: string;
  agenda: string;
  notes: string;
  decisions: string;
  actionItems: ActionItemDraft[];
  shared?: boolean;
}

const lines = (text: string) => text.split("\n").map((line) => line.trim()).filter(Boolean);

/** The fields that stay editable once saved, from what was typed. */
function meetingFields(draft: MeetingDraft): MeetingFields {
  return {
    title: draft.title,
    attendees: draft.attendees.split(/[,\s;]+/).map((a) => a.trim()).filter(Boolean),
    agenda: draft.agenda,
    notes: draft.notes,
    decisions: lines(draft.decisions),
  };
}

/** The action items typed, those without a title left out. */
function actionItemBodies(draft: MeetingDraft) {
  return draft.actionItems.filter((item) => item.title.trim()).map((item) => ({
    title: item.title, owed_by: item.owedBy, ...(item.dueOn ? { due_on: item.dueOn } : {}),
    ...(item.ownerEmail ? { owner_email: item.ownerEmail } : {}),
  }));
}

/** The API's meeting body from what was typed. */
function meetingBody(draft: MeetingDraft, sourceUrl: string, event: MeetingEventPrefill | null | undefined) {
  return {
    ...meetingFields(draft),
    // The event's start on its own day; otherwise noon local time on the day picked, whatever the time zone.
    occurred_at: occurredAt(draft.date, event),
    action_items: actionItemBodies(draft),
    // The dashboard has no page of the partner's to link: no link rather than its own address.
    source_url: sourceUrl || null,
    ...(event ? { calendar_event_id: event.eventId } : {}),
  };
}

interface ActionItemsProps {
  items: ActionItemDraft[];
  partnerName: string;
  error: ErrorInfo | null;
  onChange: (items: ActionItemDraft[]) => void;
  owners?: ActionOwners | undefined;
}

/** The meeting's action items, each with who owes it and when: each becomes a promise. */
function ActionItems({ items, partnerName, error, onChange, owners }: ActionItemsProps) {
  const setItem = (index: number, change: Partial<ActionItemDraft>) => onChange(items.map((item, i) => (i === index ? { ...item, ...change } : item)));
  const ownerOf = (side: "us" | "partner") => owners?.[side][0] ?? "";
  return (
    <fieldset>
      <legend>Action items (each becomes a promise)</legend>
      {items.map((item, index) => (
        <div class="action-item" key={index}>
          <label for={`action-${index}-title`}>Action {index + 1}</label>
          <input id={`action-${index}-title`} value={item.title} onInput={(e) => setItem(index, { title: e.currentTarget.value })} />
          <select aria-label={`Who owes action ${index + 1}`} value={item.owedBy} onChange={(e) => { const owedBy = e.currentTarget.value as "us" | "partner"; setItem(index, { owedBy, ownerEmail: ownerOf(owedBy) }); }}>
            <option value="us">We do</option>
            <option value="partner">{partnerName}</option>
          </select>
          {owners && <ActionOwner index={index} item={item} owners={owners} onChange={(ownerEmail) => setItem(index, { ownerEmail })} />}
          <input type="date" aria-label={`Action ${index + 1} due`} value={item.dueOn} onInput={(e) => setItem(index, { dueOn: e.currentTarget.value })} />
          <button type="button" aria-label={`Remove action ${index + 1}`} onClick={() => onChange(items.filter((_, i) => i !== index))}>Remove</button>
          <FieldError id={`action-${index}-error`} message={fieldMessage(error, `body.action_items.${index}`, `action_items.${index}`)} />
        </div>
      ))}
      <button type="button" onClick={() => onChange([...items, { title: "", owedBy: "us", dueOn: "", ownerEmail: ownerOf("us") }])}>Add action item</button>
    </fieldset>
  );
}

/**
 * One click from the thread or the calendar event: partner, people and the
 * day filled in (the event's title and time too), an agenda from what is
 * open. Notes saved for the event before are continued, not started again.
 */
export function MeetingNotesForm({ partnerId, partnerName, sourceUrl, attendees, agenda, onDone, event, existing, owners, purpose, onRefused, shareWith = null }: MeetingNotesFormProps) {
  const [draft, update, clear] = useDraft<MeetingDraft>(purpose?.draftKey ?? `meeting:${partnerId}${event ? `:${event.eventId}` : ""}`, () => ({
    title: existing?.title ?? event?.title ?? purpose?.title ?? `Meeting with ${partnerName}`,
    date: existing ? localToday(new Date(existing.occurred_at)) : meetingDay(event, new Date()),
    attendees: (existing?.attendees ?? attendees).join(", "), agenda: existing?.agenda ?? agenda,
    notes: existing?.notes ?? "", decisions: existing?.decisions.join("\n") ?? "", actionItems: [],
  }));
  const { error, saving, submitWith } = useWriteForm(clear, onDone);

  const submit = submitWith(async () => {
    const outcome = await save();
    if (outcome.state === "failed") onRefused?.(outcome.error);
    return outcome;
  });
  async function save(): Promise<WriteOutcome> {
    if (!existing) {
      const outcome = await submitWrite({ action: "createMeeting", partnerId, body: { ...meetingBody(draft, sourceUrl, event), ...sharedVisibility(shareWith, draft.shared) } }, `Meeting notes "${draft.title}"`);
      return purpose ? purpose.afterSave(outcome) : outcome;
    }
    const items = actionItemBodies(draft).map((body) => ({ action: "createCommitment" as const, partnerId, body: { ...body, source_url: sourceUrl || null, ...sharedVisibility(shareWith, draft.shared) } }));
    const { outcome, savedItems } = await continueMeeting(existing, meetingFields(draft), items);
    // Those saved are promises now: a retry sends only the rest.
    if (savedItems > 0 && outcome.state === "failed") update({ actionItems: draft.actionItems.filter((item) => item.title.trim()).slice(savedItems) });
    return outcome;
  }

  return (
    <form class="form" onSubmit={submit} aria-label={`Meeting notes with ${partnerName}`}>
      <h3>{existing ? "Meeting notes (continued)" : purpose?.heading ?? "Meeting notes"}</h3>
      {event && <p class="muted">{existing ? "Saved for this calendar event; your changes are added to them." : "For this calendar event; saving links the notes to it."}</p>}
      <label for="meeting-title">Title</label>
      <input id="meeting-title" value={draft.title} required maxLength={200} onInput={(e) => update({ title: e.currentTarget.value })} />
      <FieldError id="meeting-title-error" message={fieldMessage(error, "body.title", "title")} />
      <label for="meeting-date">Date</label>
      <input id="meeting-date" type="date" value={draft.date} required readOnly={!!existing} onInput={(e) => update({ date: e.currentTarget.value })} />
      <FieldError id="meeting-date-error" message={fieldMessage(error, "body.occurred_at", "occurred_at")} />
      <label for="meeting-attendees">Attendees</label>
      <input id="meeting-attendees" value={draft.attendees} onInput={(e) => update({ attendees: e.currentTarget.value })} />
      <FieldError id="meeting-attendees-error" message={fieldMessage(error, "body.attendees", "attendees")} />
      <label for="meeting-agenda">Agenda</label>
      <textarea id="meeting-agenda" rows={5} value={draft.agenda} onInput={(e) => update({ agenda: e.currentTarget.value })} />
      <label for="meeting-notes">Notes</label>
      <textarea id="meeting-notes" rows={5} value={draft.notes} onInput={(e) => update({ notes: e.currentTarget.value })} />
      <label for="meeting-decisions">Decisions (one per line)</label>
      <textarea id="meeting-decisions" rows={3} value={draft.decisions} onInput={(e) => update({ decisions: e.currentTarget.value })} />
      <ActionItems items={draft.actionItems} partnerName={partnerName} error={error} owners={owners} onChange={(actionItems) => update({ actionItems })} />
      {purpose?.fields}
      <ShareToggle shareWith={shareWith} checked={draft.shared} onChange={(shared) => update({ shared })} what="these notes and their action items" />
      <FormFooter error={error} saving={saving} action="Save notes" onClose={onDone} />
    </form>
  );
}
