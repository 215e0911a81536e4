import { captureNotice, undoShownCapture } from "./capture-flow.ts";
import { pageContext } from "./store.ts";

const emails = (count: number) => (count === 1 ? "1 email" : `${count} emails`);

/**
 * What capture did on this thread: "2 emails from this thread logged · Undo".
 * Says nothing when nothing new was logged (reopened, or capture is off).
 */
export function CaptureNotice() {
  const notice = captureNotice.value;
  const context = pageContext.value;
  if (!notice || context?.kind !== "email" || context.threadId !== notice.threadId) return null;
  const { receipt, undo } = notice;
  if (undo?.state === "done") return <p class="capture-notice muted" role="status">Undone: those emails are no longer logged.</p>;
  let text: string;
  if (receipt.state === "logged") text = `${emails(receipt.count)} from this thread logged`;
  else if (receipt.state === "queued") text = `${emails(receipt.count)} from this thread saved, will be logged when Mutual's API answers`;
  else if (receipt.state === "signInNeeded") text = `${emails(receipt.count)} from this thread saved, logged once you sign in again`;
  else if (receipt.state === "refused") return <p class="capture-notice notice" role="status">This thread's emails were not logged: {receipt.error?.message ?? "the API refused them"}.</p>;
  else return null;
  return (
    <p class="capture-notice" role="status" aria-label={`${text} for ${notice.partnerName}`}>
      {text} · <button type="button" class="link" disabled={undo?.state === "working"} onClick={() => void undoShownCapture()}>Undo</button>
      {undo?.state === "failed" && <span class="field-error"> {undo.message}</span>}
    </p>
  );
}
