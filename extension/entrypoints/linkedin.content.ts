import { defineContentScript } from "wxt/utils/define-content-script";
import { runSidebar } from "../content/sidebar-controller.ts";
import { createLinkedinAdapter } from "../sites/linkedin-adapter.ts";

export default defineContentScript({
  // LinkedIn is one app: the script runs on every page and shows a partner on company pages only.
  matches: ["https://www.linkedin.com/*"],
  // The sidebar passes its CSS to its shadow root itself.
  cssInjectionMode: "manual",
  // Before the page lays anything out: making room later re-lays out all of it (content/sidebar-controller.ts).
  runAt: "document_start",
  main: (ctx) => runSidebar(ctx, createLinkedinAdapter({ document, location })),
});
