import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { lookupEntryItem, lookupInputsKey } from "../../extension/messaging/lookup-cache-entry.ts";
import { pageLookups } from "../../extension/sidebar/frame-controller.tsx";
import { forgetPageSettled, pageIdle } from "../../extension/sidebar/page-settled.ts";
import { lookupState } from "../../extension/sidebar/store.ts";
import { queryFor } from "../../extension/content/page-query.ts";
import type { EmailContext } from "../../extension/sites/page-context.ts";

/**
 * The frame's lookups of one page: a write landing (outbox) looks the page up
 * again. The background's replies are held until each test releases them, in
 * the order it chooses, as a busy API might answer.
 */
const context: EmailContext = {
  kind: "email", site: "gmail", threadId: "T1", messageIds: ["m1"], subject: "MDF", ownAddress: "me@northwind-cloud.com",
  emails: ["jo@acme.co.uk"], url: "https://mail.google.com/mail/u/0/#inbox/T1",
  messages: [{ id: "m1", timeText: "Mon, Nov 30, 2026, 4:05 PM", from: "jo@acme.co.uk", to: ["me@northwind-cloud.com"], text: null }],
};
const pageKey = "gmail:T1";
const people = { emails: ["jo@acme.co.uk"], companyDomains: ["acme.co.uk"] };
const partner = { id: `ptr_${"a".repeat(24)}`, name: "Acme" };
const lookupAnswer = (fetchedAt: string) => ({ ok: true, data: { data: { matches: [{ partner, health: { score: 70, band: "healthy" } }] }, fetchedAt, fromCache: false, people } });

interface Held { message: { type: string }; release(reply: unknown): void }
let held: Held[] = [];
const sendMessage = vi.fn((message: { type: string }) => {
  if (message.type === "capture") return Promise.resolve({ ok: true, data: { state: "logged", count: 1, captureId: "cap_1", outboxId: null, error: null } });
  return new Promise((resolve) => held.push({ message, release: resolve }));
});
const lookupsAsked = () => sendMessage.mock.calls.filter(([message]) => message.type === "lookup").length;
const capturesSent = () => sendMessage.mock.calls.filter(([message]) => message.type === "capture").length;
const settleTasks = () => new Promise((resolve) => setTimeout(resolve, 10));

let lookups: ReturnType<typeof pageLookups>;
beforeEach(() => {
  fakeBrowser.reset();
  lookups = pageLookups();
  forgetPageSettled();
  held = [];
  sendMessage.mockClear();
  vi.spyOn(browser.runtime, "sendMessage").mockImplementation(sendMessage as unknown as typeof browser.runtime.sendMessage);
});
afterEach(() => {
  // Leaves the page: nothing of one test's page goes on into the next.
  lookups.clear();
  vi.restoreAllMocks();
  forgetPageSettled();
});

describe("the frame's lookups of one page", () => {
  it("paints the newest lookup's answer when an older one arrives after it", async () => {
    lookups.navigating(pageKey);
    lookups.shown({ type: "page", context, pageKey, href: context.url, visit: 1, lookedAhead: false });
    await vi.waitFor(() => expect(held).toHaveLength(1));
    held[0]!.release(lookupAnswer("2026-12-01T10:00:00.000Z"));
    await vi.waitFor(() => expect(lookupState.value.fetchedAt).toBe("2026-12-01T10:00:00.000Z"));

    // Two writes land one after the other; the API answers the second first.
    lookups.again();
    lookups.again();
    await vi.waitFor(() => expect(held).toHaveLength(3));
    held[2]!.release(lookupAnswer("2026-12-01T10:00:02.000Z"));
    await vi.waitFor(() => expect(lookupState.value.fetchedAt).toBe("2026-12-01T10:00:02.000Z"));
    held[1]!.release(lookupAnswer("2026-12-01T10:00:01.000Z"));
    await settleTasks();
    expect(lookupState.value).toMatchObject({ status: "ready", fetchedAt: "2026-12-01T10:00:02.000Z" });
  });

  it("asks the API once when a write lands while a page painted from cache waits for the host page, and still logs the thread once", async () => {
    await lookupEntryItem(pageKey).setValue({ inputs: lookupInputsKey(queryFor(context)!), data: lookupAnswer("2026-12-01T09:00:00.000Z").data.data as never, fetchedAt: "2026-12-01T09:00:00.000Z", people });
    lookups.navigating(pageKey);
    lookups.shown({ type: "page", context, pageKey, href: context.url, visit: 1, lookedAhead: false });
    await vi.waitFor(() => expect(lookupState.value).toMatchObject({ fromCache: true, fetchedAt: "2026-12-01T09:00:00.000Z" }));
    expect(lookupsAsked()).toBe(0);

    lookups.again();
    await vi.waitFor(() => expect(lookupsAsked()).toBe(1));
    held[0]!.release(lookupAnswer("2026-12-01T10:00:00.000Z"));
    await vi.waitFor(() => expect(lookupState.value).toMatchObject({ status: "ready", fromCache: false }));

    pageIdle(1);
    await vi.waitFor(() => expect(capturesSent()).toBe(1));
    await settleTasks();
    expect(lookupsAsked()).toBe(1);
    expect(capturesSent()).toBe(1);
  });

  it("logs nothing of a page left before its lookup answered", async () => {
    lookups.shown({ type: "page", context, pageKey, href: context.url, visit: 1, lookedAhead: false });
    await vi.waitFor(() => expect(held).toHaveLength(1));
    lookups.clear();
    held[0]!.release(lookupAnswer("2026-12-01T10:00:00.000Z"));
    pageIdle(1);
    await settleTasks();
    expect(capturesSent()).toBe(0);
    expect(lookupState.value.status).toBe("idle");
  });
});
