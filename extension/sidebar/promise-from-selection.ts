import { isOurSide } from "../../shared/capture/email-batch.ts";
import { messageSentAt } from "../../shared/capture/message-time.ts";
import { detectPromise } from "../../shared/promises/detect.ts";
import type { SelectedSentence } from "../messaging/selection-messages.ts";
import { writeDraft } from "./drafts.ts";
import { announcement, lookupState, openForm, pageContext } from "./store.ts";

/**
 * "Log as promise" on selected words: the promise form of the partner the
 * sidebar shows first opens prefilled (title, due date from the words read
 * against the message's own date, who owes it from its sender's side), so
 * one click saves. Its source link is the thread's, as for any promise.
 */

/** What LogPromiseForm keeps as its draft (forms/LogPromiseForm.tsx). */
export interface PromiseDraft {
  title: string;
  owedBy: "us" | "partner";
  dueOn: string;
  ownerEmail: string;
}

/** Words that make no promise the detector knows still become the title: the user chose them. */
const maxTitle = 200;

export function draftFromSelection(selection: SelectedSentence, ownAddress: string | null, timeZone: string, now: Date): PromiseDraft {
  const authorSide = selection.from && isOurSide(selection.from, ownAddress) ? "us" : selection.from ? "partner" : "us";
  const sentAt = (selection.timeText && messageSentAt(selection.timeText, timeZone, now)) || now.toISOString();
  const found = detectPromise(selection.text, { sentAt, authorSide, timeZone });
  const owedBy = found?.owed_by ?? authorSide;
  return {
    title: (found?.title ?? selection.text).slice(0, maxTitle),
    owedBy,
    dueOn: found?.due_on ?? "",
    ownerEmail: owedBy === "us" ? (ownAddress ?? "") : "",
  };
}

const handled = new Set<string>();

export async function openPromiseFromSelection(selection: SelectedSentence): Promise<void> {
  // The port replays its last message on reconnecting: act on each request once.
  if (handled.has(selection.id)) return;
  handled.add(selection.id);
  const context = pageContext.value;
  const match = lookupState.value.data?.matches[0];
  if (!match || context?.kind !== "email") {
    announcement.value = "Open a thread with someone from a partner to log a promise from it.";
    return;
  }
  const draft = draftFromSelection(selection, context.ownAddress, Intl.DateTimeFormat().resolvedOptions().timeZone, new Date());
  await writeDraft(`promise:${match.partner.id}`, draft);
  // Closed first, so an open form reads the new draft when it opens again.
  openForm.value = null;
  await Promise.resolve();
  openForm.value = { form: "promise", partnerId: match.partner.id };
}
