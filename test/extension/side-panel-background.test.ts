import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { openSidePanelIfChosen, openSidePanelOnRequest, startSidePanel, toggleSidebarFor } from "../../extension/background/side-panel.ts";
import { sidebarModeItem } from "../../extension/messaging/side-panel-link.ts";

/**
 * The background's side of the side panel: enabled only in that mode, and
 * the keyboard command opens it within the command's own task (Chrome
 * refuses `sidePanel.open` after an await), closing it if it was open.
 */
let sidePanel: { open: ReturnType<typeof vi.fn>; close: ReturnType<typeof vi.fn>; setOptions: ReturnType<typeof vi.fn> };
let openPanels: number;
let toTab: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  fakeBrowser.reset();
  sidePanel = { open: vi.fn().mockResolvedValue(undefined), close: vi.fn().mockResolvedValue(undefined), setOptions: vi.fn().mockResolvedValue(undefined) };
  (browser as { sidePanel?: unknown }).sidePanel = sidePanel;
  openPanels = 0;
  Object.defineProperty(browser.runtime, "getContexts", { configurable: true, value: vi.fn(async () => Array.from({ length: openPanels }, () => ({ contextType: "SIDE_PANEL" }))) });
  toTab = vi.spyOn(browser.tabs, "sendMessage").mockResolvedValue(undefined);
});
afterEach(() => {
  delete (browser as { sidePanel?: unknown }).sidePanel;
  vi.restoreAllMocks();
});

async function inMode(mode: "docked" | "sidePanel") {
  await sidebarModeItem.setValue(mode);
  startSidePanel();
  await vi.waitFor(() => expect(sidePanel.setOptions).toHaveBeenLastCalledWith({ path: "sidepanel.html", enabled: mode === "sidePanel" }));
}

describe("the side panel in the background", () => {
  it("in side-panel mode, the command opens the panel in its own task and leaves the tab alone", async () => {
    await inMode("sidePanel");
    toggleSidebarFor({ id: 7, windowId: 3 });
    // Synchronously: no await stood between the command and the open.
    expect(sidePanel.open).toHaveBeenCalledWith({ windowId: 3 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sidePanel.close).not.toHaveBeenCalled();
    expect(toTab).not.toHaveBeenCalled();
  });

  it("closes the panel when it was open already", async () => {
    await inMode("sidePanel");
    openPanels = 1;
    toggleSidebarFor({ id: 7, windowId: 3 });
    await vi.waitFor(() => expect(sidePanel.close).toHaveBeenCalledWith({ windowId: 3 }));
  });

  it("docked, the command toggles the tab's sidebar and the panel stays disabled", async () => {
    await inMode("docked");
    toggleSidebarFor({ id: 7, windowId: 3 });
    expect(sidePanel.open).not.toHaveBeenCalled();
    expect(toTab).toHaveBeenCalledWith(7, { type: "toggleSidebar" });
  });

  it("follows a change of mode", async () => {
    await inMode("docked");
    await sidebarModeItem.setValue("sidePanel");
    await vi.waitFor(() => expect(sidePanel.setOptions).toHaveBeenLastCalledWith({ path: "sidepanel.html", enabled: true }));
    openSidePanelIfChosen({ windowId: 4 });
    expect(sidePanel.open).toHaveBeenCalledWith({ windowId: 4 });
  });
});

describe("the content script's request to open the panel", () => {
  it("opens it at once in side-panel mode, for our own content scripts' tabs only", async () => {
    await inMode("sidePanel");
    expect(openSidePanelOnRequest({ type: "openSidePanel" }, { id: "someone-else", tab: { windowId: 2 } })).toBe(true);
    expect(sidePanel.open).not.toHaveBeenCalled();
    expect(openSidePanelOnRequest({ type: "openSidePanel" }, { id: browser.runtime.id, tab: { windowId: 2 } })).toBe(true);
    expect(sidePanel.open).toHaveBeenCalledWith({ windowId: 2 });
    expect(openSidePanelOnRequest({ type: "lookup" }, { id: browser.runtime.id, tab: { windowId: 2 } })).toBe(false);
  });

  it("does nothing while docked", async () => {
    await inMode("docked");
    openSidePanelOnRequest({ type: "openSidePanel" }, { id: browser.runtime.id, tab: { windowId: 2 } });
    expect(sidePanel.open).not.toHaveBeenCalled();
  });
});
