import { localToday } from "../../../shared/due-date-picks.ts";
import { FieldError, fieldMessage } from "../FieldError.tsx";
import { submitWrite } from "../submit-write.ts";
import { useDraft } from "../use-draft.ts";
import { useWriteForm } from "../use-write-form.ts";
import { FormFooter } from "./FormFooter.tsx";
import { ShareToggle, sharedVisibility } from "./ShareToggle.tsx";

export interface TouchpointFormProps {
  partnerId: string;
  partnerName: string;
  sourceUrl: string;
  participants: string[];
  /** The connected partner company's name, when there is one to share with. */
  shareWith?: string | null;
  onDone: () => void;
}

interface TouchpointDraft {
  kind: "call" | "meeting" | "event" | "note";
  direction: "inbound" | "outbound" | "both";
  date: string;
  summary: string;
  shared?: boolean;
}

export function TouchpointForm({ partnerId, partnerName, sourceUrl, participants, shareWith = null, onDone }: TouchpointFormProps) {
  const [draft, update, clear] = useDraft<TouchpointDraft>(`touchpoint:${partnerId}`, () => ({ kind: "call", direction: "both", date: localToday(new Date()), summary: "" }));
  const { error, saving, submitWith } = useWriteForm(clear, onDone);

  const submit = submitWith(() => {
    const today = draft.date === localToday(new Date());
    return submitWrite(
      {
        action: "createInteraction",
        partnerId,
        body: {
          kind: draft.kind, direction: draft.direction, summary: draft.summary, participants, source_url: sourceUrl,
          occurred_at: (today ? new Date() : new Date(`${draft.date}T12:00:00`)).toISOString(),
          ...sharedVisibility(shareWith, draft.shared),
        },
      },
      `${draft.kind[0]!.toUpperCase()}${draft.kind.slice(1)} with ${partnerName}`,
    );
  });

  return (
    <form class="form" onSubmit={submit} aria-label={`Log a touchpoint with ${partnerName}`}>
      <h3>Log touchpoint</h3>
      <label for="touch-kind">Kind</label>
      <select id="touch-kind" value={draft.kind} onChange={(e) => update({ kind: e.currentTarget.value as TouchpointDraft["kind"] })}>
        <option value="call">Call</option>
        <option value="meeting">Meeting</option>
        <option value="event">Event</option>
        <option value="note">Note</option>
      </select>
      <label for="touch-direction">Who reached out</label>
      <select id="touch-direction" value={draft.direction} onChange={(e) => update({ direction: e.currentTarget.value as TouchpointDraft["direction"] })}>
        <option value="both">Both sides</option>
        <option value="outbound">We did</option>
        <option value="inbound">{partnerName} did</option>
      </select>
      <label for="touch-date">Date</label>
      <input id="touch-date" type="date" value={draft.date} required onInput={(e) => update({ date: e.currentTarget.value })} />
      <FieldError id="touch-date-error" message={fieldMessage(error, "body.occurred_at", "occurred_at")} />
      <label for="touch-summary">Summary</label>
      <textarea id="touch-summary" rows={3} value={draft.summary} onInput={(e) => update({ summary: e.currentTarget.value })} />
      <FieldError id="touch-summary-error" message={fieldMessage(error, "body.summary", "summary")} />
      <ShareToggle shareWith={shareWith} checked={draft.shared} onChange={(shared) => update({ shared })} what="this touchpoint" />
      <FormFooter error={error} saving={saving} action="Save touchpoint" onClose={onDone} />
    </form>
  );
}
