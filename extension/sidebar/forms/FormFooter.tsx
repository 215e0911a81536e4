import type { ErrorInfo } from "../../messaging/protocol.ts";
import { FormError } from "../FieldError.tsx";

export interface FormFooterProps {
  error: ErrorInfo | null;
  saving: boolean;
  /** The submit button's words, e.g. "Save promise". */
  action: string;
  onClose: () => void;
}

/** The form's error, if any, and its submit and close buttons. */
export function FormFooter({ error, saving, action, onClose }: FormFooterProps) {
  return (
    <>
      <FormError error={error} />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={saving}>{saving ? "Saving…" : action}</button>
        <button type="button" onClick={onClose}>Close</button>
      </div>
    </>
  );
}
