import { afterEach, describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { pageReader } from "../../extension/content/sidebar-controller.ts";
import type { ToFrame } from "../../extension/messaging/frame-link.ts";
import type { PageContext } from "../../extension/sites/page-context.ts";
import type { SiteAdapter } from "../../extension/sites/site-adapter.ts";

/**
 * The page's theme is read with getComputedStyle, which restyles whatever
 * the page changed since its last frame. Read straight after Gmail drew a
 * thread of a hundred messages, it restyled all of them inside our task
 * (bench/extension-heavy.ts): it is read before the page draws, and again
 * only after the page's next frame.
 */
const thread: PageContext = { kind: "nothing-to-show", site: "gmail" };

function fakeContext() {
  const frames: (() => void)[] = [];
  const idle: (() => void)[] = [];
  const ctx = {
    onInvalidated: () => undefined,
    requestAnimationFrame: (callback: () => void) => frames.push(callback),
    requestIdleCallback: (callback: () => void) => idle.push(callback),
    setTimeout: (callback: () => void) => setTimeout(callback, 0),
  } as unknown as ContentScriptContext;
  return { ctx, runFrame: () => frames.splice(0).forEach((callback) => callback()), runIdle: () => idle.splice(0).forEach((callback) => callback()) };
}

/** A Gmail thread with one partner address, as the adapter reads it. */
const partnerThread: PageContext = {
  kind: "email", site: "gmail", threadId: "t1", messageIds: [], subject: "Plan", ownAddress: "me@northwind-cloud.com",
  emails: ["jo@acme.co.uk"], url: "https://mail.google.com/mail/u/0/#inbox/t1",
};

/** The background's reply; sendMessage's overloads don't type a mock's resolved value. */
const answered = (async () => ({ ok: true, data: null })) as unknown as typeof browser.runtime.sendMessage;

function recordingFrame() {
  const posted: ToFrame[] = [];
  return { posted, frame: { post: (message: ToFrame) => posted.push(message), setOpen: () => undefined, remove: () => undefined } };
}

afterEach(() => vi.restoreAllMocks());

describe("reading a page for the sidebar", () => {
  it("reads the page's theme before the page draws what the URL names, never between drawing and the read", async () => {
    const events: string[] = [];
    let draw!: (context: PageContext) => void;
    const site = {
      pageKey: () => null,
      readPage: () => new Promise<PageContext>((resolve) => (draw = (context) => {
        events.push("page drawn and read");
        resolve(context);
      })),
    } as unknown as SiteAdapter;
    const frame = { post: (message: ToFrame) => events.push(message.type), setOpen: () => undefined, remove: () => undefined };
    const real = window.getComputedStyle.bind(window);
    vi.spyOn(window, "getComputedStyle").mockImplementation((element) => {
      events.push("getComputedStyle");
      return real(element);
    });
    const { ctx, runFrame } = fakeContext();
    const refresh = pageReader(ctx, site, frame, () => undefined);
    const done = refresh();
    draw(thread);
    await done;
    expect(events).toEqual(["navigating", "getComputedStyle", "pageTheme", "page drawn and read", "page"]);
    // Once the page has drawn its frame (style clean), the theme is read again, in case it came late.
    runFrame();
    await vi.waitFor(() => expect(events.slice(5)).toEqual(["getComputedStyle", "pageTheme"]));
  });

  it("tells the frame when the page is idle after showing a page, for that visit only", async () => {
    vi.spyOn(browser.runtime, "sendMessage").mockImplementation(answered);
    const site = { pageKey: () => "gmail:t1", readPage: async () => thread } as unknown as SiteAdapter;
    const { posted, frame } = recordingFrame();
    const { ctx, runFrame, runIdle } = fakeContext();
    const refresh = pageReader(ctx, site, frame, () => undefined);
    await refresh();
    expect(posted.filter((m) => m.type === "pageIdle")).toEqual([]);
    // A second navigation before the page went idle: only the newer visit is reported.
    await refresh();
    // Idle only after the page's next frame has drawn what it showed.
    runIdle();
    expect(posted.filter((m) => m.type === "pageIdle")).toEqual([]);
    runFrame();
    runIdle();
    expect(posted.filter((m) => m.type === "page").map((m) => (m as { visit: number }).visit)).toEqual([1, 2]);
    expect(posted.filter((m) => m.type === "pageIdle")).toEqual([{ type: "pageIdle", visit: 2 }]);
  });

  it("looks the page up ahead of the frame unless the frame holds it cached", async () => {
    const sent = vi.spyOn(browser.runtime, "sendMessage").mockImplementation(answered);
    const site = { pageKey: () => "gmail:t1", readPage: async () => partnerThread } as unknown as SiteAdapter;
    const { posted, frame } = recordingFrame();
    let cached: string | null = null;
    const refresh = pageReader(fakeContext().ctx, site, frame, () => undefined, () => true, () => cached);
    await refresh();
    expect(sent.mock.calls.map(([message]) => (message as { ahead?: string }).ahead)).toEqual(["start"]);
    cached = "gmail:t1";
    await refresh();
    expect(sent).toHaveBeenCalledTimes(1);
    expect(posted.filter((m) => m.type === "page").map((m) => (m as { lookedAhead: boolean }).lookedAhead)).toEqual([true, false]);
  });
});
