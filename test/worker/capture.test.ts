import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, api, newWorkspace, type TestCaller } from "./api-client.ts";
import { acmePartnerBody, auditEntries, countRows, expectError, expectInvalidField, seedAcme, type AcmeRecords } from "./fixtures.ts";

// Emails captured from the threads a member opens: once per message per
// workspace, subjects only when allowed, and an undo that removes exactly
// what its capture created.

const email = (externalId: string, overrides: Record<string, unknown> = {}) => ({
  external_id: externalId, kind: "email", direction: "inbound", occurred_at: "2026-02-20T09:00:00Z",
  participants: ["Priya.Shah@acme.co.uk"], ...overrides,
});

const capture = (caller: TestCaller, partnerId: string, items: unknown[]) =>
  api(caller, "POST", `/v1/partners/${partnerId}/interactions/batch`, { body: { items } });

async function lastContact(partnerId: string): Promise<string | null> {
  const row = await env.DB.prepare("SELECT last_contact_at FROM partners WHERE id = ?").bind(partnerId).first<{ last_contact_at: string | null }>();
  return row!.last_contact_at;
}

let owner: TestCaller;
let teammate: TestCaller;
let acme: AcmeRecords;

beforeAll(async () => {
  owner = await newWorkspace("owner");
  teammate = await addMember(owner.workspaceId, "member");
  acme = await seedAcme(owner);
});

