import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { listenForSidePanel } from "../../extension/content/panel-link.ts";

/**
 * The content script's end of the side panel's port: our panel page only,
 * told what the page shows when it connects, and a "Log as promise" asked
 * for just before the panel opened.
 */
type Listener = (port: unknown) => void;
let connect: Listener;
const ctx = { onInvalidated: () => undefined } as unknown as ContentScriptContext;
const getURL = (path: string) => (browser.runtime as unknown as { getURL(path: string): string }).getURL(path);
const panelUrl = () => getURL("/sidepanel.html");
function port(url: string, id = browser.runtime.id) {
  return { name: "mutual-side-panel", sender: { id, url }, postMessage: vi.fn(), onMessage: { addListener: vi.fn() }, onDisconnect: { addListener: vi.fn() } };
}

beforeEach(() => {
  fakeBrowser.reset();
  Object.defineProperty(browser.runtime, "onConnect", { configurable: true, value: { addListener: (fn: Listener) => (connect = fn), removeListener: vi.fn() } });
});
afterEach(() => vi.useRealTimers());

const page = { type: "page", context: { kind: "nothing-to-show", site: "gmail" }, pageKey: null, href: "https://mail.google.com/", visit: 1, lookedAhead: false } as const;
const selection = { type: "promiseFromSelection", selection: { sentence: "We'll send it Friday.", messageId: "m1" } } as never;

describe("the side panel's port in the content script", () => {
  it("tells our panel what the page shows as it connects; a page of another extension or our frame hears nothing", () => {
    const link = listenForSidePanel(ctx, () => undefined);
    link.post(page);
    const ours = port(panelUrl());
    const frame = port(getURL("/sidebar-frame.html"));
    const theirs = port("chrome-extension://other/sidepanel.html", "other");
    [ours, frame, theirs].forEach((candidate) => connect(candidate));
    expect(ours.postMessage).toHaveBeenCalledWith(page);
    expect(frame.postMessage).not.toHaveBeenCalled();
    expect(theirs.postMessage).not.toHaveBeenCalled();
  });

  it("keeps a request made while no panel listened for the panel opening for it, briefly and once", () => {
    vi.useFakeTimers();
    const link = listenForSidePanel(ctx, () => undefined);
    link.post(selection);
    const first = port(panelUrl());
    connect(first);
    expect(first.postMessage).toHaveBeenCalledWith(selection);
    const second = port(panelUrl());
    connect(second);
    expect(second.postMessage).not.toHaveBeenCalledWith(selection);
  });

  it("drops such a request if no panel came for it within seconds", () => {
    vi.useFakeTimers();
    const link = listenForSidePanel(ctx, () => undefined);
    link.post(selection);
    vi.advanceTimersByTime(11_000);
    const late = port(panelUrl());
    connect(late);
    expect(late.postMessage).not.toHaveBeenCalled();
  });
});
