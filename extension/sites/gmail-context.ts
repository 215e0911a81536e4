/**
 * Turns a Gmail page into a PageContext: which thread is open and everyone
 * shown on it. Pure DOM reading (textContent and attributes only), so it can
 * run on a saved page in tests.
 *
 * The URL hash says whether a thread should be open; the DOM only says who is
 * on it. Gmail swaps the DOM some time after the hash changes, so the content
 * script reads once, and on "unreadable" waits as gmailThreadWait says and
 * reads again; only a second "unreadable" is shown as "couldn't read this page".
 */
import type { PageContext } from "./page-context.ts";
import {
  gmailSelectors,
  gmailThreadIdPattern,
  gmailViewsWithArgument,
  gmailViewsWithoutThreads,
  type GmailSelectorName,
} from "./gmail-selectors.ts";

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
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const threadId = gmailThreadIdFromHash(url.hash);
  return threadId ? `gmail:${url.host}${url.pathname}#${threadId}` : null;
}

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The signed-in address from the tab title: "Inbox (3) - me@example.com - Gmail",
 * "Subject - me@x.com - Gmail" (Workspace may brand the last part). The
 * address is the second-to-last " - " part, since a subject may hold " - " too.
 */
export function gmailOwnAddress(title: string): string | null {
  const parts = title.split(" - ");
  if (parts.length < 3) return null;
  const candidate = parts.at(-2)!.trim().toLowerCase();
  return emailShape.test(candidate) ? candidate : null;
}

export interface GmailLocation {
  href: string;
  hash: string;
}

export function readGmailPage(doc: Document, location: GmailLocation): PageContext {
  const threadId = gmailThreadIdFromHash(location.hash);
  if (!threadId) return { kind: "nothing-to-show", site: "gmail" };

  const mainPanes = queryAllOfFirstMatch(doc, "mainPane");
  if (mainPanes.length === 0) return unreadable("mainPane");

  // Gmail gives role=main to the view on screen only, but read the pane that
  // holds messages in case two ever carry it. Thread-list rows (tr.zA) carry
  // span[email] too, so a pane with only a list is never read for people.
  for (const pane of mainPanes) {
    const messages = queryAllOfFirstMatch(pane, "message");
    if (messages.length === 0) continue;
    const subjectElement = queryAllOfFirstMatch(pane, "threadSubject")[0];
    return {
      kind: "gmail-thread",
      threadId,
      subject: cleanText(subjectElement?.textContent),
      ownAddress: gmailOwnAddress(doc.title),
      emails: peopleIn(messages),
      url: location.href,
    };
  }
  // A subject without messages means the message selectors broke: showing a
  // thread with nobody on it would look like "no partner here", which is wrong.
  const subjectShown = mainPanes.some((pane) => queryAllOfFirstMatch(pane, "threadSubject").length > 0);
  return unreadable("message", subjectShown ? "the thread's subject is shown but " : "");
}

export interface GmailThreadWait {
  root: Element;
  selectors: string[];
  attributeFilter: string[];
}

/**
 * What to hand waitForElement when a thread hash gave "unreadable": the
 * thread's messages inside the main pane, watched from the main pane's parent.
 * Gmail adds views there as siblings and moves role=main to the one on screen
 * (InboxSDK watches the same container and attribute), so observing the
 * current main pane alone would miss a thread shown in a new or revealed view.
 * Null while Gmail has no main pane yet (first load): poll for it.
 */
export function gmailThreadWait(doc: Document): GmailThreadWait | null {
  const root = doc.querySelector(gmailSelectors.mainPane.join(", "))?.parentElement ?? null;
  if (!root) return null;
  const selectors = gmailSelectors.mainPane.flatMap((pane) => gmailSelectors.message.map((message) => `${pane} ${message}`));
  return { root, selectors, attributeFilter: ["role"] };
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
      if (emailShape.test(address)) emails.add(address);
    }
  }
  return [...emails];
}

/** The elements matched by the first alternative that matches anything, so alternatives never double count. */
function queryAllOfFirstMatch(root: ParentNode, name: GmailSelectorName): Element[] {
  for (const selector of gmailSelectors[name]) {
    const found = [...root.querySelectorAll(selector)];
    if (found.length > 0) return found;
  }
  return [];
}

function unreadable(name: GmailSelectorName, prefix = ""): PageContext {
  return {
    kind: "unreadable",
    site: "gmail",
    reason: `${prefix}selector not found: gmail ${name} (${gmailSelectors[name].join(" | ")})`,
  };
}

function cleanText(text: string | null | undefined): string | null {
  const clean = text?.replace(/\s+/g, " ").trim() ?? "";
  return clean === "" ? null : clean;
}