describe("capturing a thread's emails", () => {
  it("logs each message once across two members and says which were new", async () => {
    const first = await capture(owner, acme.partner.id, [email("msg-a1", { occurred_at: "2026-03-10T08:00:00Z" }), email("msg-a2")]);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.created.map((item: { external_id: string }) => item.external_id)).toEqual(["msg-a1", "msg-a2"]);
    expect(first.body.existing).toEqual([]);
    expect(first.body.last_contact_at).toBe("2026-03-10T08:00:00.000Z");
    expect(first.headers.get("Location")).toBe(`/v1/captures/${first.body.capture_id}`);

    const again = await capture(teammate, acme.partner.id, [email("msg-a2"), email("msg-a3")]);
    expect(again.status).toBe(201);
    expect(again.body.created.map((item: { external_id: string }) => item.external_id)).toEqual(["msg-a3"]);
    expect(again.body.existing).toEqual([first.body.created[1]]);
    const rows = await env.DB.prepare("SELECT external_id, COUNT(*) AS n FROM interactions WHERE workspace_id = ? AND external_id LIKE 'msg-a%' GROUP BY external_id")
      .bind(owner.workspaceId).all<{ external_id: string; n: number }>();
    expect(rows.results).toEqual([{ external_id: "msg-a1", n: 1 }, { external_id: "msg-a2", n: 1 }, { external_id: "msg-a3", n: 1 }]);
    const stored = await api(owner, "GET", `/v1/interactions/${first.body.created[0].interaction_id}`);
    expect(stored.body).toMatchObject({ kind: "email", direction: "inbound", summary: "", participants: ["priya.shah@acme.co.uk"] });
    expect(await auditEntries(owner.workspaceId, first.body.created[0].interaction_id, "create")).toHaveLength(1);
    expect(await auditEntries(owner.workspaceId, again.body.existing[0].interaction_id, "create")).toHaveLength(1);
  });

  it("logs a message once when two members capture it at the same moment", async () => {
    const [mine, theirs] = await Promise.all([
      capture(owner, acme.partner.id, [email("msg-race")]),
      capture(teammate, acme.partner.id, [email("msg-race")]),
    ]);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(mine.body.created.length + theirs.body.created.length).toBe(1);
    expect(mine.body.existing.length + theirs.body.existing.length).toBe(1);
    const rows = await env.DB.prepare("SELECT id FROM interactions WHERE workspace_id = ? AND external_id = 'msg-race'").bind(owner.workspaceId).all<{ id: string }>();
    expect(rows.results).toHaveLength(1);
    expect(await auditEntries(owner.workspaceId, rows.results[0]!.id, "create")).toHaveLength(1);
  });

  it("answers a retry with the same Idempotency-Key as the first time", async () => {
    const send = () => api(owner, "POST", `/v1/partners/${acme.partner.id}/interactions/batch`, {
      body: { items: [email("msg-retry", { occurred_at: "2026-03-11T08:00:00Z" })] }, headers: { "Idempotency-Key": "capture-retry-1" },
    });
    const first = await send();
    const retry = await send();
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect(first.body.created).toHaveLength(1);
  });

  it("moves the health score in the same request", async () => {
    const workspace = await newWorkspace("owner");
    const quiet = (await api(workspace, "POST", "/v1/partners", { body: acmePartnerBody({ salesforce_account_id: null, hubspot_company_id: null }) })).body;
    const before = (await api(workspace, "GET", `/v1/partners/${quiet.id}`)).body.health;
    const now = new Date().toISOString();
    expect((await capture(workspace, quiet.id, [email("msg-h1", { occurred_at: now }), email("msg-h2", { occurred_at: now, direction: "outbound" })])).status).toBe(201);
    const stored = await env.DB.prepare("SELECT health_json FROM partners WHERE id = ?").bind(quiet.id).first<{ health_json: string }>();
    expect(JSON.parse(stored!.health_json)).not.toEqual(before);
    expect(await lastContact(quiet.id)).toBe(now);
  });

  it("keeps Unicode ids and subjects as sent, and drops subjects unless the workspace allows them", async () => {
    const dropped = await capture(owner, acme.partner.id, [email("msg-ü-東京-🚀", { subject: "Škoda × 東方: Q3 MDF 🚀" })]);
    expect(dropped.status).toBe(201);
    expect(dropped.body.subjects_dropped).toBe(true);
    expect((await api(owner, "GET", `/v1/interactions/${dropped.body.created[0].interaction_id}`)).body.summary).toBe("");

    expect((await api(owner, "PATCH", "/v1/workspace/settings", { body: { capture: { subjects: true } } })).body.capture).toEqual({ email: true, subjects: true });
    const kept = await capture(owner, acme.partner.id, [email("msg-ü-東京-🚀"), email("msg-東京-2", { subject: "Škoda × 東方: Q3 MDF 🚀" })]);
    expect(kept.body.subjects_dropped).toBe(false);
    expect(kept.body.existing[0].external_id).toBe("msg-ü-東京-🚀");
    expect((await api(owner, "GET", `/v1/interactions/${kept.body.created[0].interaction_id}`)).body.summary).toBe("Škoda × 東方: Q3 MDF 🚀");
    await api(owner, "PATCH", "/v1/workspace/settings", { body: { capture: { subjects: false } } });
  });

  it("answers 409 capture_disabled and writes nothing when the workspace turned capture off", async () => {
    const workspace = await newWorkspace("owner");
    const records = await seedAcme(workspace);
    expect((await api(workspace, "GET", "/v1/workspace/settings")).body.capture).toEqual({ email: true, subjects: false });
    const off = await api(workspace, "PATCH", "/v1/workspace/settings", { body: { capture: { email: false } } });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    const before = await countRows(workspace.workspaceId, "interactions");
    const refused = await capture(workspace, records.partner.id, [email("msg-off")]);
    expect(expectError(refused, 409, "capture_disabled").message).toContain("capture.email");
    expect(await countRows(workspace.workspaceId, "interactions")).toBe(before);
    expect(await countRows(workspace.workspaceId, "captures")).toBe(0);
  });

  it("refuses more than 100 items, repeated ids and non-email kinds with 400 naming the field", async () => {
    const items = Array.from({ length: 101 }, (_, index) => email(`msg-limit-${index}`));
    expectInvalidField(await capture(owner, acme.partner.id, items), "items");
    expect((await capture(owner, acme.partner.id, items.slice(0, 100))).status).toBe(201);
    expectInvalidField(await capture(owner, acme.partner.id, [email("msg-twice"), email("msg-twice")]), "items.1.external_id");
    expectInvalidField(await capture(owner, acme.partner.id, [email("msg-call", { kind: "call" })]), "items.0.kind");
    expectInvalidField(await capture(owner, acme.partner.id, [email("msg-body", { body: "Hi Priya" })]), "items.0.body");
    expectInvalidField(await capture(owner, acme.partner.id, []), "items");
    expect(await countRows(owner.workspaceId, "interactions")).toBeLessThan(200);
  });

  it("is 404 for another workspace's partner and leaves it untouched", async () => {
    const stranger = await newWorkspace("owner");
    const before = await countRows(owner.workspaceId, "interactions");
    expectError(await capture(stranger, acme.partner.id, [email("msg-stranger")]), 404, "not_found");
    expect(await countRows(owner.workspaceId, "interactions")).toBe(before);
  });
});

