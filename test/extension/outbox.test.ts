import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleRequest } from "../../extension/background/handle-request.ts";
import { enqueue, flush, pendingWrites, sendNow, viewOutbox } from "../../extension/background/outbox.ts";
import { loadSettings, loadSignedIn, migrateLegacySettings } from "../../extension/background/settings.ts";
import type { OutboxView, WriteAction, WriteReceipt } from "../../extension/messaging/protocol.ts";

/**
 * The outbox on WXT's in-memory browser, behind a stand-in API that knows
 * two workspaces' members by their tokens: what is queued is never lost
 * (storage latency, browser restarts) and never sent as anyone but the member
 * who made it.
 */
const apiUrl = "http://api.test";
const token = (letter: string) => `mutual_${letter.repeat(40)}`;
const members: Record<string, { member: { id: string; email: string }; workspace: { id: string; name: string } }> = {
  [token("a")]: { member: { id: "mem_ana", email: "ana@acme.com" }, workspace: { id: "wsp_acme", name: "Acme" } },
  [token("c")]: { member: { id: "mem_ana", email: "ana@acme.com" }, workspace: { id: "wsp_acme", name: "Acme" } },
  [token("b")]: { member: { id: "mem_bo", email: "bo@globex.com" }, workspace: { id: "wsp_globex", name: "Globex" } },
};
let revoked = new Set<string>();
let apiDown = false;
/** Writes the API accepted, with the token they came with. */
let received: { token: string; path: string; body: unknown }[] = [];
let calls = 0;
/** When set, the API answers every write with this. */
let busy: { status: number; retryAfter: string } | null = null;

beforeAll(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
afterAll(() => {
  // The outbox's retry timers still pending are dropped with the file.
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

beforeEach(() => {
  fakeBrowser.reset();
  revoked = new Set();
  apiDown = false;
  received = [];
  calls = 0;
  busy = null;
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    calls += 1;
    if (apiDown) throw new TypeError("Failed to fetch");
    const url = new URL(input);
    const bearer = String((init.headers as Record<string, string>).Authorization ?? "").replace(/^Bearer /, "");
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
    if (url.pathname === "/healthz") return json(200, { ok: true });
    if (!members[bearer] || revoked.has(bearer)) return json(401, { error: { code: "unauthorized", message: "Unknown or revoked token" } });
    if (url.pathname === "/v1/me") return json(200, members[bearer]);
    if (busy) return json(busy.status, { error: { code: "rate_limited", message: "Slow down" } }, { "Retry-After": busy.retryAfter });
    received.push({ token: bearer, path: url.pathname, body: JSON.parse(String(init.body)) });
    return json(201, { id: "created" });
  });
});

async function signIn(letter: string, url = apiUrl): Promise<void> {
  expect(await handleRequest({ type: "saveSettings", settings: { apiUrl: url, token: token(letter) } })).toMatchObject({ ok: true });
  await flush(true);
}

const addPartner = (name: string): WriteAction => ({ action: "createPartner", body: { name, kind: "isv", domains: [`${name.toLowerCase().replace(/[^a-z]/g, "")}.com`] } });

async function write(name: string): Promise<WriteReceipt> {
  const reply = await handleRequest({ type: "write", write: addPartner(name), label: `Added ${name}` });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data as WriteReceipt;
}

async function view(): Promise<OutboxView> {
  return viewOutbox();
}

/** Every storage read and write takes this long, as extension storage can on a busy machine. */
function slowStorage(latencyMs: number): void {
  const local = fakeBrowser.storage.local;
  const get = local.get.bind(local);
  const set = local.set.bind(local);
  const later = <T>(work: () => Promise<T>) => new Promise<T>((resolve, reject) => setTimeout(() => work().then(resolve, reject), latencyMs));
  local.get = ((keys?: never) => later(() => get(keys))) as typeof local.get;
  local.set = ((items: Record<string, unknown>) => later(() => set(items))) as typeof local.set;
}

describe("the outbox under storage latency", () => {
  it("keeps a write queued while another write's retry is being recorded", async () => {
    await signIn("a");
    const identity = (await loadSignedIn())!.identity;
    slowStorage(3);
    const entry = (name: string) => ({ label: name, partnerId: null, method: "POST" as const, path: "/v1/partners", body: { name }, identity });
    const first = await enqueue(entry("first"));
    let second: Promise<unknown> | null = null;
    // The API is down: while the first write's failure is being recorded, the user saves another.
    vi.stubGlobal("fetch", vi.fn(async () => {
      second ??= enqueue(entry("second"));
      throw new TypeError("Failed to fetch");
    }));
    await sendNow(first);
    await second;
    expect((await pendingWrites()).map((e) => e.label).sort()).toEqual(["first", "second"]);
  });

});

describe("a write the form sends while a flush runs", () => {
  const queue = async (name: string) => {
    const identity = (await loadSignedIn())!.identity;
    return enqueue({ label: `Added ${name}`, partnerId: null, method: "POST", path: "/v1/partners", body: { name }, identity });
  };

  /** The API holds its answer to the write named `name` until `release` is called. */
  function holdAnswerTo(name: string): { release: () => void; reached: Promise<void> } {
    let release!: () => void;
    let reached!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen = new Promise<void>((resolve) => (reached = resolve));
    const api = globalThis.fetch;
    vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
      if ((JSON.parse(String(init.body ?? "null")) as { name?: string } | null)?.name === name) {
        reached();
        await gate;
      }
      return api(input, init);
    });
    return { release, reached: seen };
  }

  it("sends a write once when a flush that read the list before it was sent comes to it after", async () => {
    await signIn("a");
    const older = await queue("Globex");
    const newer = await queue("Škoda");
    const held = holdAnswerTo(older.label.replace("Added ", ""));
    // The flush read both and is sending the older one while the form sends the newer itself.
    const flushing = flush(true);
    await held.reached;
    expect(await sendNow(newer)).toMatchObject({ result: "synced" });
    held.release();
    await flushing;
    expect(received.map((r) => (r.body as { name: string }).name)).toEqual(["Škoda", "Globex"]);
    expect(await pendingWrites()).toEqual([]);
  });

  it("gives the form the answer of a flush that was already sending its write, without a second request", async () => {
    await signIn("a");
    const entry = await queue("Škoda");
    const held = holdAnswerTo("Škoda");
    const flushing = flush(true);
    await held.reached;
    const sent = sendNow(entry);
    held.release();
    expect(await sent).toMatchObject({ result: "synced", response: { id: "created" } });
    await flushing;
    expect(received).toHaveLength(1);
  });
});

