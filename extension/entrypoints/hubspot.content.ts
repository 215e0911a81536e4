import { defineContentScript } from "wxt/utils/define-content-script";
import { runSidebar } from "../content/sidebar-controller.ts";
import { createHubspotAdapter } from "../sites/hubspot-adapter.ts";

export default defineContentScript({
  // app.hubspot.com and the regional hosts (app-eu1, app-na2, app-ap1…); only record pages show a partner.
  matches: ["https://*.hubspot.com/contacts/*"],
  // The sidebar passes its CSS to its shadow root itself.
  cssInjectionMode: "manual",
  // Before the page lays anything out: making room later re-lays out all of it (content/sidebar-controller.ts).
  runAt: "document_start",
  main: (ctx) => runSidebar(ctx, createHubspotAdapter({ document, location })),
});
