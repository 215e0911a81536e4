import { afterEach, beforeEach, describe, expect, expectTypeOf, it, onTestFinished, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleRequest } from "../../extension/background/handle-request.ts";
import { cacheWritesSettled } from "../../extension/background/lookup-cache.ts";
import { readLookupEntry } from "../../extension/messaging/lookup-cache-entry.ts";
import type { CachedLookup, ConnectionReport, OutboxView, Reply, ReplyTo, WriteReceipt } from "../../extension/messaging/protocol.ts";
import type { send } from "../../extension/messaging/send.ts";
import type { LookupResult } from "../../shared/schemas/lookup.ts";

/**
 * The background's message handler, on WXT's in-memory browser (real
 * storage, no mocks of it) and a stand-in for the API behind `fetch`: only
 * the network is replaced.
 */
const apiUrl = "http://api.test";
const token = `mutual_${"a".repeat(40)}`;

interface ApiCall {
  method: string;
  path: string;
  body: unknown;
}
let calls: ApiCall[] = [];
/** What the stand-in API answers to a path (method and path, e.g. "GET /v1/lookup"); unset paths 404. */
let routes: Record<string, (call: ApiCall) => { status: number; body: unknown }> = {};
let apiDown = false;

beforeEach(() => {
  fakeBrowser.reset();
  calls = [];
  apiDown = false;
  routes = {
    "GET /healthz": () => ({ status: 200, body: { ok: true } }),
    "GET /v1/me": () => ({ status: 200, body: { workspace: { name: "Acme Partners" }, member: { email: "me@example.com" } } }),
  };
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    const url = new URL(input);
    const call = { method: init.method ?? "GET", path: url.pathname + url.search, body: init.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    if (apiDown) throw new TypeError("Failed to fetch");
    const answer = routes[`${call.method} ${url.pathname}`]?.(call) ?? { status: 404, body: { error: { code: "not_found", message: "No such thing" } } };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { "Content-Type": "application/json" } });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function signIn(): Promise<void> {
  const reply = await handleRequest({ type: "saveSettings", settings: { apiUrl: `${apiUrl}/`, token } });
  expect(reply).toMatchObject({ ok: true, data: { state: "connected" } });
  calls = [];
}

const emptyLookup: LookupResult = { matches: [] };
const emptyOutbox: OutboxView = { writes: [], signInNeeded: false, held: [] };

describe("the envelope", () => {
  it("answers a malformed request with invalid_request naming the field", async () => {
    const reply = await handleRequest({ type: "discardWrite" });
    expect(reply).toMatchObject({ ok: false, error: { code: "invalid_request", message: expect.stringMatching(/^id: /) } });
    if (!reply.ok) expect(reply.error.issues?.map((issue) => issue.path)).toEqual(["id"]);
  });

  it("refuses an unknown request type and anything that is not a request", async () => {
    for (const raw of [{ type: "deleteEverything" }, null, "lookup", { query: {} }]) {
      expect(await handleRequest(raw)).toMatchObject({ ok: false, error: { code: "invalid_request" } });
    }
  });

  it("refuses an API path outside what the pages read, before anything is sent", async () => {
    await signIn();
    const reply = await handleRequest({ type: "api", path: "/v1/workspace/members" });
    expect(reply).toMatchObject({ ok: false, error: { code: "invalid_request", issues: [{ path: "path" }] } });
    expect(calls).toEqual([]);
  });
});

describe("lookup", () => {
  it("asks nothing of the API when only the user's own address is on the page", async () => {
    const reply = await handleRequest({ type: "lookup", query: { emails: ["me@example.com"], ownAddress: "me@example.com" } });
    expect(reply).toMatchObject({ ok: true, data: { data: emptyLookup, fromCache: false } });
    expect(calls).toEqual([]);
  });

  it("says Mutual is not connected before it has settings", async () => {
    const reply = await handleRequest({ type: "lookup", query: { emails: ["ann@acme.co.uk"] } });
    expect(reply).toMatchObject({ ok: false, error: { code: "not_configured" } });
  });

  it("looks up the outside people and the record, and caches the answer under the page's key", async () => {
    await signIn();
    routes["GET /v1/lookup"] = () => ({ status: 200, body: emptyLookup });
    const reply = await handleRequest({
      type: "lookup",
      query: { emails: ["me@example.com", "Ann@Acme.co.uk", "bob@gmail.com"], ownAddress: "me@example.com", salesforce: ["001000000000001AAA"] },
      pageKey: "gmail:thread-1",
    });
    expect(reply).toMatchObject({ ok: true, data: { data: emptyLookup, people: { emails: ["ann@acme.co.uk", "bob@gmail.com"], companyDomains: ["acme.co.uk"] } } });
    expect(calls.map((call) => call.path)).toEqual(["/v1/lookup?email=ann%40acme.co.uk&email=bob%40gmail.com&salesforce=001000000000001AAA"]);
    await cacheWritesSettled();
    expect(await readLookupEntry("gmail:thread-1")).toMatchObject({ data: emptyLookup, people: { companyDomains: ["acme.co.uk"] } });
  });

  it("asks by a HubSpot company's id and a LinkedIn page's name when the page gives them", async () => {
    await signIn();
    routes["GET /v1/lookup"] = () => ({ status: 200, body: emptyLookup });
    await handleRequest({ type: "lookup", query: { domains: ["piedpiper.com"], hubspot: ["7001"], linkedin: ["pied-piper"] } });
    expect(calls.map((call) => call.path)).toEqual(["/v1/lookup?domain=piedpiper.com&hubspot=7001&linkedin=pied-piper"]);
  });

  it("replies with the API's answer without waiting for the cache write, which lands after", async () => {
    await signIn();
    routes["GET /v1/lookup"] = () => ({ status: 200, body: emptyLookup });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const slowStorage = vi.spyOn(fakeBrowser.storage.local, "set").mockImplementation(async (items) => {
      await held;
      return set(items);
    });
    try {
      const lookup = handleRequest({ type: "lookup", query: { emails: ["ann@acme.co.uk"] }, pageKey: "gmail:thread-1" });
      const reply = await Promise.race([lookup, new Promise((resolve) => setTimeout(() => resolve("no reply while storage is busy"), 500))]);
      expect(reply).toMatchObject({ ok: true, data: { data: emptyLookup } });
      expect(await readLookupEntry("gmail:thread-1")).toBeNull();
      release();
      await cacheWritesSettled();
      expect(await readLookupEntry("gmail:thread-1")).toMatchObject({ data: emptyLookup });
    } finally {
      release();
      slowStorage.mockRestore();
    }
  });

  it("caches nothing when the API refuses, and passes its error on", async () => {
    await signIn();
    routes["GET /v1/lookup"] = () => ({ status: 403, body: { error: { code: "forbidden", message: "Not yours" } } });
    const reply = await handleRequest({ type: "lookup", query: { emails: ["ann@acme.co.uk"] }, pageKey: "gmail:thread-1" });
    expect(reply).toEqual({ ok: false, error: { code: "forbidden", message: "Not yours" } });
    await cacheWritesSettled();
    expect(await readLookupEntry("gmail:thread-1")).toBeNull();
  });

  it("answers a refused token (401) with 'sign in again', a full sentence, and caches nothing", async () => {
    await signIn();
    routes["GET /v1/lookup"] = () => ({ status: 401, body: { error: { code: "unauthorized", message: "Token revoked" } } });
    const reply = await handleRequest({ type: "lookup", query: { emails: ["ann@acme.co.uk"] }, pageKey: "gmail:thread-1" });
    expect(reply).toEqual({ ok: false, error: { code: "sign_in_again", message: expect.stringMatching(/Sign in again in Settings\.$/) } });
    await cacheWritesSettled();
    expect(await readLookupEntry("gmail:thread-1")).toBeNull();
  });

  it("says which API it could not reach", async () => {
    await signIn();
    apiDown = true;
    const reply = await handleRequest({ type: "lookup", query: { emails: ["ann@acme.co.uk"] } });
    expect(reply).toMatchObject({ ok: false, error: { code: "unreachable", message: `Can't reach the Mutual API at ${apiUrl}.` } });
  });
});

describe("writes", () => {
  const promise = { action: "createCommitment", partnerId: "ptr_1", body: { title: "Send the deck", owed_by: "us" } };

  it("refuses a write whose body the API would refuse, naming the field, and queues nothing", async () => {
    await signIn();
    const reply = await handleRequest({ type: "write", write: { ...promise, body: { title: "", owed_by: "us" } }, label: "Promise" });
    expect(reply).toMatchObject({ ok: false, error: { code: "invalid_request" } });
    if (!reply.ok) expect(reply.error.issues?.map((issue) => issue.path)).toContain("body.title");
    expect(await handleRequest({ type: "outbox" })).toEqual({ ok: true, data: emptyOutbox });
    expect(calls).toEqual([]);
  });

  it("sends a write to its route with an idempotency key, and leaves the outbox empty once synced", async () => {
    await signIn();
    routes["POST /v1/partners/ptr_1/commitments"] = (call) => ({ status: 201, body: { id: "cmt_1", ...(call.body as object) } });
    const reply = await handleRequest({ type: "write", write: promise, label: "Promise" });
    expect(reply).toMatchObject({ ok: true, data: { result: "synced", response: { id: "cmt_1", title: "Send the deck" }, error: null } });
    expect(calls).toEqual([{ method: "POST", path: "/v1/partners/ptr_1/commitments", body: promise.body }]);
    expect(await handleRequest({ type: "outbox" })).toEqual({ ok: true, data: emptyOutbox });
  });

  it("keeps a write queued while the API is down, and lets a refused one be discarded", async () => {
    await signIn();
    // The outbox's own retry (2 s on) would count a second attempt on a slow run: only this test's flush sends.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    apiDown = true;
    const queued = await handleRequest({ type: "write", write: promise, label: "Promise" });
    expect(queued).toMatchObject({ ok: true, data: { result: "queued" } });
    const outbox = await handleRequest({ type: "outbox" });
    expect(outbox).toMatchObject({ ok: true, data: { writes: [{ label: "Promise", partnerId: "ptr_1", path: "/v1/partners/ptr_1/commitments", attempts: 1 }], held: [] } });

    apiDown = false;
    routes["POST /v1/partners/ptr_1/commitments"] = () => ({ status: 409, body: { error: { code: "conflict", message: "Partner archived" } } });
    const flushed = await handleRequest({ type: "flushOutbox" });
    expect(flushed).toMatchObject({ ok: true, data: { writes: [{ failed: { code: "conflict" } }] } });
    const id = (queued as { ok: true; data: WriteReceipt }).data.id;
    expect(await handleRequest({ type: "discardWrite", id })).toEqual({ ok: true, data: emptyOutbox });
  });
});

describe("settings", () => {
  it("names the field a bad token is in, and saves nothing", async () => {
    const reply = await handleRequest({ type: "saveSettings", settings: { apiUrl, token: "secret" } });
    expect(reply).toMatchObject({ ok: false, error: { code: "invalid_request", issues: [{ path: "token" }] } });
    expect(await handleRequest({ type: "getSettings" })).toMatchObject({ ok: true, data: { tokenPrefix: null } });
  });

  it("never saves a URL that answers but is not the Mutual API", async () => {
    routes["GET /healthz"] = () => ({ status: 200, body: "<html>" });
    const reply = await handleRequest({ type: "saveSettings", settings: { apiUrl, token } });
    expect(reply).toMatchObject({ ok: false, error: { code: "wrong_url" } });
    expect(await handleRequest({ type: "getSettings" })).toMatchObject({ ok: true, data: { tokenPrefix: null } });
  });

  it("shows the saved URL (without its trailing slash) and only the token's prefix", async () => {
    await signIn();
    expect(await handleRequest({ type: "getSettings" })).toEqual({ ok: true, data: { apiUrl, tokenPrefix: `${token.slice(0, 12)}…` } });
  });

  it("forgets every cached lookup when the settings change: a new workspace must not show the old one's partners", async () => {
    await signIn();
    routes["GET /v1/lookup"] = () => ({ status: 200, body: emptyLookup });
    await handleRequest({ type: "lookup", query: { emails: ["ann@acme.co.uk"] }, pageKey: "gmail:thread-1" });
    await cacheWritesSettled();
    expect(await readLookupEntry("gmail:thread-1")).not.toBeNull();
    await signIn();
    expect(await readLookupEntry("gmail:thread-1")).toBeNull();
  });
});

describe("reply types", () => {
  it("ties each request type to one reply type (checked by the compiler)", () => {
    expectTypeOf<ReplyTo<"lookup">>().toEqualTypeOf<CachedLookup<LookupResult>>();
    expectTypeOf<ReplyTo<"outbox">>().toEqualTypeOf<OutboxView>();
    expectTypeOf<ReplyTo<"testConnection">>().toEqualTypeOf<ConnectionReport>();
    expectTypeOf<Awaited<ReturnType<typeof send<{ type: "discardWrite"; id: string }>>>>().toEqualTypeOf<Reply<OutboxView>>();
    // @ts-expect-error a request type that does not exist has no reply
    expectTypeOf<ReplyTo<"deleteEverything">>();
  });
});
