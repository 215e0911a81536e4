import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { followedTab, runSidePanel, type PanelTabs } from "../../extension/sidebar/panel-controller.tsx";
import type { PageContext } from "../../extension/sites/page-context.ts";

/**
 * The side panel follows the active tab of its window, and trusts only the
 * port it opened itself to that tab: a port it dropped (the tab left
 * behind) says nothing any more, and it answers no port anyone else opens.
 */
interface FakePort {
  tabId: number;
  postMessage: ReturnType<typeof vi.fn>;
  disconnect: ReturnType<typeof vi.fn>;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
  deliver(message: unknown): void;
  /** The other end went away (no content script, or its page unloaded). */
  close(): void;
}

function fakeTabs(activeTabId: number) {
  const ports: FakePort[] = [];
  let activated: (tabId: number, windowId: number) => void = () => undefined;
  let completed: (tabId: number) => void = () => undefined;
  const tabs: PanelTabs = {
    windowId: async () => 1,
    activeTab: async () => activeTabId,
    onActivated: (fn) => (activated = fn),
    onComplete: (fn) => (completed = fn),
    connect: (tabId) => {
      const messages: ((message: unknown) => void)[] = [];
      const closes: (() => void)[] = [];
      const port: FakePort = {
        tabId, postMessage: vi.fn(), disconnect: vi.fn(),
        onMessage: { addListener: (fn) => messages.push(fn) },
        onDisconnect: { addListener: (fn) => closes.push(fn) },
        deliver: (message) => act(() => messages.forEach((fn) => fn(message))),
        close: () => act(() => closes.forEach((fn) => fn())),
      };
      ports.push(port);
      return port as never;
    },
  };
  return { tabs, ports, activate: (tabId: number, windowId = 1) => act(() => activated(tabId, windowId)), complete: (tabId: number) => act(() => completed(tabId)) };
}

const unreadable = (reason: string): PageContext => ({ kind: "unreadable", site: "gmail", selector: reason, reason });
const page = (reason: string) => ({ type: "page", context: unreadable(reason), pageKey: null, href: "https://mail.google.com/mail/u/0/#inbox", visit: 1, lookedAhead: false });

let root: HTMLElement;
const connectListener = vi.fn();
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(browser.runtime, "sendMessage").mockResolvedValue(undefined);
  Object.defineProperty(browser.runtime, "onConnect", { configurable: true, value: { addListener: connectListener, removeListener: vi.fn() } });
  followedTab.value = { state: "none" };
  root = document.createElement("div");
  document.body.append(root);
});
afterEach(() => {
  root.remove();
  vi.restoreAllMocks();
});

async function started(activeTabId: number) {
  const fake = fakeTabs(activeTabId);
  await act(() => runSidePanel(root, fake.tabs));
  return fake;
}

describe("the side panel", () => {
  it("shows what the active tab's content script reports, open, with a Close button", async () => {
    const { ports } = await started(10);
    expect(ports.map((port) => port.tabId)).toEqual([10]);
    expect(root.textContent).toContain("Reading this tab…");
    ports[0]!.deliver({ type: "collapsed", collapsed: true });
    ports[0]!.deliver(page("tab ten"));
    expect(root.textContent).toContain("couldn't read this page (tab ten)");
    expect(root.textContent).not.toContain("Reading this tab");
    expect(root.querySelector("aside.panel")).not.toBeNull();
    expect(root.querySelector("button[aria-label^='Close Mutual']")).not.toBeNull();
  });

  it("follows the tab activated in its window, and ignores what the tab left behind says late", async () => {
    const fake = await started(10);
    fake.ports[0]!.deliver(page("tab ten"));
    fake.activate(11);
    expect(fake.ports[0]!.disconnect).toHaveBeenCalled();
    expect(root.textContent).not.toContain("tab ten");
    fake.ports[0]!.deliver(page("late from ten"));
    fake.ports[1]!.deliver(page("tab eleven"));
    fake.ports[0]!.deliver(page("later from ten"));
    expect(root.textContent).toContain("(tab eleven)");
    expect(root.textContent).not.toContain("from ten");
    // Another window's tab is that window's panel's business.
    fake.activate(12, 2);
    expect(fake.ports).toHaveLength(2);
  });

  it("says so on a tab with no content script of ours, and asks again once the tab loads another page", async () => {
    const fake = await started(10);
    fake.ports[0]!.close();
    expect(root.textContent).toContain("This tab is not on a site Mutual reads");
    fake.complete(10);
    expect(fake.ports).toHaveLength(2);
    fake.ports[1]!.deliver(page("now gmail"));
    expect(root.textContent).toContain("(now gmail)");
    expect(root.textContent).not.toContain("not on a site Mutual reads");
  });

  it("drops the theme of the tab left behind with its page", async () => {
    const fake = await started(10);
    fake.ports[0]!.deliver({ type: "pageTheme", dark: true });
    expect(document.documentElement.dataset.theme).toBe("dark");
    fake.activate(11);
    expect(document.documentElement.dataset.theme).toBe("light");
  });

  it("tells the followed tab the partners shown (for the popup), and nobody else", async () => {
    const fake = await started(10);
    fake.activate(11);
    fake.ports[1]!.deliver(page("tab eleven"));
    expect(fake.ports[1]!.postMessage).toHaveBeenCalledWith({ type: "partners", partners: [] });
    expect(fake.ports[0]!.postMessage).not.toHaveBeenCalled();
  });

  it("listens to no port that others open, and ignores messages that are not the page's", async () => {
    const fake = await started(10);
    expect(connectListener).not.toHaveBeenCalled();
    fake.ports[0]!.deliver({ type: "write", write: {} });
    fake.ports[0]!.deliver("page");
    expect(followedTab.value).toEqual({ state: "connecting", tabId: 10 });
  });
});
