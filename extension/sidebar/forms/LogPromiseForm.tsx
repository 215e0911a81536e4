import { dueDatePicks, localToday } from "../../../shared/due-date-picks.ts";
import { FieldError, fieldMessage } from "../FieldError.tsx";
import { submitWrite } from "../submit-write.ts";
import { useDraft } from "../use-draft.ts";
import { useWriteForm } from "../use-write-form.ts";
import { FormFooter } from "./FormFooter.tsx";
import { ShareToggle, sharedVisibility } from "./ShareToggle.tsx";

export interface LogPromiseFormProps {
  partnerId: string;
  partnerName: string;
  sourceUrl: string;
  ownerEmail: string | null;
  /** The connected partner company's name, when there is one to share with. */
  shareWith?: string | null;
  onDone: () => void;
}

interface PromiseDraft {
  title: string;
  owedBy: "us" | "partner";
  dueOn: string;
  ownerEmail: string;
  shared?: boolean;
}

export function LogPromiseForm({ partnerId, partnerName, sourceUrl, ownerEmail, shareWith = null, onDone }: LogPromiseFormProps) {
  const [draft, update, clear] = useDraft<PromiseDraft>(`promise:${partnerId}`, () => ({ title: "", owedBy: "us", dueOn: "", ownerEmail: ownerEmail ?? "" }));
  const { error, saving, submitWith } = useWriteForm(clear, onDone);
  const picks = dueDatePicks(localToday(new Date()));

  const submit = submitWith(() => submitWrite(
    {
      action: "createCommitment",
      partnerId,
      body: {
        title: draft.title,
        owed_by: draft.owedBy,
        ...(draft.dueOn ? { due_on: draft.dueOn } : {}),
        ...(draft.ownerEmail.trim() ? { owner_email: draft.ownerEmail.trim() } : {}),
        source_url: sourceUrl,
        ...sharedVisibility(shareWith, draft.shared),
      },
    },
    `Promise "${draft.title}"`,
  ));

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
      <ShareToggle shareWith={shareWith} checked={draft.shared} onChange={(shared) => update({ shared })} what="this promise" />
      <FormFooter error={error} saving={saving} action="Save promise" onClose={onDone} />
    </form>
  );
}