describe("undoing a capture", () => {
  it("removes exactly the interactions it created, audited, and puts last contact back", async () => {
    const workspace = await newWorkspace("owner");
    const mate = await addMember(workspace.workspaceId, "member");
    const records = await seedAcme(workspace);
    const partnerId = records.partner.id;
    const lastBefore = await lastContact(partnerId);
    const earlier = await capture(mate, partnerId, [email("msg-u1", { occurred_at: "2026-02-01T09:00:00Z" })]);
    const mine = await capture(workspace, partnerId, [email("msg-u1"), email("msg-u2", { occurred_at: "2026-11-20T09:00:00Z" })]);
    expect(mine.body.created.map((item: { external_id: string }) => item.external_id)).toEqual(["msg-u2"]);
    expect(await lastContact(partnerId)).toBe("2026-11-20T09:00:00.000Z");
    const later = await capture(mate, partnerId, [email("msg-u2"), email("msg-u3", { occurred_at: "2026-02-02T09:00:00Z" })]);
    expect(later.body.existing.map((item: { external_id: string }) => item.external_id)).toEqual(["msg-u2"]);

    const undo = await api(workspace, "DELETE", `/v1/captures/${mine.body.capture_id}`);
    expect(undo.status, JSON.stringify(undo.body)).toBe(204);
    const left = await env.DB.prepare("SELECT external_id FROM interactions WHERE workspace_id = ? AND external_id IS NOT NULL ORDER BY external_id")
      .bind(workspace.workspaceId).all<{ external_id: string }>();
    expect(left.results.map((row) => row.external_id)).toEqual(["msg-u1", "msg-u3"]);
    expect((await api(workspace, "GET", `/v1/interactions/${records.interaction.id}`)).status).toBe(200);
    expect(await lastContact(partnerId)).toBe(lastBefore! > "2026-02-02T09:00:00.000Z" ? lastBefore : "2026-02-02T09:00:00.000Z");
    const archived = await auditEntries(workspace.workspaceId, mine.body.created[0].interaction_id, "archive");
    expect(archived).toHaveLength(1);
    expect(archived[0]!.actor_member_id).toBe(workspace.memberId);
    expectError(await api(workspace, "DELETE", `/v1/captures/${mine.body.capture_id}`), 404, "not_found");
    expect((await api(mate, "DELETE", `/v1/captures/${earlier.body.capture_id}`)).status).toBe(204);

    // Undone, the message may be logged again by whoever opens the thread next.
    const relogged = await capture(mate, partnerId, [email("msg-u2")]);
    expect(relogged.body.created.map((item: { external_id: string }) => item.external_id)).toEqual(["msg-u2"]);
  });

  it("is 404 for another workspace's capture and removes nothing", async () => {
    const stranger = await newWorkspace("owner");
    const mine = await capture(owner, acme.partner.id, [email("msg-iso-1")]);
    const before = await countRows(owner.workspaceId, "interactions");
    expectError(await api(stranger, "DELETE", `/v1/captures/${mine.body.capture_id}`), 404, "not_found");
    expect(await countRows(owner.workspaceId, "interactions")).toBe(before);
  });
});
