import { defineContentScript } from "wxt/utils/define-content-script";
import { runSidebar } from "../content/sidebar-controller.tsx";
import { gmailPageKey, gmailThreadWait, readGmailPage } from "../sites/gmail-context.ts";
import { gmailSelectors } from "../sites/gmail-selectors.ts";
import { waitForElement } from "../sites/wait-for-element.ts";
import type { PageContext } from "../sites/page-context.ts";

const renderWaitMs = 10_000;

/** Which thread the main pane shows: its messages' ids, as Gmail renders them. */
function shownThread(): string {
  const pane = document.querySelector(gmailSelectors.mainPane.join(", "));
  if (!pane) return "";
  return [...pane.querySelectorAll(gmailSelectors.message.join(", "))].map((m) => m.getAttribute("data-message-id") ?? m.id).join(",");
}

/**
 * Resolves once the main pane shows something other than `before`, watching
 * only the main pane's parent (Gmail swaps views there), or after the timeout.
 */
function paneChange(before: string, signal: AbortSignal): Promise<void> {
  const wait = gmailThreadWait(document);
  const root = wait?.root ?? document.querySelector(gmailSelectors.mainPane.join(", "))?.parentElement;
  if (!root) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const observer = new MutationObserver(() => {
      if (shownThread() !== before) done();
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ["role"] });
    const timer = setTimeout(done, renderWaitMs);
    signal.addEventListener("abort", done);
  });
}

let lastRead: { threadId: string; shown: string } | null = null;

/**
 * Gmail changes the URL first and swaps the thread in a moment later: a read
 * straight after the URL changes would see the previous thread's people.
 */
async function readGmail(signal: AbortSignal): Promise<PageContext> {
  let context = readGmailPage(document, location);
  if (context.kind === "gmail-thread" && lastRead && context.threadId !== lastRead.threadId && shownThread() === lastRead.shown) {
    await paneChange(lastRead.shown, signal);
    context = readGmailPage(document, location);
  }
  if (context.kind === "unreadable") {
    await pollFor(gmailSelectors.mainPane.join(", "), signal);
    // Gmail adds each view beside the others and moves role=main to the one on
    // screen: watch the main pane's parent, for messages in the current pane.
    const wait = gmailThreadWait(document);
    if (wait) {
      const found = await waitForElement(wait.root, wait.selectors, { signal, timeoutMs: renderWaitMs, attributeFilter: wait.attributeFilter });
      if (!found && !signal.aborted) console.warn("Mutual: selector not found:", gmailSelectors.message.join(" | "));
    }
    context = readGmailPage(document, location);
  }
  if (context.kind === "gmail-thread") lastRead = { threadId: context.threadId, shown: shownThread() };
  return context;
}

/** The main pane exists almost always; on first load, check for it cheaply rather than observe the whole document. */
async function pollFor(selector: string, signal: AbortSignal): Promise<Element | null> {
  for (let waited = 0; waited < renderWaitMs && !signal.aborted; waited += 250) {
    const element = document.querySelector(selector);
    if (element) return element;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}

export default defineContentScript({
  matches: ["https://mail.google.com/*"],
  // The sidebar passes its CSS to its shadow root itself.
  cssInjectionMode: "manual",
  async main(ctx) {
    // Gmail's top bar (search, account) is 64 px high.
    await runSidebar(ctx, { readPage: readGmail, pageKey: gmailPageKey, headerHeightPx: 64 });
  },
});
