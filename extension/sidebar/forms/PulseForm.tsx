import { traitNames } from "../../../shared/schemas/health.ts";
import type { PulseRatings } from "../../../shared/schemas/pulse.ts";
import { FieldError, fieldMessage } from "../FieldError.tsx";
import { submitWrite, type WriteOutcome } from "../submit-write.ts";
import { useDraft } from "../use-draft.ts";
import { useWriteForm } from "../use-write-form.ts";
import { traitLabels } from "../vocabulary.ts";
import { FormFooter } from "./FormFooter.tsx";

export interface PulseFormProps {
  partnerId: string;
  partnerName: string;
  /** The connected partner company's name; null when not connected (a comment then has no one to be shared with). */
  shareWith: string | null;
  /** Our answer so far this quarter, to change. */
  current: PulseRatings | null;
  onSaved: (outcome: WriteOutcome) => void;
  onDone: () => void;
}

interface PulseDraft {
  ratings: Partial<PulseRatings>;
  comment: string;
  shared: boolean;
}

const scale = [1, 2, 3, 4, 5] as const;

/**
 * This quarter's pulse: each trait 1–5 as a group of radio buttons (arrow
 * keys move within a trait, Tab to the next), an optional comment, private
 * unless ticked.
 */
export function PulseForm({ partnerId, partnerName, shareWith, current, onSaved, onDone }: PulseFormProps) {
  const [draft, update, clear] = useDraft<PulseDraft>(`pulse:${partnerId}`, () => ({ ratings: { ...current }, comment: "", shared: false }));
  const { error, saving, submitWith } = useWriteForm(clear, onDone);
  const submit = submitWith(async () => {
    const outcome = await submitWrite(
      {
        action: "answerPulse", partnerId,
        body: { ratings: draft.ratings as PulseRatings, comment: draft.comment.trim() || null, comment_shared: shareWith !== null && draft.shared },
      },
      `Pulse for ${partnerName}`,
    );
    onSaved(outcome);
    return outcome;
  });
  return (
    <form class="form pulse-form" onSubmit={submit} aria-label={`Pulse for ${partnerName}`}>
      <p class="muted">1 = poor, 5 = excellent. {partnerName}'s ratings show once you have both answered.</p>
      {traitNames.map((trait) => (
        <fieldset key={trait} class="pulse-scale">
          <legend>{traitLabels[trait]}</legend>
          {scale.map((value) => (
            <label key={value} class="inline">
              <input type="radio" name={`pulse-${partnerId}-${trait}`} value={value} required checked={draft.ratings[trait] === value}
                onChange={() => update({ ratings: { ...draft.ratings, [trait]: value } })} />
              {value}
            </label>
          ))}
          <FieldError id={`pulse-${trait}-error`} message={fieldMessage(error, `body.ratings.${trait}`, `ratings.${trait}`)} />
        </fieldset>
      ))}
      <label for={`pulse-comment-${partnerId}`}>Comment (optional)</label>
      <textarea id={`pulse-comment-${partnerId}`} rows={2} value={draft.comment} onInput={(e) => update({ comment: e.currentTarget.value })} />
      <FieldError id="pulse-comment-error" message={fieldMessage(error, "body.comment", "comment")} />
      {shareWith && (
        <label class="inline share-toggle">
          <input type="checkbox" checked={draft.shared} onChange={(e) => update({ shared: e.currentTarget.checked })} /> Share this comment with {shareWith}
        </label>
      )}
      <FormFooter error={error} saving={saving} action="Save pulse" onClose={onDone} />
    </form>
  );
}
