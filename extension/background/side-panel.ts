import { browser } from "wxt/browser";
import { commandPlan, sidebarModeFrom, type SidebarMode } from "../../shared/side-panel.ts";
import { sendToTab } from "../messaging/send.ts";
import { openSidePanelRequest, sidebarModeItem, sidePanelPage } from "../messaging/side-panel-link.ts";

/**
 * Chrome's side panel, when the user chose it on the options page: enabled
 * only in that mode (so Chrome's side panel menu does not offer Mutual while
 * it is docked), and opened or closed by the keyboard command. Firefox has
 * no `sidePanel`: there everything here is a no-op and the sidebar is docked.
 */
interface SidePanelApi {
  open(options: { windowId: number }): Promise<void>;
  /** Chrome 141 and later. */
  close?(options: { windowId: number }): Promise<void>;
  setOptions(options: { path?: string; enabled?: boolean }): Promise<void>;
}

function sidePanelApi(): SidePanelApi | undefined {
  return (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
}

/** The mode as last read: null until storage answers (the worker may have just woken for the command). */
let mode: SidebarMode | null = null;

async function applyMode(stored: unknown): Promise<void> {
  const sidePanel = sidePanelApi();
  mode = sidebarModeFrom(stored, sidePanel !== undefined);
  await sidePanel?.setOptions({ path: sidePanelPage.slice(1), enabled: mode === "sidePanel" });
}

export function startSidePanel(): void {
  void sidebarModeItem.getValue().then(applyMode).catch((error: unknown) => console.error("Mutual side panel", error));
  sidebarModeItem.watch((stored) => void applyMode(stored).catch((error: unknown) => console.error("Mutual side panel", error)));
}

async function closePanel(sidePanel: SidePanelApi, windowId: number): Promise<void> {
  if (sidePanel.close) return sidePanel.close({ windowId });
  // Before Chrome 141: disabling the panel closes it; it is enabled again at once.
  await sidePanel.setOptions({ enabled: false });
  await sidePanel.setOptions({ path: sidePanelPage.slice(1), enabled: true });
}

/**
 * The keyboard command (and anything else the user did: `tab` is where).
 * Synchronous up to `sidePanel.open`, which Chrome refuses outside the
 * user's gesture. Whether the panel was open is asked in the same task,
 * before the open is handled; if it was, it is closed again: a toggle.
 */
export function toggleSidebarFor(tab: { id?: number; windowId?: number }): void {
  const sidePanel = sidePanelApi();
  const plan = commandPlan(sidePanel ? mode : "docked");
  if (plan.openPanel && sidePanel && tab.windowId !== undefined) {
    const windowId = tab.windowId;
    const openBefore = browser.runtime.getContexts({ contextTypes: ["SIDE_PANEL"], windowIds: [windowId] });
    const opened = sidePanel.open({ windowId });
    void Promise.all([openBefore, opened])
      .then(([contexts]) => (contexts.length > 0 ? closePanel(sidePanel, windowId) : undefined))
      // Docked (the panel is disabled) or a window with no panel: nothing to open.
      .catch(() => undefined);
  }
  if (plan.toggleDocked && tab.id !== undefined) void sendToTab(tab.id, { type: "toggleSidebar" });
}

/**
 * "Log as promise" from the selection menu (a user gesture too): in
 * side-panel mode the panel opens, in the gesture's own task, to show the
 * form the tab's content script then asks for.
 */
export function openSidePanelIfChosen(tab: { windowId?: number }): void {
  const sidePanel = sidePanelApi();
  if (mode !== "sidePanel" || !sidePanel || tab.windowId === undefined) return;
  void sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
}

/**
 * Answers `openSidePanelRequest` at once, before any other handling: Chrome
 * carries the click's gesture into this listener's own task only. True when
 * the message was that request (it has no reply).
 */
export function openSidePanelOnRequest(message: unknown, sender: { id?: string; tab?: { windowId?: number } }): boolean {
  if ((message as { type?: unknown } | null)?.type !== openSidePanelRequest.type) return false;
  if (sender.id === browser.runtime.id && sender.tab) openSidePanelIfChosen(sender.tab);
  return true;
}
