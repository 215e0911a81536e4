import { useState } from "preact/hooks";
import { dueDatePicks, localToday } from "../../../shared/due-date-picks.ts";
import type { ErrorInfo } from "../../messaging/protocol.ts";
import { FieldError, FormError, fieldMessage } from "../FieldError.tsx";
import { submitWrite } from "../submit-write.ts";
import { useDraft } from "../use-draft.ts";

export interface LogPromiseFormProps {
  partnerId: string;
  partnerName: string;
  sourceUrl: string;
  ownerEmail: string | null;
  onDone: () => void;
}

interface PromiseDraft {
  title: string;
  owedBy: "us" | "partner";
  dueOn: string;
  ownerEmail: string;
}

export function LogPromiseForm({ partnerId, partnerName, sourceUrl, ownerEmail, onDone }: LogPromiseFormProps) {
  const [draft, update, clear] = useDraft<PromiseDraft>(`promise:${partnerId}`, () => ({ title: "", owedBy: "us", dueOn: "", ownerEmail: ownerEmail ?? "" }));
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  const picks = dueDatePicks(localToday(new Date()));

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    const outcome = await submitWrite(
      {
        action: "createCommitment",
        partnerId,
        body: {
          title: draft.title,
          owed_by: draft.owedBy,
          ...(draft.dueOn ? { due_on: draft.dueOn } : {}),
          ...(draft.ownerEmail.trim() ? { owner_email: draft.ownerEmail.trim() } : {}),
          source_url: sourceUrl,
        },
      },
      `Promise "${draft.title}"`,
    );
    setSaving(false);
    if (outcome.state === "failed") return setError(outcome.error);
    await clear();
    onDone();
  };

  return (
    <form class="form" onSubmit={submit} aria-label={`Log a promise with ${partnerName}`}>
      <h3>Log a promise</h3>
      <label for="promise-title">What was promised</label>
      <input id="promise-title" value={draft.title} required maxLength={200} autoFocus
        aria-describedby="promise-title-error" onInput={(e) => update({ title: e.currentTarget.value })} />
      <FieldError id="promise-title-error" message={fieldMessage(error, "body.title", "title")} />
      <fieldset>
        <legend>Who owes it</legend>
        <label class="inline"><input type="radio" name="owed-by" checked={draft.owedBy === "us"} onChange={() => update({ owedBy: "us" })} /> We do</label>
        <label class="inline"><input type="radio" name="owed-by" checked={draft.owedBy === "partner"} onChange={() => update({ owedBy: "partner" })} /> {partnerName}</label>
      </fieldset>
      <label for="promise-due">Due</label>
      <input id="promise-due" type="date" value={draft.dueOn} aria-describedby="promise-due-error" onInput={(e) => update({ dueOn: e.currentTarget.value })} />
      <div class="picks" role="group" aria-label="Quick due dates">
        {picks.map((pick) => (
          <button type="button" key={pick.label} class={draft.dueOn === pick.date ? "pick chosen" : "pick"} aria-pressed={draft.dueOn === pick.date}
            onClick={() => update({ dueOn: pick.date })}>{pick.label}</button>
        ))}
      </div>
      <FieldError id="promise-due-error" message={fieldMessage(error, "body.due_on", "due_on")} />
      <label for="promise-owner">Owner (email)</label>
      <input id="promise-owner" type="email" value={draft.ownerEmail} aria-describedby="promise-owner-error" onInput={(e) => update({ ownerEmail: e.currentTarget.value })} />
      <FieldError id="promise-owner-error" message={fieldMessage(error, "body.owner_email", "owner_email")} />
      <FormError error={error} />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={saving}>{saving ? "Saving…" : "Save promise"}</button>
        <button type="button" onClick={onDone}>Close</button>
      </div>
    </form>
  );
}
