import { afterEach, describe, expect, it, vi } from "vitest";
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
  const ctx = {
    onInvalidated: () => undefined,
    requestAnimationFrame: (callback: () => void) => frames.push(callback),
    setTimeout: (callback: () => void) => setTimeout(callback, 0),
  } as unknown as ContentScriptContext;
  return { ctx, runFrame: () => frames.splice(0).forEach((callback) => callback()) };
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
});
