import { isEmailAddress } from "../../shared/email-address.ts";
import type { EmailMessage } from "./page-context.ts";
import { messageText, messagesWithText } from "./gmail-messages.ts";
import { cleanText } from "./page-text.ts";
import { outlookSelectors, type OutlookSelectorName } from "./outlook-selectors.ts";

/**
 * The messages of Outlook's reading pane: each one's sender, recipients and
 * time as its header shows them (for the lookup and for capture) and the
 * words of the newest few (for promise suggestions). Text and attributes
 * only: nothing of the page is parsed as markup.
 *
 * Outlook shows an address only where it has no name for someone, or beside
 * the name ("Outlook Team<no-reply@microsoft.com>" in a sender line);
 * a recipient saved in the user's contacts shows a name only and is not read.
 */

/** The elements matched by the first alternative that matches anything under root: alternatives never double count. */
export function outlookAll(root: ParentNode, name: OutlookSelectorName): Element[] {
  const found = outlookSelectors[name].map((selector) => [...root.querySelectorAll(selector)]).find((elements) => elements.length > 0);
  return found ?? [];
}

const bodySelector = outlookSelectors.messageBody.join(", ");
// Local part and domain without the brackets, quotes and separators that surround an address in a header,
// zero-width spaces included: Outlook puts one between recipient chips.
const notInAddress = String.raw`[^\s\u200b-\u200d\u2060\ufeff<>()[\]"',;:]`;
const addressInText = new RegExp(`${notInAddress}+@${notInAddress}+\\.${notInAddress}+`, "g");

/** Addresses an element shows: in its text, or in a title, label or mailto link under it; lower-cased, unique, in page order. */
export function addressesIn(element: Element): string[] {
  // Each text node alone: two chips' texts side by side must not run into one "address".
  const texts: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push((node as Text).data);
  for (const attributed of [element, ...element.querySelectorAll('[title*="@"], [aria-label*="@"], a[href^="mailto:"]')]) {
    texts.push(attributed.getAttribute("title") ?? "", attributed.getAttribute("aria-label") ?? "", (attributed.getAttribute("href") ?? "").replace(/^mailto:/, "").split("?")[0]!);
  }
  const found = new Set<string>();
  for (const text of texts) {
    for (const [candidate] of text.matchAll(addressInText)) {
      const address = candidate.toLowerCase();
      if (isEmailAddress(address)) found.add(address);
    }
  }
  return [...found];
}

/** The header elements of a name under a message, never inside its body (the sender's own markup). */
function headerElements(message: Element, name: OutlookSelectorName): Element[] {
  for (const selector of outlookSelectors[name]) {
    const found = [...message.querySelectorAll(selector)].filter((element) => !element.closest(bodySelector));
    if (found.length > 0) return found;
  }
  return [];
}

/** Whether a message shows a sender line at all (with or without an address): what tells a message from Outlook's filler. */
export function hasSender(message: Element): boolean {
  return headerElements(message, "sender").length > 0;
}

/** A body's text without the mail it quotes: the reply marker and everything after it in its parent, quote blocks anywhere. */
function ownWords(body: Element): string {
  const quoted = new Set<Element>();
  for (const marker of body.querySelectorAll(outlookSelectors.replyMarker.join(", "))) {
    for (let next: Element | null = marker; next; next = next.nextElementSibling) quoted.add(next);
  }
  const quoteBlocks = outlookSelectors.quotedText.join(", ");
  return messageText(body, (element) => quoted.has(element) || element.matches(quoteBlocks));
}

/**
 * Names to addresses, from the conversation's sender lines ("Priya
 * Patel<priya@contoso.com>"): a recipient Outlook shows by name only is known
 * by its address when that person wrote one of the messages on screen, so an
 * email's participants (capture's key) are the same as Gmail reads them.
 */
function sendersByName(messages: Element[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const sender of messages.flatMap((message) => headerElements(message, "sender"))) {
    const line = /^(.*?)\s*<([^<>]+)>\s*$/.exec(cleanText(sender.textContent) ?? "");
    const address = line?.[2]?.trim().toLowerCase() ?? "";
    if (line?.[1] && isEmailAddress(address)) names.set(line[1].toLowerCase(), address);
  }
  return names;
}

/** The addresses a message's To and Cc show, and those of the chips that show a name the conversation knows. */
function recipientsOf(message: Element, names: Map<string, string>): Set<string> {
  const wells = headerElements(message, "recipients");
  const found = new Set(wells.flatMap(addressesIn));
  for (const chip of wells.flatMap((well) => [...well.querySelectorAll("[role=button][aria-label]")])) {
    const known = names.get(chip.getAttribute("aria-label")!.trim().toLowerCase());
    if (known) found.add(known);
  }
  return found;
}

/** One message's header and, if asked, its words. `threadId` makes its id: Outlook's page shows no message id. */
function readMessage(message: Element, threadId: string, index: number, withText: boolean, names: Map<string, string>): EmailMessage {
  const from = headerElements(message, "sender").flatMap(addressesIn)[0] ?? null;
  const to = recipientsOf(message, names);
  if (from) to.delete(from);
  const timeText = cleanText(headerElements(message, "messageTime")[0]?.textContent);
  const body = withText ? message.querySelector(bodySelector) : null;
  return {
    // Stable across visits (suggestions dismissed on it stay dismissed), unique within the conversation.
    id: `${threadId}:${timeText ?? index}:${from ?? ""}`,
    timeText,
    from,
    to: [...to],
    text: body ? ownWords(body) : null,
  };
}

/**
 * Every message, in page order, with the words of the first few that show a
 * body: Outlook draws the body of expanded messages only (the newest, unless
 * the user opens others), and lists newest first or last as the user chose.
 */
export function readOutlookMessages(messages: Element[], threadId: string): EmailMessage[] {
  const names = sendersByName(messages);
  let bodiesLeft = messagesWithText;
  return messages.map((message, index) => {
    const withText = bodiesLeft > 0 && message.querySelector(bodySelector) !== null;
    if (withText) bodiesLeft -= 1;
    return readMessage(message, threadId, index, withText, names);
  });
}

/** Every address on the messages' headers (senders and recipients), lower-cased, unique. */
export function peopleOn(messages: EmailMessage[]): string[] {
  return [...new Set(messages.flatMap((message) => (message.from ? [message.from, ...message.to] : message.to)))];
}
