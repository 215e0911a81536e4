import { send } from "../messaging/send.ts";
import type { ErrorInfo, WriteAction } from "../messaging/protocol.ts";
import { announcement, outbox } from "./store.ts";

export type WriteOutcome =
  | { state: "synced"; response: unknown }
  | { state: "queued" }
  | { state: "failed"; error: ErrorInfo };

export async function refreshOutbox(): Promise<void> {
  const reply = await send({ type: "outbox" });
  if (reply.ok) outbox.value = reply.data;
}

/**
 * Hands a write to the background's outbox. "synced": the API has it.
 * "queued": saved in the extension, will sync when the API answers (or,
 * when the token was refused, once the user signs in again: said so).
 * "failed": refused, with the fields named; the form keeps what was typed.
 */
export async function submitWrite(write: WriteAction, label: string): Promise<WriteOutcome> {
  const reply = await send({ type: "write", write, label });
  await refreshOutbox();
  if (!reply.ok) {
    announcement.value = `Not saved: ${reply.error.message}`;
    return { state: "failed", error: reply.error };
  }
  if (reply.data.result === "refused") {
    const error = reply.data.error ?? { code: "refused", message: "The API refused this change." };
    announcement.value = `Not saved: ${error.message}`;
    return { state: "failed", error };
  }
  if (reply.data.result === "signInNeeded") {
    announcement.value = `${label}: saved on this computer, not sent: Mutual's API no longer accepts this computer's token. Sign in again in Settings to send it.`;
    return { state: "queued" };
  }
  if (reply.data.result === "queued") {
    announcement.value = `${label}: saved, will sync when Mutual's API answers.`;
    return { state: "queued" };
  }
  // The partner is re-read when the outbox entry goes (content/sidebar-controller.tsx).
  announcement.value = `${label}: saved.`;
  return { state: "synced", response: reply.data.response };
}
