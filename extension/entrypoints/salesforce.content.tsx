import { defineContentScript } from "wxt/utils/define-content-script";
import { runSidebar } from "../content/sidebar-controller.tsx";
import { readSalesforcePage, salesforcePageKey } from "../sites/salesforce-context.ts";
import { salesforceSelectors } from "../sites/salesforce-selectors.ts";
import type { PageContext } from "../sites/page-context.ts";
import { waitForElement } from "../sites/wait-for-element.ts";

const renderWaitMs = 10_000;
const highlightsPanel = ["records-highlights2", "records-lwc-highlights-panel", "force-highlights2"];

let lastRead: { recordId: string; name: string | null; websiteDomain: string | null } | null = null;

/**
 * The URL names the record at once; the name and website render a little
 * later, and right after a pushState the previous record's may still show.
 */
async function readSalesforce(signal: AbortSignal): Promise<PageContext> {
  let context = await readSalesforceOnce(signal);
  const previous = lastRead;
  if (context.kind === "salesforce-record" && previous && context.recordId !== previous.recordId) {
    for (let waited = 0; waited < renderWaitMs && !signal.aborted; waited += 100) {
      if (context.kind !== "salesforce-record" || context.name !== previous.name || context.websiteDomain !== previous.websiteDomain) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
      context = readSalesforcePage(document, location);
    }
  }
  lastRead = context.kind === "salesforce-record" ? { recordId: context.recordId, name: context.name, websiteDomain: context.websiteDomain } : null;
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
    await runSidebar(ctx, { readPage: readSalesforce, pageKey: salesforcePageKey });
  },
});
