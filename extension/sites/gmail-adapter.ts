/**
 * Gmail: which thread is open and everyone shown on it.
 *
 * The URL hash says whether a thread should be open; the DOM only says who is
 * on it. readGmailPage is pure DOM reading (textContent and attributes only),
 * so it runs on saved pages in tests. createGmailAdapter adds the waiting:
 * Gmail changes the URL first and swaps the thread in a moment later.
 *
 * Try it: https://mail.google.com/mail/u/0/#inbox/<thread id> (a thread with
 * someone from another company), then the inbox, then another thread.
 */
import { isEmailAddress } from "../../shared/email-address.ts";
import { unreadable, type PageContext } from "./page-context.ts";
import { invitationIn } from "./gmail-invitation.ts";
import { cleanText } from "./page-text.ts";
import { renderWaitMs, type HostPage, type SiteAdapter } from "./site-adapter.ts";
import { gmailSelectors, gmailThreadIdPattern, gmailViewsWithArgument, gmailViewsWithoutThreads, type GmailSelectorName } from "./gmail-selectors.ts";
import { readGmailMessages } from "./gmail-messages.ts";
import { pollUntil, waitForElement, waitUntil } from "./waiting.ts";

/** The thread id a Gmail URL hash names, or null for lists, settings and searches. */
export function gmailThreadIdFromHash(hash: string): string | null {
  // "#inbox/FMfcg…?compose=new": the query part is a compose window, not the view.
  const path = hash.replace(/^#/, "").split("?", 1)[0]!;
  const segments = path.split("/").filter((segment) => segment !== "");
  const view = segments[0];
  const last = segments.at(-1);
  if (!view || !last || gmailViewsWithoutThreads.has(view)) return null;
  const minimumSegments = gmailViewsWithArgument.has(view) ? 3 : 2;
  if (segments.length < minimumSegments) return null;
  return gmailThreadIdPattern.test(last) ? last : null;
}

/**
 * The thread a Gmail URL opens, as a cache key; thread ids belong to one
 * signed-in account, so its /mail/u/N/ path is part of the key.
 */
export function gmailPageKey(href: string): string | null {
  if (!URL.canParse(href)) return null;
  const url = new URL(href);
  const threadId = gmailThreadIdFromHash(url.hash);
  return threadId ? `gmail:${url.host}${url.pathname}#${threadId}` : null;
}

/**
 * The signed-in address from the tab title: "Inbox (3) - me@example.com - Gmail",
 * "Subject - me@x.com - Gmail" (Workspace may brand the last part). The
 * address is the second-to-last " - " part, since a subject may hold " - " too.
 */
export function gmailOwnAddress(title: string): string | null {
  const parts = title.split(" - ");
  if (parts.length < 3) return null;
  const candidate = parts.at(-2)!.trim().toLowerCase();
  return isEmailAddress(candidate) ? candidate : null;
}

export function readGmailPage(doc: Document, location: HostPage["location"]): PageContext {
  const threadId = gmailThreadIdFromHash(location.hash);
  if (!threadId) return { kind: "nothing-to-show", site: "gmail" };

  const mainPanes = queryAllOfFirstMatch(doc, "mainPane");
  if (mainPanes.length === 0) return unreadableGmail("mainPane");

  // Gmail gives role=main to the view on screen only, but read the pane that
  // holds messages in case two ever carry it. Thread-list rows (tr.zA) carry
  // span[email] too, so a pane with only a list is never read for people.
  for (const pane of mainPanes) {
    const messages = queryAllOfFirstMatch(pane, "message");
    if (messages.length === 0) continue;
    const subjectElement = queryAllOfFirstMatch(pane, "threadSubject")[0];
    return {
      kind: "email",
      site: "gmail",
      threadId,
      messageIds: messages.map(messageId),
      subject: cleanText(subjectElement?.textContent),
      ownAddress: gmailOwnAddress(doc.title),
      emails: peopleIn(messages),
      url: location.href,
      messages: readGmailMessages(messages),
      ...invitationIn(messages.flatMap((message) => queryAllOfFirstMatch(message, "messageBody")), cleanText(subjectElement?.textContent)),
    };
  }
  // A subject without messages means the message selectors broke: showing a
  // thread with nobody on it would look like "no partner here", which is wrong.
  const subjectShown = mainPanes.some((pane) => queryAllOfFirstMatch(pane, "threadSubject").length > 0);
  return unreadableGmail("message", subjectShown ? "the thread's subject is shown but " : "");
}

/** Gmail's id for a message: data-message-id ("#msg-f:…") on current markup, the legacy hex id on older. */
function messageId(message: Element): string {
  return message.getAttribute("data-message-id") ?? message.getAttribute("data-legacy-message-id") ?? message.id;
}

/** Addresses from the message headers, lower-cased and unique, in page order. */
function peopleIn(messages: Element[]): string[] {
  const emails = new Set<string>();
  const selector = gmailSelectors.person.join(", ");
  const bodySelector = gmailSelectors.messageBody.join(", ");
  for (const message of messages) {
    for (const person of message.querySelectorAll(selector)) {
      if (person.closest(bodySelector)) continue;
      const address = person.getAttribute("email")?.trim().toLowerCase() ?? "";
      if (isEmailAddress(address)) emails.add(address);
    }
  }
  return [...emails];
}

/** The elements matched by the first alternative that matches anything, so alternatives never double count. */
export function queryAllOfFirstMatch(root: ParentNode, name: GmailSelectorName): Element[] {
  for (const selector of gmailSelectors[name]) {
    const found = [...root.querySelectorAll(selector)];
    if (found.length > 0) return found;
  }
  return [];
}

function unreadableGmail(name: GmailSelectorName, prefix = ""): PageContext {
  return unreadable("gmail", name, gmailSelectors[name], prefix);
}

/**
 * Gmail adds each view beside the others and moves role=main to the one on
 * screen (InboxSDK watches the same container and attribute): the main
 * pane's parent is the smallest root that sees a thread shown in a new or
 * revealed view. Null while Gmail has no main pane yet (first load).
 */
function viewContainer(doc: Document): Element | null {
  return doc.querySelector(gmailSelectors.mainPane.join(", "))?.parentElement ?? null;
}

/** Gmail in one tab: reads threads, waiting after each hash change until the main pane shows the thread the hash names. */
export function createGmailAdapter({ document: doc, location }: HostPage): SiteAdapter {
  /** The thread read last and the messages the main pane showed for it. */
  let lastRead: { threadId: string; shown: string } | null = null;

  /** Which thread the main pane shows: its messages' ids, as Gmail renders them. */
  const shownThread = (): string => {
    const pane = queryAllOfFirstMatch(doc, "mainPane")[0];
    return pane ? queryAllOfFirstMatch(pane, "message").map(messageId).join(",") : "";
  };

  /** Resolves once the main pane shows something other than `before`, or after the timeout. */
  const paneChange = async (before: string, signal: AbortSignal): Promise<void> => {
    const root = viewContainer(doc);
    if (root) await waitUntil(root, () => (shownThread() !== before ? true : null), { signal, timeoutMs: renderWaitMs, attributeFilter: ["role"] });
  };

  /** First load: the main pane almost always exists already; if not, check for it cheaply rather than observe the whole document. */
  const threadDrawn = async (signal: AbortSignal): Promise<void> => {
    await pollUntil(() => viewContainer(doc), { signal, timeoutMs: renderWaitMs, intervalMs: 250 });
    const root = viewContainer(doc);
    if (!root) return;
    const selectors = gmailSelectors.mainPane.flatMap((pane) => gmailSelectors.message.map((message) => `${pane} ${message}`));
    const found = await waitForElement(root, selectors, { signal, timeoutMs: renderWaitMs, attributeFilter: ["role"] });
    if (!found && !signal.aborted) console.warn("Mutual: selector not found:", gmailSelectors.message.join(" | "));
  };

  return {
    site: "gmail",
    // Gmail's top bar (search, account) is 64 px high.
    headerHeightPx: 64,
    pageKey: gmailPageKey,
    async readPage(signal) {
      let context = readGmailPage(doc, location);
      // A read straight after the hash changed may still see the previous thread's people.
      if (context.kind === "email" && lastRead && context.threadId !== lastRead.threadId && shownThread() === lastRead.shown) {
        await paneChange(lastRead.shown, signal);
        context = readGmailPage(doc, location);
      }
      if (context.kind === "unreadable") {
        await threadDrawn(signal);
        context = readGmailPage(doc, location);
      }
      if (context.kind === "email" && !signal.aborted) lastRead = { threadId: context.threadId, shown: shownThread() };
      return context;
    },
  };
}
