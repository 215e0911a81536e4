import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleRequest } from "../../extension/background/handle-request.ts";
import { cacheWritesSettled } from "../../extension/background/lookup-cache.ts";
import type { LookupResult } from "../../shared/schemas/lookup.ts";

/**
 * A cache miss: the content script asks for its page's lookup as soon as it
 * has read the page (`ahead`), and the sidebar's frame asks a few
 * milliseconds later; the API is asked once, and the frame gets that answer.
 * Only the network is replaced (fetch); storage is WXT's in-memory browser.
 */
const apiUrl = "http://api.test";
const token = `mutual_${"b".repeat(40)}`;
let lookups = 0;
let answer: (body: LookupResult) => void = () => {};

beforeEach(async () => {
  fakeBrowser.reset();
  lookups = 0;
  vi.stubGlobal("fetch", async (input: string) => {
    const url = new URL(input);
    if (url.pathname === "/healthz") return Response.json({ ok: true });
    if (url.pathname === "/v1/me") return Response.json({ workspace: { name: "Acme Partners" }, member: { email: "me@example.com" } });
    if (url.pathname !== "/v1/lookup") return Response.json({ error: { code: "not_found", message: "No such thing" } }, { status: 404 });
    lookups += 1;
    // Held until the test answers, as an API that takes its time.
    return new Promise<Response>((resolve) => (answer = (body) => resolve(Response.json(body))));
  });
  expect(await handleRequest({ type: "saveSettings", settings: { apiUrl, token } })).toMatchObject({ ok: true });
});

afterEach(async () => {
  await cacheWritesSettled();
  vi.unstubAllGlobals();
});

const acme: LookupResult = { matches: [] };
const page = { query: { emails: ["ann@acme.co.uk"], ownAddress: "me@example.com" }, pageKey: "gmail:mail.google.com/mail/u/0/#thread-1" };

describe("a lookup asked ahead by the content script", () => {
  it("is the answer the frame's lookup of the same page gets, from one request to the API", async () => {
    const ahead = handleRequest({ type: "lookup", ...page, ahead: "start" });
    const frames = handleRequest({ type: "lookup", ...page, ahead: "join" });
    await vi.waitFor(() => expect(lookups).toBe(1));
    answer(acme);
    expect(await frames).toMatchObject({ ok: true, data: { data: acme } });
    expect(await ahead).toMatchObject({ ok: true, data: { data: acme } });
    expect(lookups).toBe(1);
  });

  it("is taken once: the frame's next lookup of the page (after a write landed) asks the API again", async () => {
    const ahead = handleRequest({ type: "lookup", ...page, ahead: "start" });
    await vi.waitFor(() => expect(lookups).toBe(1));
    answer(acme);
    await ahead;
    expect(await handleRequest({ type: "lookup", ...page, ahead: "join" })).toMatchObject({ ok: true });
    const again = handleRequest({ type: "lookup", ...page, ahead: "join" });
    await vi.waitFor(() => expect(lookups).toBe(2));
    answer(acme);
    await again;
  });

  it("is never taken by a lookup after a write (which does not join), nor reused by the next visit's look-ahead", async () => {
    const ahead = handleRequest({ type: "lookup", ...page, ahead: "start" });
    await vi.waitFor(() => expect(lookups).toBe(1));
    answer(acme);
    await ahead;
    const afterWrite = handleRequest({ type: "lookup", ...page });
    await vi.waitFor(() => expect(lookups).toBe(2));
    answer(acme);
    await afterWrite;
    const nextVisit = handleRequest({ type: "lookup", ...page, ahead: "start" });
    await vi.waitFor(() => expect(lookups).toBe(3));
    answer(acme);
    await nextVisit;
  });

  it("is not joined by a lookup of other people on the page, nor of another page", async () => {
    void handleRequest({ type: "lookup", ...page, ahead: "start" });
    await vi.waitFor(() => expect(lookups).toBe(1));
    void handleRequest({ type: "lookup", ...page, ahead: "join", query: { emails: ["bob@globex.com"], ownAddress: "me@example.com" } });
    void handleRequest({ type: "lookup", ...page, ahead: "join", pageKey: "gmail:mail.google.com/mail/u/0/#thread-2" });
    await vi.waitFor(() => expect(lookups).toBe(3));
  });
});
