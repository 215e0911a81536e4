import { defineContentScript } from "wxt/utils/define-content-script";
import { runSidebar } from "../content/sidebar-controller.ts";
import { createSalesforceAdapter } from "../sites/salesforce-adapter.ts";

export default defineContentScript({
  matches: ["https://*.lightning.force.com/*", "https://*.my.salesforce.com/*"],
  // The sidebar passes its CSS to its shadow root itself.
  cssInjectionMode: "manual",
  main: (ctx) => runSidebar(ctx, createSalesforceAdapter({ document, location })),
});
