import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { runSidebar } from "../../extension/content/sidebar-controller.ts";
import type { SiteAdapter } from "../../extension/sites/site-adapter.ts";
import { collapsedItem } from "../../extension/sidebar/store.ts";
import { fakeContentContext } from "./fake-content-context.ts";

/**
 * The room the sidebar takes is set in the same task the content script
 * starts in, at document_start: not after extension storage answers, which on
 * a busy machine can be after the parser has finished and the page has laid
 * itself out once at full width.
 */
const site = {} as SiteAdapter;
let end = () => {};
afterEach(() => {
  end();
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe("the sidebar's room on the host page", () => {
  it("is the open panel's width before the stored choice is read, then what the user chose", async () => {
    let answer!: (collapsed: boolean) => void;
    vi.spyOn(collapsedItem, "getValue").mockReturnValue(new Promise((resolve) => (answer = resolve)));
    // At document_start there is no <body> yet: the frame waits for one, and this test stops before it.
    const body = document.body;
    body.remove();
    const started = fakeContentContext();
    end = () => {
      started.end();
      document.documentElement.append(body);
    };
    void runSidebar(started.ctx, site);
    expect(document.documentElement.style.marginRight).toBe("360px");
    answer(true);
    await vi.waitFor(() => expect(document.documentElement.style.marginRight).toBe("40px"));
  });

  it("gives the room back when the content script ends", async () => {
    vi.spyOn(collapsedItem, "getValue").mockReturnValue(new Promise(() => {}));
    const started = fakeContentContext();
    void runSidebar(started.ctx, site);
    started.end();
    expect(document.documentElement.style.marginRight).toBe("");
  });
});
