import { defineContentScript } from "wxt/utils/define-content-script";
import { runSidebar } from "../content/sidebar-controller.tsx";
import { isAccountRecord, salesforceRecordFromUrl } from "../../shared/salesforce-url.ts";
import { readSalesforcePage, salesforcePageKey } from "../sites/salesforce-context.ts";
import { salesforceSelectors } from "../sites/salesforce-selectors.ts";
import type { PageContext } from "../sites/page-context.ts";
import { waitForElement } from "../sites/wait-for-element.ts";

const renderWaitMs = 10_000;
const highlightsPanel = ["records-highlights2", "records-lwc-highlights-panel", "force-highlights2"];

let lastRead: { recordId: string; name: string | null; websiteDomain: string | null } | null = null;
/** The record the URL named at the last read, whatever its kind, and the tab Lightning showed for it. */
let lastShown: { recordId: string | null; tab: Element | null } | null = null;

function visibleTab(): Element | null {
  return document.querySelector(salesforceSelectors.visibleTab.join(", "));
}

/** Resolves once Lightning shows a tab other than `from` (polled: its tabs live far from any small root), or after the timeout. */
async function tabChange(from: Element | null, signal: AbortSignal): Promise<void> {
  for (let waited = 0; waited < renderWaitMs && !signal.aborted; waited += 50) {
    const tab = visibleTab();
    if (tab && tab !== from) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A page read before Lightning drew it (a Contact answers at once, from its
 * URL) has no tab yet: note its tab once it shows, so that the next
 * navigation knows which tab is the one being left.
 */
async function noteTabWhenShown(recordId: string | null, departing: Element | null, signal: AbortSignal): Promise<void> {
  await tabChange(departing, signal);
  const tab = visibleTab();
  if (!signal.aborted && lastShown?.recordId === recordId && tab !== departing) lastShown = { recordId, tab };
}

/**
 * The URL names the record at once; Lightning draws it a little later, in a
 * new tab (or one it kept from before) that becomes the active one, while the
 * previous page's tab stays on screen meanwhile.
 */
async function readSalesforce(signal: AbortSignal): Promise<PageContext> {
  const ref = salesforceRecordFromUrl(location.href);
  const recordId = ref?.recordId ?? null;
  const before = lastShown;
  const departing = before && before.recordId !== recordId ? before.tab : null;
  if (departing && ref && isAccountRecord(ref) && visibleTab() === departing) await tabChange(departing, signal);
  let context = await readSalesforceOnce(signal);
  const previous = lastRead;
  // A tab reused for the next record (not seen in Lightning so far, but cheap
  // to guard against) still shows the previous Account's name and website.
  const sameTab = before?.tab != null && visibleTab() === before.tab;
  if (sameTab && context.kind === "salesforce-record" && previous && context.recordId !== previous.recordId) {
    for (let waited = 0; waited < renderWaitMs && !signal.aborted; waited += 100) {
      if (context.kind !== "salesforce-record" || context.name !== previous.name || context.websiteDomain !== previous.websiteDomain) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
      context = readSalesforcePage(document, location);
    }
  }
  if (!signal.aborted) {
    lastRead = context.kind === "salesforce-record" ? { recordId: context.recordId, name: context.name, websiteDomain: context.websiteDomain } : null;
    const tab = visibleTab();
    const drawn = tab !== null && tab !== departing;
    lastShown = { recordId, tab: drawn ? tab : null };
    if (!drawn) void noteTabWhenShown(recordId, tab, signal);
  }
  return context;
}

async function readSalesforceOnce(signal: AbortSignal): Promise<PageContext> {
  const first = readSalesforcePage(document, location);
  if (first.kind !== "unreadable" && !(first.kind === "salesforce-record" && first.name === null)) return first;
  // Wait inside the visible tab when Lightning has drawn it, for its highlights panel.
  const tab = document.querySelector(salesforceSelectors.visibleTab.join(", "));
  const found = await waitForElement(tab ?? document.body, tab ? highlightsPanel : salesforceSelectors.recordFrame, { signal, timeoutMs: renderWaitMs });
  if (!found && !signal.aborted) console.warn("Mutual: selector not found:", salesforceSelectors.recordFrame.join(" | "));
  // Its components fill their shadow roots in just after; a mutation observer can't see inside them.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return readSalesforcePage(document, location);
}

export default defineContentScript({
  matches: ["https://*.lightning.force.com/*", "https://*.my.salesforce.com/*"],
  // The sidebar passes its CSS to its shadow root itself.
  cssInjectionMode: "manual",
  async main(ctx) {
    // Lightning's global header and navigation bar, fixed at the top, reach about 96 px down.
    await runSidebar(ctx, { readPage: readSalesforce, pageKey: salesforcePageKey, headerHeightPx: 96 });
  },
});
