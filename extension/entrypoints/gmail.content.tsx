import { defineContentScript } from "wxt/utils/define-content-script";
import { runSidebar } from "../content/sidebar-controller.tsx";
import { gmailThreadWait, readGmailPage } from "../sites/gmail-context.ts";
import { gmailSelectors } from "../sites/gmail-selectors.ts";
import { waitForElement } from "../sites/wait-for-element.ts";

const renderWaitMs = 10_000;

/** Gmail renders a thread after its URL changes; wait (only inside the main pane) for it to appear. */
async function readGmail(signal: AbortSignal) {
  const first = readGmailPage(document, location);
  if (first.kind !== "unreadable") return first;
  await pollFor(gmailSelectors.mainPane.join(", "), signal);
  // Gmail adds each view beside the others and moves role=main to the one on
  // screen: watch the main pane's parent, for messages in the current pane.
  const wait = gmailThreadWait(document);
  if (wait) {
    const found = await waitForElement(wait.root, wait.selectors, { signal, timeoutMs: renderWaitMs, attributeFilter: wait.attributeFilter });
    if (!found && !signal.aborted) console.warn("Mutual: selector not found:", gmailSelectors.message.join(" | "));
  }
  return readGmailPage(document, location);
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
  cssInjectionMode: "ui",
  async main(ctx) {
    await runSidebar(ctx, readGmail);
  },
});
