import { isEmailAddress } from "../../shared/email-address.ts";
import type { EmailMessage } from "./page-context.ts";
import { gmailSelectors } from "./gmail-selectors.ts";

/**
 * The headers of a Gmail thread's messages (for capture: id, time, sender,
 * recipients) and the words of the newest few (for promise suggestions).
 * Gmail's page does not carry a message's RFC Message-ID (only "Show
 * original" does), so a message is known by Gmail's own id.
 */

/** How many of the newest messages have their words read: suggestions look no further back. */
export const messagesWithText = 3;
/** Enough for any message a person writes by hand; a pasted report is cut, not read whole. */
const maxTextLength = 8_000;

const gmailSkipped = [...gmailSelectors.quotedText, ...gmailSelectors.bodyControls].join(", ");
const blockElements = new Set(["div", "p", "br", "li", "tr", "h1", "h2", "h3", "h4", "table", "ul", "ol"]);

/**
 * Gmail's id for a message, as capture's external id: the hex id
 * (data-legacy-message-id, the same as the Gmail API's) where present, which
 * stays the same in every view of the mailbox; else "msg-f:…" from
 * data-message-id, without Gmail's "#".
 */
export function gmailMessageKey(message: Element): string | null {
  const legacy = message.getAttribute("data-legacy-message-id")?.trim();
  if (legacy) return legacy;
  const current = message.getAttribute("data-message-id")?.trim().replace(/^#/, "");
  return current || null;
}

function firstIn(root: Element, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

function addressOf(element: Element | null): string | null {
  const address = element?.getAttribute("email")?.trim().toLowerCase() ?? "";
  return isEmailAddress(address) ? address : null;
}

/** The sender: the header's span.gD (or its fallbacks); never an address inside the body. */
function senderOf(message: Element, bodySelector: string): string | null {
  for (const selector of gmailSelectors.sender) {
    for (const candidate of message.querySelectorAll(selector)) {
      if (!candidate.closest(bodySelector)) return addressOf(candidate);
    }
  }
  return null;
}

function recipientsOf(message: Element, bodySelector: string, sender: string | null): string[] {
  const found = new Set<string>();
  for (const person of message.querySelectorAll(gmailSelectors.person.join(", "))) {
    if (person.closest(bodySelector)) continue;
    const address = addressOf(person);
    if (address && address !== sender) found.add(address);
  }
  return [...found];
}

/**
 * A body's own words as lines, as a reader sees them: quoted mail left out,
 * each block on its own line (the detector splits sentences at line ends).
 * Reads text nodes only: nothing of the body is ever parsed as markup.
 * `isSkipped` says what is not the sender's own words (Gmail's by default).
 */
export function messageText(body: Element, isSkipped = (element: Element) => element.matches(gmailSkipped)): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push((node as Text).data);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    if (["script", "style", "template"].includes(element.localName) || isSkipped(element)) return;
    const block = blockElements.has(element.localName);
    if (block) parts.push("\n");
    for (const child of element.childNodes) walk(child);
    if (block) parts.push("\n");
  };
  walk(body);
  const lines = parts.join("").split("\n").map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim());
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim().slice(0, maxTextLength);
}

/** Every message's header, in page order (oldest first); the newest few with their words. */
export function readGmailMessages(messages: Element[]): EmailMessage[] {
  const bodySelector = gmailSelectors.messageBody.join(", ");
  const read: EmailMessage[] = [];
  messages.forEach((message, index) => {
    const id = gmailMessageKey(message);
    if (!id) return;
    const from = senderOf(message, bodySelector);
    const time = firstIn(message, gmailSelectors.messageTime);
    const body = index >= messages.length - messagesWithText ? message.querySelector(bodySelector) : null;
    read.push({
      id,
      timeText: time?.getAttribute("title")?.trim() || null,
      from,
      to: recipientsOf(message, bodySelector, from),
      text: body ? messageText(body) : null,
    });
  });
  return read;
}
