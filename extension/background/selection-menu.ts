import { browser } from "wxt/browser";
import { promiseFromSelectionMessage } from "../messaging/selection-messages.ts";
import { openSidePanelIfChosen } from "./side-panel.ts";

/**
 * "Log as promise" in the menu of text selected in Gmail: tells that tab's
 * content script, which reads the selection and its message itself and opens
 * the sidebar's promise form.
 */
const menuId = "mutual-log-promise";

/** Menus outlive the worker: made once, on install or update. */
export function createSelectionMenu(): void {
  browser.contextMenus.create({ id: menuId, title: "Log as promise", contexts: ["selection"], documentUrlPatterns: ["https://mail.google.com/*"] }, () => {
    // A menu left by the previous version answers "duplicate id": nothing to do.
    void browser.runtime.lastError;
  });
}

export function startSelectionMenu(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== menuId || tab?.id === undefined) return;
    openSidePanelIfChosen(tab);
    void browser.tabs.sendMessage(tab.id, promiseFromSelectionMessage, { frameId: info.frameId ?? 0 }).catch(() => undefined);
  });
}
