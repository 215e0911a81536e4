import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleRequest } from "../../extension/background/handle-request.ts";
import { outboxItem } from "../../extension/messaging/outbox-item.ts";

/**
 * Email capture in the background, on WXT's in-memory browser and a stand-in
 * API behind `fetch` (as handle-request.test.ts): only the network is replaced.
 */
const apiUrl = "http://api.test";
/** Ids as the API makes them (prefix and 24 letters or digits). */
const CAP = `cap_${"1".repeat(24)}`;
const PTR = `ptr_${"a".repeat(24)}`;
const token = `mutual_${"c".repeat(40)}`;
interface ApiCall { method: string; path: string; body: unknown }
let calls: ApiCall[] = [];
let routes: Record<string, (call: ApiCall) => { status: number; body: unknown }> = {};
let apiDown = false;
let settings = { email: true, subjects: false };

beforeEach(() => {
  fakeBrowser.reset();
  calls = [];
  apiDown = false;
  settings = { email: true, subjects: false };
  routes = {
    "GET /healthz": () => ({ status: 200, body: { ok: true } }),
    "GET /v1/me": () => ({ status: 200, body: { workspace: { id: "wsp_1", name: "Northwind" }, member: { id: "mem_1", email: "me@northwind-cloud.com" } } }),
    "GET /v1/workspace/settings": () => ({ status: 200, body: { health: {}, capture: settings } }),
    [`POST /v1/partners/${PTR}/interactions/batch`]: (call) => ({
      status: 201,
      body: {
        capture_id: CAP, partner_id: PTR, subjects_dropped: false, last_contact_at: null, existing: [],
        created: (call.body as { items: { external_id: string }[] }).items.map((item, n) => ({ external_id: item.external_id, interaction_id: `int_${"0".repeat(23)}${n}` })),
      },
    }),
    [`DELETE /v1/captures/${CAP}`]: () => ({ status: 204, body: null }),
  };
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    const url = new URL(input);
    const call = { method: init.method ?? "GET", path: url.pathname, body: init.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    if (apiDown) throw new TypeError("Failed to fetch");
    const answer = routes[`${call.method} ${url.pathname}`]?.(call) ?? { status: 404, body: { error: { code: "not_found", message: "No such thing" } } };
    return new Response(answer.status === 204 ? null : JSON.stringify(answer.body), { status: answer.status, headers: { "Content-Type": "application/json" } });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function signIn(): Promise<void> {
  expect(await handleRequest({ type: "saveSettings", settings: { apiUrl, token } })).toMatchObject({ ok: true });
  calls = [];
}

const items = [
  { external_id: "18c2f0a9d7e3b1c4", kind: "email", direction: "inbound", occurred_at: "2026-11-16T09:12:00.000Z", participants: ["jo@acme.co.uk"], subject: "MDF request" },
  { external_id: "18c2f0a9d7e3b1d1", kind: "email", direction: "outbound", occurred_at: "2026-11-16T11:40:00.000Z", participants: ["me@northwind-cloud.com"], subject: "MDF request" },
];
const capture = (batch: unknown[] = items) => handleRequest({ type: "capture", partnerId: PTR, partnerName: "Acme", items: batch });
const batchCalls = () => calls.filter((call) => call.path.endsWith("/interactions/batch"));

describe("capture", () => {
  it("logs the thread's emails in one request, without subjects the workspace does not keep, and says how many", async () => {
    await signIn();
    expect(await capture()).toEqual({ ok: true, data: { state: "logged", count: 2, captureId: CAP, outboxId: null, error: null } });
    expect(batchCalls()).toHaveLength(1);
    const sent = batchCalls()[0]!.body as { items: Record<string, unknown>[] };
    expect(sent.items.map((item) => item.external_id)).toEqual(items.map((item) => item.external_id));
    expect(sent.items.every((item) => !("subject" in item))).toBe(true);
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it("sends subjects when the workspace keeps them", async () => {
    settings = { email: true, subjects: true };
    await signIn();
    await capture();
    expect((batchCalls()[0]!.body as { items: { subject?: string }[] }).items[0]!.subject).toBe("MDF request");
  });

  it("sends nothing when the thread is opened again, and only the new message once one arrives", async () => {
    await signIn();
    await capture();
    calls = [];
    expect(await capture()).toMatchObject({ ok: true, data: { state: "already", count: 0 } });
    expect(calls).toEqual([]);
    const newer = { ...items[1]!, external_id: "18c2f0a9d7e3b1e9" };
    expect(await capture([...items, newer])).toMatchObject({ ok: true, data: { state: "logged", count: 1 } });
    expect((batchCalls()[0]!.body as { items: { external_id: string }[] }).items.map((item) => item.external_id)).toEqual(["18c2f0a9d7e3b1e9"]);
  });

  it("with capture off in the workspace sends no emails and queues nothing", async () => {
    settings = { email: false, subjects: false };
    await signIn();
    expect(await capture()).toMatchObject({ ok: true, data: { state: "off" } });
    expect(batchCalls()).toEqual([]);
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it("keeps the batch in the outbox while the API is down; Undo then takes it out before it is ever sent", async () => {
    await signIn();
    apiDown = true;
    const reply = await capture();
    expect(reply).toMatchObject({ ok: true, data: { state: "queued", count: 2, captureId: null } });
    const queued = await outboxItem.getValue();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ method: "POST", path: `/v1/partners/${PTR}/interactions/batch`, label: "2 emails with Acme logged" });
    const outboxId = reply.ok ? (reply.data as { outboxId: string }).outboxId : "";
    expect(await handleRequest({ type: "undoCapture", captureId: null, outboxId })).toEqual({ ok: true, data: { undone: "outbox" } });
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it("Undo after it synced deletes exactly that capture in the API", async () => {
    await signIn();
    await capture();
    calls = [];
    expect(await handleRequest({ type: "undoCapture", captureId: CAP, outboxId: "gone" })).toEqual({ ok: true, data: { undone: "api" } });
    expect(calls).toEqual([{ method: "DELETE", path: `/v1/captures/${CAP}`, body: undefined }]);
  });

  it("refuses a batch the API would refuse, naming the field, before anything is queued", async () => {
    await signIn();
    const reply = await capture([{ ...items[0]!, occurred_at: "last Tuesday" }]);
    expect(reply).toMatchObject({ ok: false, error: { code: "invalid_request", issues: [{ path: "items.0.occurred_at" }] } });
    expect(calls).toEqual([]);
    // A body is never part of a capture: the API's schema has no field for it.
    expect(await capture([{ ...items[0]!, body: "Hi Morgan" }])).toMatchObject({ ok: false, error: { code: "invalid_request" } });
  });
});
