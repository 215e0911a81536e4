import { defineContentScript } from "wxt/utils/define-content-script";
import { runSidebar } from "../content/sidebar-controller.ts";
import { createOutlookAdapter } from "../sites/outlook-adapter.ts";

export default defineContentScript({
  matches: ["https://outlook.office.com/mail/*", "https://outlook.office365.com/mail/*", "https://outlook.live.com/mail/*"],
  // The sidebar passes its CSS to its shadow root itself.
  cssInjectionMode: "manual",
  // Before the page lays anything out: making room later re-lays out all of it (content/sidebar-controller.ts).
  runAt: "document_start",
  main: (ctx) => runSidebar(ctx, createOutlookAdapter({ document, location })),
});
