import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api, newWorkspace, type TestCaller } from "./api-client.ts";
import { auditEntries, childCollections, countRows, expectError, recordOf, seedAcme, validPatch } from "./fixtures.ts";

async function lookupNames(caller: TestCaller, email: string): Promise<string[]> {
  const response = await api(caller, "GET", `/v1/lookup?email=${encodeURIComponent(email)}`);
  return (response.body.matches as { partner: { name: string } }[]).map((match) => match.partner.name);
}

describe("DELETE a partner's record, and restore it", () => {
  it.each(childCollections)("%s: 204, gone from reads and lists, audited, restorable at a new version", async (collection) => {
    const caller = await newWorkspace();
    const acme = await seedAcme(caller);
    const record = recordOf(acme, collection);
    const listed = async () => (await api(caller, "GET", `/v1/partners/${acme.partner.id}/${collection}`)).body.items.map((item: { id: string }) => item.id);
    expect(await listed()).toContain(record.id);
    const before = (await api(caller, "GET", `/v1/${collection}/${record.id}`)).body;

    const deleted = await api(caller, "DELETE", `/v1/${collection}/${record.id}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(204);
    expectError(await api(caller, "GET", `/v1/${collection}/${record.id}`), 404, "not_found");
    expect(await listed()).not.toContain(record.id);
    expectError(await api(caller, "PATCH", `/v1/${collection}/${record.id}`, { body: validPatch[collection] }), 404, "not_found");
    expect((await auditEntries(caller.workspaceId, record.id, "archive")).length).toBe(1);
    // Deleting it again is done, not an error: the outbox may resend.
    expect((await api(caller, "DELETE", `/v1/${collection}/${record.id}`)).status).toBe(204);

    const restored = await api(caller, "POST", `/v1/${collection}/${record.id}/restore`);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body).toEqual({ ...before, version: before.version + 1, updated_at: restored.body.updated_at });
    expect(restored.headers.get("ETag")).toBe(`"${before.version + 1}"`);
    expect(await listed()).toContain(record.id);
    expect((await api(caller, "GET", `/v1/${collection}/${record.id}`)).status).toBe(200);
    expect(await countRows(caller.workspaceId, "deleted_records" as never)).toBe(0);
    // Restoring a live record answers it as it is.
    expect((await api(caller, "POST", `/v1/${collection}/${record.id}/restore`)).body.version).toBe(before.version + 1);
  });

  it("a deleted contact leaves the lookup; its email can be given to someone else, then it can't come back", async () => {
    const caller = await newWorkspace();
    const acme = await seedAcme(caller);
    const partnerCount = async () => (await api(caller, "GET", "/v1/partners")).body.items.length;
    expect(await partnerCount()).toBe(1);
    const other = (await api(caller, "POST", "/v1/partners", { body: { name: "Globex", kind: "si" } })).body.id;
    const contact = await api(caller, "POST", `/v1/partners/${other}/contacts`, { body: { email: "solo@gmail.com" } });
    expect(await lookupNames(caller, "solo@gmail.com")).toEqual(["Globex"]);
    expect((await api(caller, "DELETE", `/v1/contacts/${contact.body.id}`)).status).toBe(204);
    expect(await lookupNames(caller, "solo@gmail.com")).toEqual([]);
    expect((await api(caller, "POST", `/v1/partners/${acme.partner.id}/contacts`, { body: { email: "solo@gmail.com" } })).status).toBe(201);
    const refused = await api(caller, "POST", `/v1/contacts/${contact.body.id}/restore`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.issues[0]).toEqual({ path: "email", message: "solo@gmail.com is already a contact at Acme Cloud Partners" });
  });

  it("a deleted promise we owe leaves the counts and the score, and comes back to both", async () => {
    const caller = await newWorkspace();
    const acme = await seedAcme(caller);
    const overdue = await api(caller, "POST", `/v1/partners/${acme.partner.id}/commitments`, {
      body: { title: "Send the overdue MDF claim", owed_by: "us", due_on: "2026-01-05" },
    });
    const promisesWeOwe = async () => (await api(caller, "GET", "/v1/commitments?owed_by=us&status=open")).body.items.length;
    const score = async () => (await api(caller, "GET", `/v1/partners/${acme.partner.id}`)).body.health;
    const withIt = { count: await promisesWeOwe(), health: await score() };
    expect((await api(caller, "DELETE", `/v1/commitments/${overdue.body.id}`)).status).toBe(204);
    expect(await promisesWeOwe()).toBe(withIt.count - 1);
    const without = await score();
    expect(JSON.stringify(without.traits.trust.signals)).not.toBe(JSON.stringify(withIt.health.traits.trust.signals));
    expect((await api(caller, "POST", `/v1/commitments/${overdue.body.id}/restore`)).status).toBe(200);
    expect(await promisesWeOwe()).toBe(withIt.count);
    expect((await score()).traits.trust.signals).toEqual(withIt.health.traits.trust.signals);
  });

  it("a meeting takes its interaction along, and last contact moves back with it", async () => {
    const caller = await newWorkspace();
    const acme = await seedAcme(caller);
    const meeting = acme.meeting.meeting;
    const lastContact = async () => (await api(caller, "GET", `/v1/partners/${acme.partner.id}`)).body.last_contact_at;
    expect(await lastContact()).toBe(meeting.occurred_at);
    const alone = await api(caller, "DELETE", `/v1/interactions/${acme.meeting.interaction.id}`);
    expectError(alone, 409, "conflict");
    expect(alone.body.error.message).toContain(`DELETE /v1/meetings/${meeting.id}`);
    expect((await api(caller, "DELETE", `/v1/meetings/${meeting.id}`)).status).toBe(204);
    expect((await api(caller, "GET", `/v1/interactions/${acme.meeting.interaction.id}`)).status).toBe(404);
    expect(await lastContact()).toBe(acme.interaction.occurred_at);
    expect((await api(caller, "POST", `/v1/meetings/${meeting.id}/restore`)).status).toBe(200);
    expect((await api(caller, "GET", `/v1/interactions/${acme.meeting.interaction.id}`)).status).toBe(200);
    expect(await lastContact()).toBe(meeting.occurred_at);
  });

  it("If-Match makes a delete conditional; a record deleted over 30 days ago is gone for good", async () => {
    const caller = await newWorkspace();
    const acme = await seedAcme(caller);
    expectError(await api(caller, "DELETE", `/v1/goals/${acme.goal.id}`, { headers: { "If-Match": '"9"' } }), 412, "precondition_failed");
    expect((await api(caller, "GET", `/v1/goals/${acme.goal.id}`)).status).toBe(200);
    expect((await api(caller, "DELETE", `/v1/goals/${acme.goal.id}`, { headers: { "If-Match": `"${acme.goal.version}"` } })).status).toBe(204);
    await env.DB.prepare("UPDATE deleted_records SET deleted_at = ? WHERE id = ?").bind("2020-01-01T00:00:00.000Z", acme.goal.id).run();
    expectError(await api(caller, "POST", `/v1/goals/${acme.goal.id}/restore`), 410, "gone");
  });

  it("a record of an archived partner is restored after its partner", async () => {
    const caller = await newWorkspace();
    const acme = await seedAcme(caller);
    expect((await api(caller, "DELETE", `/v1/referrals/${acme.referral.id}`)).status).toBe(204);
    expect((await api(caller, "DELETE", `/v1/partners/${acme.partner.id}`)).status).toBe(204);
    expectError(await api(caller, "POST", `/v1/referrals/${acme.referral.id}/restore`), 409, "conflict");
    expect((await api(caller, "POST", `/v1/partners/${acme.partner.id}/restore`)).status).toBe(200);
    expect((await api(caller, "POST", `/v1/referrals/${acme.referral.id}/restore`)).status).toBe(200);
  });
});

describe("archived partners", () => {
  it("are listed with ?status=archived with the domains they had, and restored with them", async () => {
    const caller = await newWorkspace();
    const acme = await seedAcme(caller);
    expect((await api(caller, "DELETE", `/v1/partners/${acme.partner.id}`)).status).toBe(204);
    expect((await api(caller, "GET", "/v1/partners")).body.items).toEqual([]);
    const archived = await api(caller, "GET", "/v1/partners?status=archived");
    expect(archived.body.items.map((item: { id: string }) => item.id)).toEqual([acme.partner.id]);
    expect(archived.body.items[0].domains).toEqual(acme.partner.domains);
    expect(archived.body.items[0].archived_at).toMatch(/^\d{4}-/);
    expect(await lookupNames(caller, "someone@acme.co.uk")).toEqual([]);

    const restored = await api(caller, "POST", `/v1/partners/${acme.partner.id}/restore`);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body.domains).toEqual(acme.partner.domains);
    expect(restored.body.archived_at).toBeUndefined();
    expect(await lookupNames(caller, "someone@acme.co.uk")).toEqual(["Acme Cloud Partners"]);
    expect((await api(caller, "GET", "/v1/partners?status=archived")).body.items).toEqual([]);
    expect((await api(caller, "GET", `/v1/partners/${acme.partner.id}/referrals`)).body.items).toHaveLength(1);
  });

  it("a domain another partner took meanwhile is a 409 naming it, and nothing is restored", async () => {
    const caller = await newWorkspace();
    const acme = await seedAcme(caller);
    expect((await api(caller, "DELETE", `/v1/partners/${acme.partner.id}`)).status).toBe(204);
    const taker = await api(caller, "POST", "/v1/partners", { body: { name: "Acme Reborn", kind: "si", domains: ["acme.co.uk"] } });
    expect(taker.status).toBe(201);
    const refused = await api(caller, "POST", `/v1/partners/${acme.partner.id}/restore`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.issues[0].message).toBe("acme.co.uk already belongs to Acme Reborn");
    expect((await api(caller, "GET", "/v1/partners?status=archived")).body.items).toHaveLength(1);
  });
});
