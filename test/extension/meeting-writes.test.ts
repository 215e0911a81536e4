import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleRequest } from "../../extension/background/handle-request.ts";

/**
 * Continuing a meeting's notes through the background: the PATCH carries
 * If-Match, so notes someone changed since are refused (412), never
 * overwritten; and who is signed in comes from GET /v1/me.
 */
const apiUrl = "http://api.test";
const token = `mutual_${"b".repeat(40)}`;
let requests: { method: string; path: string; ifMatch: string | null; body: unknown }[] = [];
let meetingVersion = 3;

beforeEach(async () => {
  fakeBrowser.reset();
  requests = [];
  meetingVersion = 3;
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    const url = new URL(input);
    const headers = new Headers(init.headers);
    const call = { method: init.method ?? "GET", path: url.pathname, ifMatch: headers.get("If-Match"), body: init.body ? JSON.parse(String(init.body)) : undefined };
    requests.push(call);
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
    if (call.path === "/healthz") return json(200, { ok: true });
    if (call.path === "/v1/me") return json(200, { workspace: { id: "wsp_1", name: "Fabrikam" }, member: { id: "mem_1", email: "Dana@Fabrikam.com" } });
    if (call.method === "PATCH" && call.path === "/v1/meetings/mtg_1") {
      if (call.ifMatch !== `"${meetingVersion}"`) return json(412, { error: { code: "precondition_failed", message: "If-Match named a version that is no longer current" } });
      meetingVersion += 1;
      return json(200, { id: "mtg_1", version: meetingVersion });
    }
    return json(404, { error: { code: "not_found", message: "No such thing" } });
  });
  expect(await handleRequest({ type: "saveSettings", settings: { apiUrl, token } })).toMatchObject({ ok: true });
  requests = [];
});
afterEach(() => vi.unstubAllGlobals());

const patch = (ifMatch: number) => handleRequest({
  type: "write", label: "Meeting notes",
  write: { action: "patchMeeting", partnerId: "ptr_1", meetingId: "mtg_1", ifMatch, body: { notes: "Priya sends the dates." } },
});

describe("continuing meeting notes", () => {
  it("sends the change with If-Match of the version it was read at", async () => {
    expect(await patch(3)).toMatchObject({ ok: true, data: { result: "synced" } });
    expect(requests).toEqual([{ method: "PATCH", path: "/v1/meetings/mtg_1", ifMatch: '"3"', body: { notes: "Priya sends the dates." } }]);
  });

  it("is refused, and kept for the user, when the notes changed since they were read", async () => {
    expect(await patch(3)).toMatchObject({ data: { result: "synced" } });
    const stale = await patch(3);
    expect(stale).toMatchObject({ ok: true, data: { result: "refused", error: { code: "precondition_failed" } } });
  });

  it("refuses a change of what can't change once saved, naming the field, before anything is sent", async () => {
    const reply = await handleRequest({
      type: "write", label: "Meeting notes",
      write: { action: "patchMeeting", partnerId: "ptr_1", meetingId: "mtg_1", ifMatch: 3, body: { occurred_at: "2026-12-01T10:00:00Z" } },
    });
    expect(reply).toMatchObject({ ok: false, error: { code: "invalid_request" } });
    expect(JSON.stringify(reply)).toContain("Unrecognized key: \\\"occurred_at\\\"");
    expect(requests).toEqual([]);
  });

  it("tells the sidebar who is signed in, lower-cased", async () => {
    expect(await handleRequest({ type: "me" })).toEqual({ ok: true, data: { email: "dana@fabrikam.com" } });
  });
});
