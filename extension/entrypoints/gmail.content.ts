import { defineContentScript } from "wxt/utils/define-content-script";
import { runSidebar } from "../content/sidebar-controller.ts";
import { createGmailAdapter } from "../sites/gmail-adapter.ts";
import { watchGmailSelection } from "../sites/gmail-selection.ts";

export default defineContentScript({
  matches: ["https://mail.google.com/*"],
  // The sidebar passes its CSS to its shadow root itself.
  cssInjectionMode: "manual",
  // Before the page lays anything out: making room later re-lays out all of it (content/sidebar-controller.ts).
  runAt: "document_start",
  main: (ctx) => runSidebar(ctx, createGmailAdapter({ document, location }), (sidebar) => watchGmailSelection(ctx, sidebar)),
});