describe("who a queued write is sent as", () => {
  it("never sends a write made as A to B: it waits, visibly, until A signs in again", async () => {
    await signIn("a");
    revoked.add(token("a"));
    const receipt = await write("Confidential Co");
    expect(receipt.result).toBe("signInNeeded");
    expect(receipt.error?.message).toMatch(/Sign in again in Settings\.$/);
    expect(await view()).toMatchObject({ signInNeeded: true, writes: [{ label: "Added Confidential Co" }], held: [] });

    await signIn("b");
    await flush(true);
    expect(received).toEqual([]);
    const waiting = await view();
    expect(waiting.writes).toEqual([]);
    expect(waiting.held).toHaveLength(1);
    expect(waiting.held[0]!.identity).toMatchObject({ email: "ana@acme.com", workspaceName: "Acme", memberId: "mem_ana" });
    expect(waiting.held[0]!.writes.map((w) => w.label)).toEqual(["Added Confidential Co"]);

    // B's own writes go out meanwhile, as B.
    await write("Globex Friend");
    expect(received).toEqual([{ token: token("b"), path: "/v1/partners", body: expect.objectContaining({ name: "Globex Friend" }) }]);

    // A new token of the same member sends it, once.
    await signIn("c");
    await flush(true);
    expect(received.slice(1)).toEqual([{ token: token("c"), path: "/v1/partners", body: expect.objectContaining({ name: "Confidential Co" }) }]);
    expect(await pendingWrites()).toEqual([]);
  });

  it("drops another member's writes only when told to", async () => {
    await signIn("a");
    apiDown = true;
    const receipt = await write("Kept Co");
    expect(receipt.result).toBe("queued");
    apiDown = false;
    await signIn("b");
    for (let i = 0; i < 3; i += 1) await flush(true);
    expect(received).toEqual([]);
    expect((await view()).held[0]!.writes).toHaveLength(1);
    expect(await handleRequest({ type: "discardWrite", id: receipt.id })).toEqual({ ok: true, data: { writes: [], signInNeeded: false, held: [] } });
  });

  it("keeps the writes of a token that was saved while the API was down bound to that token", async () => {
    apiDown = true;
    await signIn("a");
    const receipt = await write("Offline Co");
    expect(receipt.result).toBe("queued");
    apiDown = false;
    await signIn("b");
    await flush(true);
    expect(received).toEqual([]);
    expect((await view()).held[0]!.identity).toMatchObject({ memberId: null, email: null, apiUrl });
  });

  it("sends nothing to another API, even with the same token", async () => {
    await signIn("a");
    apiDown = true;
    await write("Moved Co");
    apiDown = false;
    await signIn("a", "http://other-api.test");
    await flush(true);
    expect(received).toEqual([]);
    expect((await view()).held[0]!.identity.apiUrl).toBe(apiUrl);
  });
});

