import { defineContentScript } from "wxt/utils/define-content-script";
import { runSidebar } from "../content/sidebar-controller.tsx";
import { readSalesforcePage } from "../sites/salesforce-context.ts";
import { salesforceSelectors } from "../sites/salesforce-selectors.ts";
import { waitForElement } from "../sites/wait-for-element.ts";

const renderWaitMs = 10_000;
const highlightsPanel = ["records-highlights2", "records-lwc-highlights-panel", "force-highlights2"];

/** The URL names the record at once; the name and website render a little later. */
async function readSalesforce(signal: AbortSignal) {
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
    await runSidebar(ctx, readSalesforce);
  },
});
