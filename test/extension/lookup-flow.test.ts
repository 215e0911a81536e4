import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { lookupInputsKey, type LookupCacheEntry } from "../../extension/messaging/lookup-cache-entry.ts";
import { createLookupFlow } from "../../extension/sidebar/lookup-flow.ts";
import { lookupState } from "../../extension/sidebar/store.ts";

/**
 * The sidebar's lookup on a page: the cache and the API are asked together,
 * so a cache miss paints the API's answer without first waiting for storage.
 */
const people = { emails: ["ann@acme.co.uk"], companyDomains: ["acme.co.uk"] };
const answer = { ok: true, data: { data: { matches: [] }, fetchedAt: "2026-12-01T03:00:00.000Z", fromCache: false, people } };

const sendMessage = vi.fn(async (_message: unknown) => answer);
beforeEach(() => {
  fakeBrowser.reset();
  sendMessage.mockClear();
  // The background's reply; sendMessage's overloads don't type a mock's resolved value.
  vi.spyOn(browser.runtime, "sendMessage").mockImplementation(sendMessage as unknown as typeof browser.runtime.sendMessage);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("the lookup flow", () => {
  it("asks the background for the page while its cache entry is still being read", async () => {
    let cacheRead: (entry: LookupCacheEntry | null) => void = () => {};
    const early = new Promise<LookupCacheEntry | null>((resolve) => (cacheRead = resolve));
    const done = createLookupFlow().lookUp({ emails: ["ann@acme.co.uk"] }, "gmail:thread-1", early, new AbortController().signal, { joinAhead: true });
    await Promise.resolve();
    expect(sendMessage).toHaveBeenCalledWith({ type: "lookup", query: { emails: ["ann@acme.co.uk"] }, pageKey: "gmail:thread-1", ahead: "join" });
    expect(lookupState.value.status).toBe("loading");
    cacheRead(null);
    await done;
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(lookupState.value).toMatchObject({ status: "ready", fromCache: false, people });
  });

  it("paints a cached page at once and asks the API again only once the host page has settled", async () => {
    const query = { emails: ["ann@acme.co.uk"] };
    const entry: LookupCacheEntry = { inputs: lookupInputsKey(query), data: { matches: [] }, fetchedAt: "2026-12-01T02:00:00.000Z", people };
    let settle: () => void = () => {};
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const done = createLookupFlow().lookUp(query, "gmail:thread-1", Promise.resolve(entry), new AbortController().signal, { freshAfter: () => settled });
    await vi.waitFor(() => expect(lookupState.value).toMatchObject({ status: "loading", fromCache: true }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sendMessage).not.toHaveBeenCalled();
    settle();
    await done;
    expect(sendMessage).toHaveBeenCalledWith({ type: "lookup", query, pageKey: "gmail:thread-1" });
    expect(lookupState.value).toMatchObject({ status: "ready", fromCache: false });
  });

  it("asks at once for a page it has no cached answer for, settled or not", async () => {
    const done = createLookupFlow().lookUp({ emails: ["ann@acme.co.uk"] }, "gmail:thread-2", Promise.resolve(null), new AbortController().signal, { freshAfter: () => new Promise<void>(() => {}) });
    await done;
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(lookupState.value).toMatchObject({ status: "ready", fromCache: false });
  });

  it("asks nothing for a cached page left before it settled", async () => {
    const query = { emails: ["ann@acme.co.uk"] };
    const entry: LookupCacheEntry = { inputs: lookupInputsKey(query), data: { matches: [] }, fetchedAt: "2026-12-01T02:00:00.000Z", people };
    const left = new AbortController();
    const done = createLookupFlow().lookUp(query, "gmail:thread-3", Promise.resolve(entry), left.signal, { freshAfter: () => new Promise<void>(() => {}) });
    await vi.waitFor(() => expect(lookupState.value).toMatchObject({ fromCache: true }));
    left.abort();
    await done;
    expect(sendMessage).not.toHaveBeenCalled();
  });
});
