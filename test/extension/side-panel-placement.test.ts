import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { isOurSidePanel } from "../../extension/content/panel-link.ts";
import { runSidebar, type SidebarHandle } from "../../extension/content/sidebar-controller.ts";
import { sidebarModeItem } from "../../extension/messaging/side-panel-link.ts";
import type { SiteAdapter } from "../../extension/sites/site-adapter.ts";
import { collapsedItem } from "../../extension/sidebar/store.ts";
import { fakeContentContext } from "./fake-content-context.ts";

/**
 * In side-panel mode the content script still reads the page, but the page
 * keeps its width and gets no frame; changing the mode moves the sidebar on
 * open tabs without a reload. Its side panel port answers our panel page only.
 */
const site: SiteAdapter = {
  site: "gmail",
  headerHeightPx: 64,
  pageKey: () => null,
  readPage: async () => ({ kind: "nothing-to-show", site: "gmail" }),
};
const frameHost = () => document.querySelector("mutual-sidebar");

let end = () => {};
beforeEach(() => {
  fakeBrowser.reset();
  // fakeBrowser has no ports: the side panel's listener is caught and never called here.
  Object.defineProperty(browser.runtime, "onConnect", { configurable: true, value: { addListener: vi.fn(), removeListener: vi.fn() } });
});
afterEach(() => {
  end();
  vi.restoreAllMocks();
});

async function start() {
  const started = fakeContentContext();
  end = started.end;
  void runSidebar(started.ctx, site);
  // Until storage answers, the page is treated as docked (room made at document_start).
  expect(document.documentElement.style.marginRight).toBe("360px");
}

describe("the sidebar's place on the page", () => {
  it("in side-panel mode, gives the page its width back and mounts no frame", async () => {
    await sidebarModeItem.setValue("sidePanel");
    await start();
    await vi.waitFor(() => expect(document.documentElement.style.marginRight).toBe(""));
    // Long enough for the docked frame to have been mounted, had it been docked.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(frameHost()).toBeNull();
    expect(document.documentElement.style.marginRight).toBe("");
  });

  it("moves between docked and the side panel as the setting changes, without a reload", async () => {
    await start();
    await vi.waitFor(() => expect(frameHost()).not.toBeNull());
    // Nothing to show on this page: the sidebar folds to its rail.
    await vi.waitFor(() => expect(document.documentElement.style.marginRight).toBe("40px"));
    await sidebarModeItem.setValue("sidePanel");
    await vi.waitFor(() => expect(frameHost()).toBeNull());
    expect(document.documentElement.style.marginRight).toBe("");
    await sidebarModeItem.setValue("docked");
    await vi.waitFor(() => expect(frameHost()).not.toBeNull());
    // The room the docked sidebar had, back as it was.
    expect(document.documentElement.style.marginRight).toBe("40px");
  });

  it("ignores the keyboard command's toggle in side-panel mode (the background opens the panel)", async () => {
    await sidebarModeItem.setValue("sidePanel");
    const listeners: ((message: unknown, sender: unknown, reply: (answer: unknown) => void) => boolean)[] = [];
    vi.spyOn(browser.runtime.onMessage, "addListener").mockImplementation((fn) => void listeners.push(fn as never));
    await start();
    await vi.waitFor(() => expect(listeners.length).toBe(1));
    const remembered = vi.spyOn(collapsedItem, "setValue");
    listeners[0]!({ type: "toggleSidebar" }, {}, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The docked sidebar's open-or-collapsed choice is the user's, and is not touched.
    expect(remembered).not.toHaveBeenCalled();
    expect(document.documentElement.style.marginRight).toBe("");
    expect(frameHost()).toBeNull();
  });
});

describe("a site feature asking to show the sidebar (Gmail's \"Log as promise\" button)", () => {
  it.each([["sidePanel", 1], ["docked", 0]] as const)("in %s mode, asks the background to open the side panel %i times", async (mode, times) => {
    await sidebarModeItem.setValue(mode);
    const asked = vi.spyOn(browser.runtime, "sendMessage").mockResolvedValue(undefined);
    const started = fakeContentContext();
    end = started.end;
    let handle: SidebarHandle | undefined;
    void runSidebar(started.ctx, site, (sidebar) => (handle = sidebar));
    await vi.waitFor(() => expect(handle).toBeDefined());
    handle!.open();
    expect(asked.mock.calls.filter(([message]) => (message as { type?: string }).type === "openSidePanel")).toHaveLength(times);
  });
});

describe("the content script's side panel port", () => {
  const panelUrl = "chrome-extension://ours/sidepanel.html";
  const port = (name: string, sender: object) => ({ name, sender }) as Parameters<typeof isOurSidePanel>[0];

  it("answers our side panel page only", () => {
    expect(isOurSidePanel(port("mutual-side-panel", { id: "ours", url: panelUrl }), "ours", panelUrl)).toBe(true);
    expect(isOurSidePanel(port("mutual-side-panel", { id: "ours", url: `${panelUrl}?x=1` }), "ours", panelUrl)).toBe(true);
  });

  it.each([
    ["another extension", port("mutual-side-panel", { id: "theirs", url: "chrome-extension://theirs/sidepanel.html" })],
    ["our sidebar frame", port("mutual-side-panel", { id: "ours", url: "chrome-extension://ours/sidebar-frame.html?link=n" })],
    ["another port name", port("mutual-sidebar:n0nce", { id: "ours", url: panelUrl })],
    ["no sender", port("mutual-side-panel", {})],
  ])("refuses %s", (_name, candidate) => {
    expect(isOurSidePanel(candidate, "ours", panelUrl)).toBe(false);
  });
});
