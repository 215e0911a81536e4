import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { nudgesSql } from "../../worker/db/nudges.ts";
import { addMember, api, newWorkspace, type TestCaller } from "./api-client.ts";
import { acmeMeeting, acmePartnerBody, expectError, expectInvalidField, seedAcme, type AcmeRecords } from "./fixtures.ts";

const eventId = "NWc2dGhtcjBmOGJ2 ZGFuYUBub3J0aHdpbmQuZXhhbXBsZQ";

let owner: TestCaller;
let acme: AcmeRecords;

beforeAll(async () => {
  owner = await newWorkspace("owner");
  acme = await seedAcme(owner);
});

describe("meetings linked to a calendar event", () => {
  it("finds the meeting by its event and refuses a second one with 409 naming the first", async () => {
    const first = await api(owner, "POST", `/v1/partners/${acme.partner.id}/meetings`, { body: { ...acmeMeeting, action_items: [], calendar_event_id: eventId } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.meeting.calendar_event_id).toBe(eventId);

    const found = await api(owner, "GET", `/v1/partners/${acme.partner.id}/meetings?calendar_event_id=${encodeURIComponent(eventId)}`);
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([first.body.meeting.id]);
    const none = await api(owner, "GET", `/v1/partners/${acme.partner.id}/meetings?calendar_event_id=another-event`);
    expect(none.body.items).toEqual([]);
    expect((await api(owner, "GET", `/v1/partners/${acme.partner.id}/meetings`)).body.items).toHaveLength(2);

    const second = await api(owner, "POST", `/v1/partners/${acme.partner.id}/meetings`, { body: { ...acmeMeeting, action_items: [], calendar_event_id: eventId } });
    const error = expectError(second, 409, "conflict");
    expect(error.message).toContain(first.body.meeting.id);
    expect(error.issues?.[0]?.path).toBe("calendar_event_id");
    const count = await env.DB.prepare("SELECT COUNT(*) AS n FROM meetings WHERE workspace_id = ? AND calendar_event_id = ?").bind(owner.workspaceId, eventId).first<{ n: number }>();
    expect(count!.n).toBe(1);
  });

  it("lets another partner have notes for the same event, and keeps other workspaces out", async () => {
    const created = await api(owner, "POST", "/v1/partners", { body: acmePartnerBody({ name: "Brightpath", domains: ["brightpath.io"], salesforce_account_id: null, hubspot_company_id: null }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const other = created.body;
    expect((await api(owner, "POST", `/v1/partners/${other.id}/meetings`, { body: { ...acmeMeeting, action_items: [], calendar_event_id: eventId } })).status).toBe(201);
    const stranger = await newWorkspace("owner");
    expectError(await api(stranger, "GET", `/v1/partners/${acme.partner.id}/meetings?calendar_event_id=${encodeURIComponent(eventId)}`), 404, "not_found");
  });

  it("gives every action item an owner: ours default to the caller, a missing side is 400", async () => {
    const saved = await api(owner, "POST", `/v1/partners/${acme.partner.id}/meetings`, {
      body: { ...acmeMeeting, action_items: [{ title: "Send the MDF numbers", owed_by: "us" }, { title: "Share the calendar", owed_by: "partner", owner_email: "priya.shah@acme.co.uk" }] },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body.commitments.map((item: { owner_email: string | null }) => item.owner_email)).toEqual([owner.email.toLowerCase(), "priya.shah@acme.co.uk"]);
    expectInvalidField(
      await api(owner, "POST", `/v1/partners/${acme.partner.id}/meetings`, { body: { ...acmeMeeting, action_items: [{ title: "Someone does something" }] } }),
      "action_items.0.owed_by",
    );
  });
});

describe("nudges", () => {
  it("counts the caller's overdue and due-today promises and lists partners past their cadence", async () => {
    const workspace = await newWorkspace("owner");
    const mate = await addMember(workspace.workspaceId, "member");
    const longAgo = "2026-01-01T00:00:00.000Z";
    const quiet = (await api(workspace, "POST", "/v1/partners", {
      body: acmePartnerBody({ name: "Brightpath", domains: ["brightpath.io"], salesforce_account_id: null, hubspot_company_id: null, owner_email: workspace.email, cadence_days: 14 }),
    })).body;
    const fresh = (await api(workspace, "POST", "/v1/partners", {
      body: acmePartnerBody({ name: "Northgate", domains: ["northgate.io"], salesforce_account_id: null, hubspot_company_id: null, owner_email: workspace.email, cadence_days: 14 }),
    })).body;
    await env.DB.prepare("UPDATE partners SET created_at = ?, last_contact_at = ? WHERE id = ?").bind(longAgo, "2026-10-30T00:00:00.000Z", quiet.id).run();
    await env.DB.prepare("UPDATE partners SET created_at = ? WHERE id = ?").bind(longAgo, fresh.id).run();
    const today = new Date().toISOString().slice(0, 10);
    await api(workspace, "POST", `/v1/partners/${fresh.id}/interactions`, { body: { kind: "call", direction: "both", occurred_at: new Date().toISOString() } });
    const promise = (due_on: string, owed_by = "us", owner_email: string | null = workspace.email) =>
      api(workspace, "POST", `/v1/partners/${quiet.id}/commitments`, { body: { title: `Promise due ${due_on}`, owed_by, owner_email, due_on } });
    for (const response of await Promise.all([
      promise("2026-01-05"), promise("2026-02-05"), promise(today), promise("2026-01-05", "partner"), promise("2026-01-05", "us", mate.email),
    ])) expect(response.status, JSON.stringify(response.body)).toBe(201);

    const mine = await api(workspace, "GET", `/v1/nudges?today=${today}`);
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.promises).toEqual({ overdue: 2, due_today: 1 });
    expect(mine.body.past_cadence.map((item: { partner_id: string }) => item.partner_id)).toEqual([quiet.id]);
    expect(mine.body.past_cadence[0]).toMatchObject({ name: "Brightpath", cadence_days: 14, last_contact_at: "2026-10-30T00:00:00.000Z" });
    expect(mine.body.past_cadence[0].days_since_contact).toBeGreaterThan(14);

    expect((await api(workspace, "GET", `/v1/nudges?today=${today}&scope=workspace`)).body.promises).toEqual({ overdue: 3, due_today: 1 });
    const theirs = await api(mate, "GET", `/v1/nudges?today=${today}`);
    expect(theirs.body).toMatchObject({ promises: { overdue: 1, due_today: 0 }, past_cadence: [] });
    expectInvalidField(await api(workspace, "GET", "/v1/nudges?today=yesterday"), "today");
    const stranger = await newWorkspace("owner");
    expect((await api(stranger, "GET", "/v1/nudges?scope=workspace")).body).toMatchObject({ promises: { overdue: 0, due_today: 0 }, past_cadence: [] });
  });

  it("reads indexes within the workspace, never a whole table", async () => {
    const plan = async (sql: string, ...params: unknown[]) =>
      (await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>()).results.map((row) => row.detail);
    const counts = await plan(nudgesSql.promiseCounts, "2026-12-01", "2026-12-01", "wsp_x", "2026-12-01", null, null);
    expect(counts.join("\n")).toMatch(/SEARCH c USING INDEX commitments_owed_due \(workspace_id=\? AND owed_by=\? AND status=\? AND due_on<\?\)/);
    expect(counts.join("\n")).not.toMatch(/\bSCAN\b/);
    const theirs = await plan(nudgesSql.theirPromiseCounts, "2026-12-01", "2026-12-01", "wsp_x", "2026-12-01", null, null);
    expect(theirs.join("\n")).toMatch(/SEARCH k USING INDEX connections_live_(pair|partner) \(workspace_id=\?/);
    expect(theirs.join("\n")).toMatch(/SEARCH c USING INDEX commitments_\w+ \(workspace_id=\? AND partner_id=\?/);
    expect(theirs.join("\n")).not.toMatch(/\bSCAN\b/);
    const partners = await plan(nudgesSql.activePartners, "wsp_x", null, null);
    expect(partners.join("\n")).toMatch(/SEARCH partners USING INDEX partners_by_status \(workspace_id=\? AND status=\?\)/);
  });
});
