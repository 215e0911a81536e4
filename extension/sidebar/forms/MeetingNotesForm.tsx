import type { ComponentChildren } from "preact";
import { localToday } from "../../../shared/due-date-picks.ts";
import type { ErrorInfo } from "../../messaging/protocol.ts";
import { FieldError, fieldMessage } from "../FieldError.tsx";
import { submitWrite, type WriteOutcome } from "../submit-write.ts";
import { useDraft } from "../use-draft.ts";
import { useWriteForm } from "../use-write-form.ts";
import { FormFooter } from "./FormFooter.tsx";

export interface MeetingNotesFormProps {
  partnerId: string;
  partnerName: string;
  sourceUrl: string;
  attendees: string[];
  agenda: string;
  onDone: () => void;
  /** A meeting with a purpose of its own (a plan review): its heading, draft, extra fields, and what follows once the API has it. */
  purpose?: MeetingPurpose;
}

export interface MeetingPurpose {
  heading: string;
  title: string;
  draftKey: string;
  fields?: ComponentChildren;
  /** Runs once the meeting is saved in the API (not when it is only queued), with the API's answer. */
  afterSave: (meeting: unknown) => Promise<WriteOutcome>;
}

interface ActionItemDraft {
  title: string;
  owedBy: "us" | "partner";
  dueOn: string;
}

interface MeetingDraft {
  title: string;
  date: string;
  attendees: string;
  agenda: string;
  notes: string;
  decisions: string;
  actionItems: ActionItemDraft[];
}

const lines = (text: string) => text.split("\n").map((line) => line.trim()).filter(Boolean);

/** The API's meeting body from what was typed; action items without a title are left out. */
function meetingBody(draft: MeetingDraft, sourceUrl: string) {
  return {
    title: draft.title,
    // Noon local time: the day the user picked, whatever their time zone.
    occurred_at: new Date(`${draft.date}T12:00:00`).toISOString(),
    attendees: draft.attendees.split(/[,\s;]+/).map((a) => a.trim()).filter(Boolean),
    agenda: draft.agenda,
    notes: draft.notes,
    decisions: lines(draft.decisions),
    action_items: draft.actionItems.filter((item) => item.title.trim()).map((item) => ({
      title: item.title, owed_by: item.owedBy, ...(item.dueOn ? { due_on: item.dueOn } : {}),
    })),
    // The dashboard has no page of the partner's to link: no link rather than its own address.
    source_url: sourceUrl || null,
  };
}

interface ActionItemsProps {
  items: ActionItemDraft[];
  partnerName: string;
  error: ErrorInfo | null;
  onChange: (items: ActionItemDraft[]) => void;
}

/** The meeting's action items, each with who owes it and when: each becomes a promise. */
function ActionItems({ items, partnerName, error, onChange }: ActionItemsProps) {
  const setItem = (index: number, change: Partial<ActionItemDraft>) => onChange(items.map((item, i) => (i === index ? { ...item, ...change } : item)));
  return (
    <fieldset>
      <legend>Action items (each becomes a promise)</legend>
      {items.map((item, index) => (
        <div class="action-item" key={index}>
          <label for={`action-${index}-title`}>Action {index + 1}</label>
          <input id={`action-${index}-title`} value={item.title} onInput={(e) => setItem(index, { title: e.currentTarget.value })} />
          <select aria-label={`Who owes action ${index + 1}`} value={item.owedBy} onChange={(e) => setItem(index, { owedBy: e.currentTarget.value as "us" | "partner" })}>
            <option value="us">We do</option>
            <option value="partner">{partnerName}</option>
          </select>
          <input type="date" aria-label={`Action ${index + 1} due`} value={item.dueOn} onInput={(e) => setItem(index, { dueOn: e.currentTarget.value })} />
          <button type="button" aria-label={`Remove action ${index + 1}`} onClick={() => onChange(items.filter((_, i) => i !== index))}>Remove</button>
          <FieldError id={`action-${index}-error`} message={fieldMessage(error, `body.action_items.${index}`, `action_items.${index}`)} />
        </div>
      ))}
      <button type="button" onClick={() => onChange([...items, { title: "", owedBy: "us", dueOn: "" }])}>Add action item</button>
    </fieldset>
  );
}

/** One click from the thread: partner, people and today's date filled in, an agenda from what is open. */
export function MeetingNotesForm({ partnerId, partnerName, sourceUrl, attendees, agenda, onDone, purpose }: MeetingNotesFormProps) {
  const [draft, update, clear] = useDraft<MeetingDraft>(purpose?.draftKey ?? `meeting:${partnerId}`, () => ({
    title: purpose?.title ?? `Meeting with ${partnerName}`, date: localToday(new Date()), attendees: attendees.join(", "), agenda,
    notes: "", decisions: "", actionItems: [],
  }));
  const { error, saving, submitWith } = useWriteForm(clear, onDone);

  const submit = submitWith(async () => {
    const outcome = await submitWrite({ action: "createMeeting", partnerId, body: meetingBody(draft, sourceUrl) }, `Meeting notes "${draft.title}"`);
    return outcome.state === "synced" && purpose ? purpose.afterSave(outcome.response) : outcome;
  });

  return (
    <form class="form" onSubmit={submit} aria-label={`Meeting notes with ${partnerName}`}>
      <h3>{purpose?.heading ?? "Meeting notes"}</h3>
      <label for="meeting-title">Title</label>
      <input id="meeting-title" value={draft.title} required maxLength={200} onInput={(e) => update({ title: e.currentTarget.value })} />
      <FieldError id="meeting-title-error" message={fieldMessage(error, "body.title", "title")} />
      <label for="meeting-date">Date</label>
      <input id="meeting-date" type="date" value={draft.date} required onInput={(e) => update({ date: e.currentTarget.value })} />
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
      <ActionItems items={draft.actionItems} partnerName={partnerName} error={error} onChange={(actionItems) => update({ actionItems })} />
      {purpose?.fields}
      <FormFooter error={error} saving={saving} action="Save notes" onClose={onDone} />
    </form>
  );
}
