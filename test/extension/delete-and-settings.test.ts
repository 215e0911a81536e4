import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleRequest } from "../../extension/background/handle-request.ts";

/** The background's delete/restore writes and the options form's drafts, with only the network replaced. */
const apiUrl = "http://api.test";
const otherUrl = "http://other.test";
const token = `mutual_${"b".repeat(40)}`;
let calls: { method: string; url: string; auth: string | null }[] = [];
let reachable: Set<string>;

beforeEach(() => {
  fakeBrowser.reset();
  calls = [];
  reachable = new Set([apiUrl]);
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    const url = new URL(input);
    calls.push({ method: init.method ?? "GET", url: url.origin + url.pathname, auth: new Headers(init.headers).get("Authorization") });
    if (!reachable.has(url.origin)) throw new TypeError("Failed to fetch");
    if (url.pathname === "/healthz") return Response.json({ ok: true });
    if (url.pathname === "/v1/me") return Response.json({ workspace: { id: "wsp_1", name: "Acme Partners" }, member: { id: "mem_1", email: "me@example.com" } });
    if (init.method === "DELETE") return new Response(null, { status: 204 });
    if (url.pathname.endsWith("/restore")) return Response.json({ id: "cmt_1", version: 3 });
    return Response.json({ error: { code: "not_found", message: "No such thing" } }, { status: 404 });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function signIn() {
  expect(await handleRequest({ type: "saveSettings", settings: { apiUrl, token } })).toMatchObject({ ok: true, data: { state: "connected" } });
  calls = [];
}

describe("deleting a record, and its undo", () => {
  it("sends DELETE, then POST …/restore, each as a sidebar write that syncs", async () => {
    await signIn();
    const deleted = await handleRequest({ type: "write", label: "Promise deleted", write: { action: "deleteRecord", partnerId: "ptr_1", collection: "commitments", recordId: "cmt_1" } });
    expect(deleted).toMatchObject({ ok: true, data: { result: "synced" } });
    const restored = await handleRequest({ type: "write", label: "Undo", write: { action: "restoreRecord", partnerId: "ptr_1", collection: "commitments", recordId: "cmt_1" } });
    expect(restored).toMatchObject({ ok: true, data: { result: "synced", response: { id: "cmt_1" } } });
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      `DELETE ${apiUrl}/v1/commitments/cmt_1`,
      `POST ${apiUrl}/v1/commitments/cmt_1/restore`,
    ]);
  });

  it("refuses a collection that is not a partner's record", async () => {
    await signIn();
    const reply = await handleRequest({ type: "write", label: "x", write: { action: "deleteRecord", partnerId: "ptr_1", collection: "tokens", recordId: "tok_1" } });
    expect(reply).toMatchObject({ ok: false, error: { code: "invalid_request", issues: [{ path: "collection" }] } });
    expect(calls).toEqual([]);
  });
});

describe("the options form's settings", () => {
  it("Test connection tests the URL typed, with the saved token when the token field is empty", async () => {
    await signIn();
    const reply = await handleRequest({ type: "testConnection", settings: { apiUrl: otherUrl, token: "" } });
    expect(reply).toMatchObject({ ok: true, data: { state: "unreachable" } });
    expect(calls[0]!.url).toBe(`${otherUrl}/healthz`);
  });

  it("saves a new URL alone, keeping the saved token", async () => {
    await signIn();
    reachable.add(otherUrl);
    expect(await handleRequest({ type: "saveSettings", settings: { apiUrl: otherUrl, token: "" } })).toMatchObject({ ok: true, data: { state: "connected" } });
    expect(calls.find((call) => call.url === `${otherUrl}/v1/me`)?.auth).toBe(`Bearer ${token}`);
    expect(await handleRequest({ type: "getSettings" })).toEqual({ ok: true, data: { apiUrl: otherUrl, tokenPrefix: `${token.slice(0, 12)}…` } });
  });

  it("without a saved token, an empty token is named as the missing field", async () => {
    const reply = await handleRequest({ type: "saveSettings", settings: { apiUrl, token: "" } });
    expect(reply).toMatchObject({ ok: false, error: { code: "invalid_request", issues: [{ path: "token" }] } });
  });
});
