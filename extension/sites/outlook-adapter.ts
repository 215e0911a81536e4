/**
 * Outlook on the web: the message or conversation open in the reading pane.
 *
 * The URL says which item is open (shared/outlook-url.ts): Outlook changes it
 * first, then draws the reading pane, wherever it is (on the right, at the
 * bottom, over the list, or alone in a popped-out window: the same markup).
 * readOutlookPage is pure DOM reading (text and attributes only), so it runs
 * on saved pages in tests; createOutlookAdapter adds the waiting.
 *
 * Try it: https://outlook.office.com/mail/inbox, open a message from someone
 * at another company, then another message, then pop one out ("Open in new
 * window"); the same on outlook.live.com/mail/0/.
 */
import { outlookItemFromUrl, outlookPageKey } from "../../shared/outlook-url.ts";
import { isEmailAddress } from "../../shared/email-address.ts";
import { unreadable, type PageContext } from "./page-context.ts";
import { cleanText } from "./page-text.ts";
import { renderWaitMs, type HostPage, type SiteAdapter } from "./site-adapter.ts";
import { outlookSelectors, type OutlookSelectorName } from "./outlook-selectors.ts";
import { hasSender, outlookAll, peopleOn, readOutlookMessages } from "./outlook-messages.ts";
import { pollUntil, waitUntil } from "./waiting.ts";

function unreadableOutlook(name: OutlookSelectorName, prefix = ""): PageContext {
  return unreadable("outlook", name, outlookSelectors[name], prefix);
}

/** The signed-in address, from the folder pane's mailbox (absent in a popped-out window). */
function ownAddressIn(doc: Document): string | null {
  const title = outlookAll(doc, "ownMailbox")[0]?.getAttribute("title")?.trim().toLowerCase() ?? "";
  return isEmailAddress(title) ? title : null;
}

/**
 * The conversation's id: the selected list row's data-convid when that row
 * is the item the URL names (its own id, or already its conversation);
 * else the URL's id (a popped-out window has no list).
 */
function conversationId(doc: Document, itemId: string): string {
  const row = outlookAll(doc, "selectedRow")[0];
  const convId = row?.getAttribute("data-convid");
  return convId && (row!.id === itemId || convId === itemId) ? convId : itemId;
}

export function readOutlookPage(doc: Document, location: HostPage["location"]): PageContext {
  const item = outlookItemFromUrl(location.href);
  if (!item) return { kind: "nothing-to-show", site: "outlook" };

  const pane = outlookAll(doc, "readingPane")[0];
  if (!pane) return unreadableOutlook("readingPane");
  // Outlook's filler (an empty first child) is not a message: only what shows a sender line is.
  const messages = outlookAll(pane, "message").filter(hasSender);
  if (messages.length === 0) {
    const subjectShown = outlookAll(pane, "subject").length > 0;
    return unreadableOutlook(outlookAll(pane, "message").length > 0 ? "sender" : "message", subjectShown ? "the conversation's subject is shown but " : "");
  }
  const threadId = conversationId(doc, item.itemId);
  const read = readOutlookMessages(messages, threadId);
  const subjectElement = outlookAll(pane, "subject")[0];
  return {
    kind: "email",
    site: "outlook",
    threadId,
    messageIds: read.map((message) => message.id),
    subject: cleanText(subjectElement?.getAttribute("title") || subjectElement?.textContent),
    ownAddress: ownAddressIn(doc),
    emails: peopleOn(read),
    // The item's own Outlook address: what a promise logged from here links back to.
    url: location.href,
    messages: read,
  };
}

/** Outlook in one tab or popped-out window: reads the reading pane, waiting after each navigation until it shows the item the URL names. */
export function createOutlookAdapter({ document: doc, location }: HostPage): SiteAdapter {
  /** The item read last and what the reading pane showed for it. */
  let lastRead: { key: string | null; shown: string } | null = null;

  const pane = () => outlookAll(doc, "readingPane")[0] ?? null;
  /** What the reading pane shows: its subject, and each message's sender line and time, as text (two replies differ by their time). */
  const shown = (): string => {
    const current = pane();
    if (!current) return "";
    const headers = outlookAll(current, "message").map((message) => [...outlookAll(message, "sender"), ...outlookAll(message, "messageTime")].map((element) => element.textContent).join("|"));
    return [outlookAll(current, "subject")[0]?.textContent ?? "", ...headers].join("\n");
  };

  /**
   * Resolves once the reading pane shows something other than `before` with
   * a sender line in it, or after the timeout. The pane's parent is watched:
   * Outlook may replace the pane itself, and it is small beside the list.
   */
  const paneChange = async (before: string | null, signal: AbortSignal): Promise<void> => {
    const root = (await pollUntil(() => pane()?.parentElement ?? null, { signal, timeoutMs: renderWaitMs, intervalMs: 250 }));
    if (!root) return;
    const drawn = () => {
      const current = pane();
      const now = shown();
      return current && now !== before && outlookAll(current, "message").some(hasSender) ? true : null;
    };
    const found = await waitUntil(root, drawn, { signal, timeoutMs: renderWaitMs });
    if (!found && !signal.aborted && before === null) console.warn("Mutual: selector not found:", outlookSelectors.sender.join(" | "));
  };

  /** Reads the pane; after a navigation, first waits for it to leave the previous item, or (unreadable) to be drawn at all. */
  const readPage = async (signal: AbortSignal): Promise<PageContext> => {
    const key = outlookPageKey(location.href);
    let context = readOutlookPage(doc, location);
    // A read straight after the URL changed may still see the previous item's people.
    if (context.kind === "email" && lastRead && key !== lastRead.key && shown() === lastRead.shown) {
      await paneChange(lastRead.shown, signal);
      context = readOutlookPage(doc, location);
    }
    if (context.kind === "unreadable") {
      await paneChange(null, signal);
      context = readOutlookPage(doc, location);
    }
    if (context.kind === "email" && !signal.aborted) lastRead = { key, shown: shown() };
    return context;
  };

  // Outlook's top bar (search, settings, account) is 48 px high.
  return { site: "outlook", headerHeightPx: 48, pageKey: outlookPageKey, readPage };
}
