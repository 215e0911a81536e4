import { useState } from "preact/hooks";
import type { ErrorInfo } from "../messaging/protocol.ts";
import type { WriteOutcome } from "./submit-write.ts";

export interface WriteForm {
  error: ErrorInfo | null;
  saving: boolean;
  /** The form's onSubmit: runs the write; a refusal stays on the form with what was typed, anything else clears the draft and closes it. */
  submitWith: (write: () => Promise<WriteOutcome>) => (event: Event) => Promise<void>;
}

/** What every sidebar form does around its one write; the write itself is the form's own. */
export function useWriteForm(clearDraft: () => Promise<void>, onDone: () => void): WriteForm {
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  const submitWith = (write: () => Promise<WriteOutcome>) => async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    const outcome = await write();
    setSaving(false);
    if (outcome.state === "failed") return setError(outcome.error);
    await clearDraft();
    onDone();
  };
  return { error, saving, submitWith };
}