describe("a browser restart", () => {
  it("reads the sign-in back from the extension's own database and sends what was queued, once", async () => {
    await signIn("a");
    apiDown = true;
    await write("Restart Co");
    // Closing the browser empties session storage; storage.local and IndexedDB stay.
    await fakeBrowser.storage.session.clear();
    apiDown = false;
    expect(await loadSettings()).toEqual({ apiUrl, token: token("a") });
    await flush(true);
    await flush(true);
    expect(received.map((r) => [r.token, (r.body as { name: string }).name])).toEqual([[token("a"), "Restart Co"]]);
  });

  it("keeps the token out of storage.local, which content scripts can read and write", async () => {
    await signIn("a");
    apiDown = true;
    await write("Secret Co");
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(token("a"));
  });

  it("moves settings an earlier version kept in storage.local into the credential store on update", async () => {
    await fakeBrowser.storage.local.set({ apiUrl, apiToken: token("a"), outbox: [] });
    await migrateLegacySettings();
    expect(await loadSettings()).toEqual({ apiUrl, token: token("a") });
    expect(await fakeBrowser.storage.local.get(["apiUrl", "apiToken"])).toEqual({});
  });
});

describe("entries planted in storage.local", () => {
  it("sends nothing the sidebar would not make, even bound to whoever is signed in", async () => {
    await signIn("a");
    const identity = (await loadSignedIn())!.identity;
    const planted = { label: "x", partnerId: null, body: {}, identity };
    const bad = await enqueue({ ...planted, method: "POST", path: "/v1/tokens" });
    await enqueue({ ...planted, method: "PATCH", path: "/v1/partners/../tokens" });
    await flush(true);
    expect(received).toEqual([]);
    const entries = await pendingWrites();
    expect(entries.map((e) => e.failed?.code)).toEqual(["not_a_sidebar_write", "not_a_sidebar_write"]);
    expect(entries[0]!.id).toBe(bad.id);
  });
});

describe("Retry-After", () => {
  it("waits as long as the API asks before sending again", async () => {
    const busyApi = "http://busy-api.test";
    await signIn("a", busyApi);
    busy = { status: 429, retryAfter: "120" };
    const before = Date.now();
    const receipt = await write("Busy Co");
    expect(receipt.result).toBe("queued");
    const [entry] = await pendingWrites();
    expect(Date.parse(entry!.nextAttemptAt) - before).toBeGreaterThanOrEqual(119_000);
    busy = null;
    const callsBefore = calls;
    await flush(true);
    // Asked again before the two minutes are up, the client does not even call.
    expect(calls).toBe(callsBefore);
    expect(received).toEqual([]);
    // Nor does checking the connection, which says to wait rather than that the URL is wrong.
    expect(await handleRequest({ type: "testConnection" })).toEqual({
      ok: true, data: { state: "unreachable", message: expect.stringMatching(/^Mutual's API asked to wait: try again in 1[12]\d s\.$/) },
    });
    expect(calls).toBe(callsBefore);
  });
});
