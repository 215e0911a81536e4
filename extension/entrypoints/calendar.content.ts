import { defineContentScript } from "wxt/utils/define-content-script";
import { runSidebar } from "../content/sidebar-controller.ts";
import { createCalendarAdapter } from "../sites/calendar-adapter.ts";

export default defineContentScript({
  matches: ["https://calendar.google.com/*"],
  // The sidebar passes its CSS to its shadow root itself.
  cssInjectionMode: "manual",
  main: (ctx) => runSidebar(ctx, createCalendarAdapter({ document, location })),
});
