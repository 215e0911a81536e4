import { signal } from "@preact/signals";
import { isOurSide } from "../../shared/capture/email-batch.ts";
import { messageSentAt } from "../../shared/capture/message-time.ts";
import { detectPromises, type DetectedPromise } from "../../shared/promises/detect.ts";
import { send } from "../messaging/send.ts";
import type { EmailContext, EmailMessage } from "../sites/page-context.ts";
import { whenIdle } from "./capture-flow.ts";

/**
 * Up to three sentences from the thread's newest messages that commit
 * someone to something, for one click to log or dismiss. Found after the
 * sidebar has painted, one message per idle slot, newest first; dismissed
 * ones (and ones already logged from here) are remembered per message by the
 * background, per member.
 */
export const maxSuggestions = 3;
/**
 * Only the newest messages are read: a promise from further back has been
 * answered in the thread or is past, and reading a hundred-message thread
 * whole kept a core busy for a quarter of a second while the page drew.
 */
export const messagesRead = 3;

export interface Suggestion extends DetectedPromise {
  messageId: string;
}

/** The thread and partner the list is for, and what was found; null while nothing is. */
export const suggestions = signal<{ threadId: string; partnerId: string; items: Suggestion[] } | null>(null);

/**
 * Set aside in this sidebar, at once: a look already under way read the
 * background's list before the dismissal reached it (logging a suggestion
 * makes a fresh lookup, which starts a new look), and must not bring it back.
 */
const setAsideHere = new Set<string>();

/** How a dismissal is remembered: the message and the sentence. */
export const suggestionKey = (suggestion: Pick<Suggestion, "messageId" | "sentence">) => `${suggestion.messageId}|${suggestion.sentence}`;

/** The promises one message makes, with its author's side and its own date; none when its date can't be read. */
export function promisesIn(message: EmailMessage, ownAddress: string | null, timeZone: string, now: Date): Suggestion[] {
  const sentAt = message.timeText ? messageSentAt(message.timeText, timeZone, now) : null;
  if (!message.text || !sentAt || !message.from) return [];
  const authorSide = isOurSide(message.from, ownAddress) ? "us" : "partner";
  return detectPromises(message.text, { sentAt, authorSide, timeZone }).map((found) => ({ ...found, messageId: message.id }));
}

/** Finds the suggestions in a thread's newest messages, newest first, yielding to the page between messages. */
export async function findSuggestions(context: EmailContext, partnerId: string, aborted: () => boolean): Promise<void> {
  suggestions.value = null;
  const withText = (context.messages ?? []).filter((message) => message.text).reverse().slice(0, messagesRead);
  if (withText.length === 0) return;
  const dismissed = await send({ type: "dismissedSuggestions" });
  const skip = new Set(dismissed.ok ? dismissed.data : []);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const found: Suggestion[] = [];
  for (const message of withText) {
    await whenIdle();
    if (aborted()) return;
    for (const suggestion of promisesIn(message, context.ownAddress, timeZone, new Date())) {
      if (!skip.has(suggestionKey(suggestion)) && !setAsideHere.has(suggestionKey(suggestion)) && found.length < maxSuggestions) found.push(suggestion);
    }
    if (found.length >= maxSuggestions) break;
  }
  suggestions.value = { threadId: context.threadId, partnerId, items: found.filter((item) => !setAsideHere.has(suggestionKey(item))) };
}

/** Takes one off the list and remembers it for this message (dismissed, or logged from here). */
export async function setAside(suggestion: Suggestion): Promise<void> {
  setAsideHere.add(suggestionKey(suggestion));
  const current = suggestions.value;
  if (current) suggestions.value = { ...current, items: current.items.filter((item) => suggestionKey(item) !== suggestionKey(suggestion)) };
  await send({ type: "dismissSuggestion", key: suggestionKey(suggestion) });
}
