import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { LookupCacheEntry } from "../../extension/messaging/lookup-cache-entry.ts";
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
    const done = createLookupFlow().lookUp({ emails: ["ann@acme.co.uk"] }, "gmail:thread-1", early, new AbortController().signal);
    await Promise.resolve();
    expect(sendMessage).toHaveBeenCalledWith({ type: "lookup", query: { emails: ["ann@acme.co.uk"] }, pageKey: "gmail:thread-1" });
    expect(lookupState.value.status).toBe("loading");
    cacheRead(null);
    await done;
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(lookupState.value).toMatchObject({ status: "ready", fromCache: false, people });
  });
});
