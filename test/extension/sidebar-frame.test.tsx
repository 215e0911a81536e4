import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { lookupEntryItem } from "../../extension/messaging/lookup-cache-entry.ts";
import { runSidebarFrame } from "../../extension/sidebar/frame-controller.tsx";
import { collapsed } from "../../extension/sidebar/store.ts";

/**
 * The sidebar's frame draws for its own content script only: the port named
 * with the nonce in its URL, from a tab's top frame. A copy of the frame that
 * anything else opened, or reached by another port, stays empty.
 */
type Listener = (port: FakePort) => void;
interface FakePort {
  name: string;
  sender?: { tab?: { id: number }; frameId?: number };
  onMessage: { addListener(fn: (message: unknown) => void): void };
  postMessage: ReturnType<typeof vi.fn>;
  deliver(message: unknown): void;
}

function fakePort(name: string, sender: FakePort["sender"]): FakePort {
  const listeners: ((message: unknown) => void)[] = [];
  return {
    name, sender, postMessage: vi.fn(),
    onMessage: { addListener: (fn) => listeners.push(fn) },
    deliver: (message) => listeners.forEach((fn) => fn(message)),
  };
}

let root: HTMLElement;
let connect: Listener;
beforeEach(() => {
  fakeBrowser.reset();
  // The outbox and lookups the frame asks for: the background is not there.
  vi.spyOn(browser.runtime, "sendMessage").mockResolvedValue(undefined);
  // fakeBrowser does not implement ports: catch the frame's onConnect listener.
  Object.defineProperty(browser.runtime, "onConnect", { configurable: true, value: { addListener: (fn: Listener) => (connect = fn) } });
  history.replaceState(null, "", "/sidebar-frame.html?link=n0nce");
  root = document.createElement("div");
  document.body.append(root);
  collapsed.value = true;
  runSidebarFrame(root);
});
afterEach(() => {
  root.remove();
  vi.restoreAllMocks();
});

const tab = { tab: { id: 7 }, frameId: 0 };

describe("the sidebar's frame", () => {
  it.each([
    ["another nonce", fakePort("mutual-sidebar:guess", tab)],
    ["a frame inside the page", fakePort("mutual-sidebar:n0nce", { tab: { id: 7 }, frameId: 3 })],
    ["an extension page (no tab)", fakePort("mutual-sidebar:n0nce", { frameId: 0 })],
  ])("draws nothing for a port from %s", (_name, port) => {
    act(() => connect(port));
    expect(root.innerHTML).toBe("");
  });

  it("draws once its content script connects, follows its toggle state, and tells it the partners shown", () => {
    const port = fakePort("mutual-sidebar:n0nce", tab);
    expect(root.innerHTML).toBe("");
    act(() => connect(port));
    const tabButton = root.querySelector("button.tab") as HTMLButtonElement;
    expect(tabButton.getAttribute("aria-label")).toBe("Open Mutual");
    act(() => port.deliver({ type: "collapsed", collapsed: false }));
    expect(root.querySelector("aside.panel")).not.toBeNull();
    act(() => port.deliver({ type: "collapsed", collapsed: true }));
    expect(root.querySelector("aside.panel")).toBeNull();
    expect(port.postMessage).toHaveBeenCalledWith({ type: "partners", partners: [] });
  });

  it("tells its content script which page it holds a cached lookup for, so the page is not looked up ahead", async () => {
    await lookupEntryItem("gmail:cached").setValue({ inputs: "x", data: { matches: [] }, fetchedAt: "2026-12-01T02:00:00.000Z", people: { emails: [], companyDomains: [] } });
    const port = fakePort("mutual-sidebar:n0nce", tab);
    act(() => connect(port));
    port.deliver({ type: "navigating", urlKey: "gmail:not-cached" });
    port.deliver({ type: "navigating", urlKey: "gmail:cached" });
    await vi.waitFor(() => expect(port.postMessage).toHaveBeenCalledWith({ type: "cached", urlKey: "gmail:cached" }));
    expect(port.postMessage).not.toHaveBeenCalledWith({ type: "cached", urlKey: "gmail:not-cached" });
  });
});
