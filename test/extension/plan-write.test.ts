import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleRequest } from "../../extension/background/handle-request.ts";

/** Plan changes through the background: sent at once with If-Match; a 412 comes back as their plan and who changed it. */
const apiUrl = "http://api.test";
const token = `mutual_${"b".repeat(40)}`;
const partnerId = "ptr_000000000000000000000001";

interface Call { method: string; path: string; headers: Record<string, string>; body: unknown }
let calls: Call[] = [];
let routes: Record<string, () => { status: number; body: unknown }> = {};

const theirs = { partner_id: partnerId, plan: { our_objectives: "Theirs" }, version: 5, review_every_days: 90, written: true, updated_at: "2026-12-01T09:00:00.000Z" };

beforeEach(async () => {
  fakeBrowser.reset();
  calls = [];
  routes = {
    "GET /healthz": () => ({ status: 200, body: { ok: true } }),
    "GET /v1/me": () => ({ status: 200, body: { workspace: { name: "Acme Partners" }, member: { email: "me@example.com" } } }),
  };
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    const url = new URL(input);
    calls.push({ method: init.method ?? "GET", path: url.pathname + url.search, headers: init.headers as Record<string, string>, body: init.body ? JSON.parse(String(init.body)) : undefined });
    const answer = routes[`${init.method ?? "GET"} ${url.pathname}`]?.() ?? { status: 404, body: { error: { code: "not_found", message: "No such thing" } } };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { "Content-Type": "application/json" } });
  });
  expect(await handleRequest({ type: "saveSettings", settings: { apiUrl, token } })).toMatchObject({ ok: true });
  calls = [];
});

afterEach(() => vi.unstubAllGlobals());

describe("plan writes", () => {
  it("sends an edit at once with the version it was made to as If-Match", async () => {
    routes["PATCH /v1/partners/ptr_000000000000000000000001/plan"] = () => ({ status: 200, body: { ...theirs, version: 5 } });
    const reply = await handleRequest({ type: "planWrite", write: { kind: "patch", partnerId, version: 4, body: { renewal_on: "2027-03-01" } } });
    expect(reply).toEqual({ ok: true, data: { result: "saved", plan: { ...theirs, version: 5 } } });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: "PATCH", body: { renewal_on: "2027-03-01" }, headers: { "If-Match": '"4"', "Idempotency-Key": expect.any(String) } });
  });

  it("answers a 412 with the plan as it is now and who changed it, and sends nothing more", async () => {
    routes["PATCH /v1/partners/ptr_000000000000000000000001/plan"] = () => ({ status: 412, body: { error: { code: "precondition_failed", message: "changed" } } });
    routes["GET /v1/partners/ptr_000000000000000000000001/plan"] = () => ({ status: 200, body: theirs });
    routes["GET /v1/partners/ptr_000000000000000000000001/plan/history"] = () => ({
      status: 200, body: { items: [{ version: 5, changed_at: theirs.updated_at, changed_by: { member_id: "mem_1", email: "ana@acme.com" }, meeting_id: null, changes: [] }] },
    });
    const reply = await handleRequest({ type: "planWrite", write: { kind: "patch", partnerId, version: 4, body: { our_objectives: "Mine" } } });
    expect(reply).toEqual({ ok: true, data: { result: "conflict", theirs, changedBy: "ana@acme.com" } });
    expect(calls.map((call) => call.method)).toEqual(["PATCH", "GET", "GET"]);
  });

  it("records a review without If-Match, so its decisions apply to the plan as it is", async () => {
    routes["POST /v1/partners/ptr_000000000000000000000001/plan/reviews"] = () => ({ status: 201, body: theirs });
    const body = { meeting_id: "mtg_000000000000000000000001", decisions: { review_every_days: 60 } };
    expect(await handleRequest({ type: "planWrite", write: { kind: "review", partnerId, body } })).toMatchObject({ ok: true, data: { result: "saved" } });
    expect(calls[0]!.headers["If-Match"]).toBeUndefined();
    expect(calls[0]!.body).toEqual(body);
  });

  it("refuses a change the plan's schema refuses, naming the field, before anything is sent", async () => {
    const reply = await handleRequest({ type: "planWrite", write: { kind: "patch", partnerId, version: 4, body: { documents: [{ title: "Agreement", url: "javascript:alert(1)" }] } } });
    expect(reply).toMatchObject({ ok: false, error: { code: "invalid_request", issues: [{ path: "body.documents.0.url" }] } });
    expect(calls).toEqual([]);
  });

  it("passes on the API's own refusal", async () => {
    routes["PATCH /v1/partners/ptr_000000000000000000000001/plan"] = () => ({ status: 400, body: { error: { code: "invalid_request", message: "Invalid body", issues: [{ path: "renewal_on", message: "bad" }] } } });
    const reply = await handleRequest({ type: "planWrite", write: { kind: "patch", partnerId, version: 4, body: { renewal_on: "2027-02-28" } } });
    expect(reply).toMatchObject({ ok: false, error: { code: "invalid_request", issues: [{ path: "renewal_on" }] } });
  });
});
