import type { ErrorInfo } from "./protocol.ts";

/**
 * How a thread's capture went, for the sidebar's "2 emails from this thread
 * logged · Undo": "logged" (the API has it), "queued" (saved in the outbox,
 * will sync), "already" (every message was logged before: nothing sent),
 * "off" (the workspace turned email capture off), "refused" (the API said
 * no), "signInNeeded" (kept, waits for a sign-in).
 */
export interface CaptureReceipt {
  state: "logged" | "queued" | "already" | "off" | "refused" | "signInNeeded";
  /** Emails this capture logged (on "logged"), or sent in it (on "queued"). */
  count: number;
  /** The API's capture, to undo it by (on "logged"). */
  captureId: string | null;
  /** Its outbox entry, to undo it by before it has synced. */
  outboxId: string | null;
  error: ErrorInfo | null;
}

/** What "Undo" did: removed from the API, or from the outbox before it was sent. */
export interface UndoReceipt {
  undone: "api" | "outbox";
}
