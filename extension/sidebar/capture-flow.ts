import { signal } from "@preact/signals";
import { emailBatch } from "../../shared/capture/email-batch.ts";
import type { CaptureReceipt } from "../messaging/capture-messages.ts";
import { send } from "../messaging/send.ts";
import type { PageContext } from "../sites/page-context.ts";
import { whenPageSettled } from "./page-settled.ts";
import { lookupState } from "./store.ts";

/**
 * Logs the emails of the thread on screen for its partner, once each: after
 * the sidebar has painted the partner (the lookup answered), when the
 * browser is idle, one batch per thread through the background's outbox.
 * Only headers go: id, time, sender and recipients (and the subject, if the
 * workspace keeps subjects), never a body.
 */

export interface CaptureNoticeState {
  /** The thread it is about: shown only while that thread is. */
  threadId: string;
  partnerName: string;
  receipt: CaptureReceipt;
  /** After Undo: done, or why not. */
  undo: { state: "working" | "done" } | { state: "failed"; message: string } | null;
}

export const captureNotice = signal<CaptureNoticeState | null>(null);

/**
 * Waits until the host page has settled after showing its page
 * (page-settled.ts), then until this frame has nothing more urgent to do (or
 * 2 s), so capture never delays the page's drawing, a paint or a keystroke.
 */
export async function whenIdle(): Promise<void> {
  await whenPageSettled();
  await new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(() => resolve(), { timeout: 2_000 });
    else setTimeout(resolve, 0);
  });
}

export async function captureThread(context: PageContext, aborted: AbortSignal): Promise<void> {
  if (context.kind !== "email" || !context.messages?.length) return;
  const state = lookupState.value;
  // The partner the sidebar shows first: a message is logged under one partner only.
  const match = state.status === "ready" ? state.data?.matches[0] : undefined;
  if (!match) return;
  await whenIdle();
  if (aborted.aborted) return;
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const batch = emailBatch(context.messages, { ownAddress: context.ownAddress, subject: context.subject, timeZone, now: new Date() });
  if (batch.skipped.length > 0) console.warn("Mutual: messages without a readable time or sender, not logged:", batch.skipped.join(", "));
  if (batch.items.length === 0) return;
  const reply = await send({ type: "capture", partnerId: match.partner.id, partnerName: match.partner.name, items: batch.items });
  if (aborted.aborted || !reply.ok) return;
  captureNotice.value = { threadId: context.threadId, partnerName: match.partner.name, receipt: reply.data, undo: null };
}

/** Removes exactly what this notice's capture logged (or takes it out of the outbox before it was sent). */
export async function undoShownCapture(): Promise<void> {
  const notice = captureNotice.value;
  if (!notice || notice.undo?.state === "working" || notice.undo?.state === "done") return;
  captureNotice.value = { ...notice, undo: { state: "working" } };
  const reply = await send({ type: "undoCapture", captureId: notice.receipt.captureId, outboxId: notice.receipt.outboxId });
  if (captureNotice.value?.threadId !== notice.threadId) return;
  captureNotice.value = { ...notice, undo: reply.ok ? { state: "done" } : { state: "failed", message: reply.error.message } };
}
