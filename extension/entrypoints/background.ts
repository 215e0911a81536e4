import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { handleRequest } from "../background/handle-request.ts";
import { dropLegacyCache } from "../background/lookup-cache.ts";
import { bindUnboundWrites, flush, isOutboxAlarm } from "../background/outbox.ts";
import { refreshBadgeSoon, startNudges } from "../background/nudges.ts";
import { createSelectionMenu, startSelectionMenu } from "../background/selection-menu.ts";
import { migrateLegacySettings } from "../background/settings.ts";
import { openSidePanelOnRequest, startSidePanel, toggleSidebarFor } from "../background/side-panel.ts";

/** Requests after which the overdue count may have changed, or the user is looking: the badge is asked again. */
function changesNudges(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  return type === "lookup" || type === "write" || type === "flushOutbox" || type === "saveSettings";
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Before anything async: Chrome opens the side panel only in the click's own task.
    if (openSidePanelOnRequest(message, sender)) return false;
    handleRequest(message)
      .then((reply) => {
        sendResponse(reply);
        if (changesNudges(message)) refreshBadgeSoon();
      })
      .catch((error: unknown) => {
        console.error("Mutual background error", error);
        sendResponse({ ok: false, error: { code: "internal", message: error instanceof Error ? error.message : String(error) } });
      });
    return true; // answer asynchronously
  });

  // Anything left unsent by a previous run goes out as soon as we wake.
  browser.runtime.onStartup.addListener(() => void flush(true));
  browser.runtime.onInstalled.addListener(() => {
    void dropLegacyCache();
    createSelectionMenu();
    void migrateLegacySettings().then(bindUnboundWrites).then(() => flush(true));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (isOutboxAlarm(alarm)) void flush();
  });
  void flush();
  startNudges();
  startSelectionMenu();
  startSidePanel();

  browser.commands.onCommand.addListener((command, tab) => {
    // Docked: the tab's sidebar shows or hides (a tab without one has nobody to answer); in side-panel mode, the panel.
    if (command === "toggle-sidebar" && tab) toggleSidebarFor(tab);
  });
});
