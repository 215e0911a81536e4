import { describe, expect, it } from "vitest";
import { commitment as commitmentSchema } from "../../shared/schemas/commitment.ts";
import { partner as partnerSchema } from "../../shared/schemas/partner.ts";
import { api, newWorkspace, type ApiResponse, type TestCaller } from "./api-client.ts";
import {
  acmeCommitment, acmePartnerBody, auditEntries, childCollections, expectError, expectInvalidField, recordOf, rowCounts, seedAcme,
  validPatch,
} from "./fixtures.ts";

// Optimistic concurrency: If-Match makes a change conditional on the version
// the client read; without it, concurrent changes to different fields must
// all land (the worker re-reads and re-applies).

async function newPartner(caller: TestCaller): Promise<any> {
  const created = await api(caller, "POST", "/v1/partners", { body: acmePartnerBody() });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

async function newCommitment(caller: TestCaller, partnerId: string): Promise<any> {
  const created = await api(caller, "POST", `/v1/partners/${partnerId}/commitments`, { body: acmeCommitment });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

function summary(responses: ApiResponse[]): string {
  return JSON.stringify(responses.map((r) => [r.status, r.body?.error?.code ?? r.body?.version]));
}

function expectEtag(response: ApiResponse, version: number) {
  expect(response.headers.get("ETag")).toBe(`"${version}"`);
}

describe("ten parallel PATCHes with the same If-Match", () => {
  it("partner: exactly one wins, nine get 412 precondition_failed, one audit entry", async () => {
    const caller = await newWorkspace();
    const partner = await newPartner(caller);
    const tiers = Array.from({ length: 10 }, (_, i) => `Tier ${i}`);
    const responses = await Promise.all(
      tiers.map((tier) => api(caller, "PATCH", `/v1/partners/${partner.id}`, { body: { tier }, headers: { "If-Match": '"1"' } })),
    );
    const winners = responses.filter((r) => r.status === 200);
    expect(winners.length, summary(responses)).toBe(1);
    for (const loser of responses.filter((r) => r.status !== 200)) {
      const error = expectError(loser, 412, "precondition_failed");
      expect(error.message).toMatch(/changed by someone else/);
    }
    const winner = winners[0]!;
    expect(winner.body.version).toBe(2);
    expectEtag(winner, 2);

    const now = await api(caller, "GET", `/v1/partners/${partner.id}`);
    expect(now.body.version).toBe(2);
    expect(now.body.tier).toBe(winner.body.tier);
    expect(tiers).toContain(now.body.tier);
    expectEtag(now, 2);

    const updates = await auditEntries(caller.workspaceId, partner.id, "update");
    expect(updates).toHaveLength(1);
    expect(JSON.parse(updates[0]!.after_json!).tier).toBe(winner.body.tier);
    expect(updates[0]!.actor_member_id).toBe(caller.memberId);
  });

  it("commitment: exactly one wins, nine get 412 precondition_failed, one audit entry", async () => {
    const caller = await newWorkspace();
    const partner = await newPartner(caller);
    const commitment = await newCommitment(caller, partner.id);
    const titles = Array.from({ length: 10 }, (_, i) => `Send Acme the MDF proposal, draft ${i}`);
    const responses = await Promise.all(
      titles.map((title) => api(caller, "PATCH", `/v1/commitments/${commitment.id}`, { body: { title }, headers: { "If-Match": '"1"' } })),
    );
    const winners = responses.filter((r) => r.status === 200);
    expect(winners.length, summary(responses)).toBe(1);
    for (const loser of responses.filter((r) => r.status !== 200)) expectError(loser, 412, "precondition_failed");
    const now = await api(caller, "GET", `/v1/commitments/${commitment.id}`);
    expect(now.body.version).toBe(2);
    expect(now.body.title).toBe(winners[0]!.body.title);
    expectEtag(now, 2);
    expect(await auditEntries(caller.workspaceId, commitment.id, "update")).toHaveLength(1);
  });
});

describe("parallel PATCHes without If-Match to different fields", () => {
  it("partner: all ten land, version 11, ten audit entries", async () => {
    const caller = await newWorkspace();
    const partner = await newPartner(caller);
    const changes: Record<string, unknown>[] = [
      { tier: "Platinum" },
      { objectives: "Fifteen sourced deals in UK retail" },
      { business_model: "Managed service on top of our platform" },
      { cadence_days: 30 },
      { owner_email: "sam.okafor@northwind.example" },
      { status: "onboarding" },
      { kind: "msp" },
      { hubspot_company_id: "99887766" },
      { plan: { our_roles: ["Technical enablement"], renewal_on: "2027-06-30" } },
      { salesforce_account_id: "001Bb00000QwE34" },
    ];
    const responses = await Promise.all(changes.map((body) => api(caller, "PATCH", `/v1/partners/${partner.id}`, { body })));
    expect(responses.map((r) => r.status), summary(responses)).toEqual(changes.map(() => 200));
    for (const response of responses) expect(partnerSchema.safeParse(response.body).success).toBe(true);
    // Each response is a distinct version: nobody saw the same record twice.
    expect(new Set(responses.map((r) => r.body.version)).size).toBe(10);

    const now = await api(caller, "GET", `/v1/partners/${partner.id}`);
    expect(now.body.version).toBe(11);
    expectEtag(now, 11);
    expect(now.body).toMatchObject(Object.assign({}, ...changes));
    // Fields nobody touched are still as created.
    expect(now.body.name).toBe("Acme Cloud Partners");
    expect(now.body.domains).toEqual(["acme-partners.com", "acme.co.uk"]);
    expect(await auditEntries(caller.workspaceId, partner.id, "update")).toHaveLength(10);
  });

  it("commitment: all seven land, version 8", async () => {
    const caller = await newWorkspace();
    const partner = await newPartner(caller);
    const commitment = await newCommitment(caller, partner.id);
    const changes: Record<string, unknown>[] = [
      { title: "Send Acme the revised MDF proposal" },
      { owed_by: "partner" },
      { owner_email: "priya.shah@acme.co.uk" },
      { due_on: "2026-03-15" },
      { source_url: "https://mail.google.com/mail/u/0/#inbox/18c3aa" },
      { visibility: "shared" },
      { status: "done" },
    ];
    const responses = await Promise.all(changes.map((body) => api(caller, "PATCH", `/v1/commitments/${commitment.id}`, { body })));
    expect(responses.map((r) => r.status), summary(responses)).toEqual(changes.map(() => 200));
    for (const response of responses) expect(commitmentSchema.safeParse(response.body).success).toBe(true);
    const now = await api(caller, "GET", `/v1/commitments/${commitment.id}`);
    expect(now.body.version).toBe(8);
    expectEtag(now, 8);
    expect(now.body).toMatchObject(Object.assign({}, ...changes));
    expect(now.body.completed_at).not.toBeNull();
    expect(await auditEntries(caller.workspaceId, commitment.id, "update")).toHaveLength(7);
  });

  it("partner: fifty at once, five to each of ten fields, all land (none 409), version 51, fifty audit entries", async () => {
    const caller = await newWorkspace();
    const partner = await newPartner(caller);
    const fields: ((n: number) => Record<string, unknown>)[] = [
      (n) => ({ tier: `Tier ${n}` }),
      (n) => ({ objectives: `Objective ${n}` }),
      (n) => ({ business_model: `Model ${n}` }),
      (n) => ({ cadence_days: 10 + n }),
      (n) => ({ owner_email: `owner.${n}@northwind.example` }),
      (n) => ({ status: (["onboarding", "active", "dormant", "prospect", "ended"] as const)[n % 5] }),
      (n) => ({ kind: (["msp", "si", "isv", "referral", "distributor"] as const)[n % 5] }),
      (n) => ({ hubspot_company_id: String(99_000_000 + n) }),
      (n) => ({ plan: { our_roles: [`Role ${n}`] } }),
      (n) => ({ name: `Acme Cloud Partners ${n}` }),
    ];
    const changes = Array.from({ length: 50 }, (_, n) => fields[n % fields.length]!(n));
    const responses = await Promise.all(changes.map((body) => api(caller, "PATCH", `/v1/partners/${partner.id}`, { body })));
    expect(responses.map((r) => r.status), summary(responses)).toEqual(changes.map(() => 200));
    expect(new Set(responses.map((r) => r.body.version)).size).toBe(50);
    const now = await api(caller, "GET", `/v1/partners/${partner.id}`);
    expect(now.body.version).toBe(51);
    // Each field holds one of the values sent for it, and each answer showed its own change.
    for (const [field, make] of fields.entries()) {
      const sent = changes.filter((_, n) => n % fields.length === field);
      const key = Object.keys(make(0))[0]!;
      expect(sent.map((change) => JSON.stringify(change[key]))).toContain(JSON.stringify(now.body[key]));
    }
    responses.forEach((response, n) => expect(response.body).toMatchObject(changes[n]!));
    expect(now.body.domains).toEqual(["acme-partners.com", "acme.co.uk"]);
    expect(await auditEntries(caller.workspaceId, partner.id, "update")).toHaveLength(50);
  });

  it("two sequential PATCHes without If-Match both land (the retry path is not needed)", async () => {
    const caller = await newWorkspace();
    const partner = await newPartner(caller);
    expect((await api(caller, "PATCH", `/v1/partners/${partner.id}`, { body: { tier: "Silver" } })).status).toBe(200);
    const second = await api(caller, "PATCH", `/v1/partners/${partner.id}`, { body: { cadence_days: 7 } });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ tier: "Silver", cadence_days: 7, version: 3 });
  });
});

describe("If-Match", () => {
  it.each([
    ["partner", "/v1/partners/:id", { tier: "Platinum" }],
    ["commitment", "/v1/commitments/:id", { status: "cancelled" }],
  ])("a stale If-Match on a %s → 412 and nothing changes", async (kind, route, body) => {
    const caller = await newWorkspace();
    const partner = await newPartner(caller);
    const id = kind === "partner" ? partner.id : (await newCommitment(caller, partner.id)).id;
    const path = route.replace(":id", id);
    // Move it to version 2, then send a change based on a version it never had and one it had before.
    expect((await api(caller, "PATCH", path, { body: kind === "partner" ? { cadence_days: 21 } : { due_on: "2026-04-01" } })).status).toBe(200);
    const before = await api(caller, "GET", path);
    const counts = await rowCounts(caller.workspaceId);
    for (const stale of ['"7"', '"1"', "W/\"3\""]) {
      const response = await api(caller, "PATCH", path, { body, headers: { "If-Match": stale } });
      const error = expectError(response, 412, "precondition_failed");
      expect(error.message).toContain("version 2");
      expect(response.headers.get("ETag")).toBeNull();
    }
    const after = await api(caller, "GET", path);
    expect(after.body).toEqual(before.body);
    expect(after.body.version).toBe(2);
    expect(await rowCounts(caller.workspaceId)).toEqual(counts);
  });

  it.each([['"2"'], ['W/"2"'], ["2"], [" \"2\" "], ["*"]])("If-Match %s on a version-2 partner is accepted", async (header) => {
    const caller = await newWorkspace();
    const partner = await newPartner(caller);
    await api(caller, "PATCH", `/v1/partners/${partner.id}`, { body: { tier: "Silver" } });
    const response = await api(caller, "PATCH", `/v1/partners/${partner.id}`, { body: { tier: "Platinum" }, headers: { "If-Match": header } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ tier: "Platinum", version: 3 });
    expectEtag(response, 3);
  });

  it.each([
    ['"abc"'], ["v1"], ['"1", "2"'], ["1.5"], ["-1"], ["W/"], ['"1234567890123456"'], [""],
  ])("a malformed If-Match %j → 400 naming If-Match, nothing changes", async (header) => {
    const caller = await newWorkspace();
    const partner = await newPartner(caller);
    const commitment = await newCommitment(caller, partner.id);
    const counts = await rowCounts(caller.workspaceId);
    for (const [method, path, body] of [
      ["PATCH", `/v1/partners/${partner.id}`, { tier: "Platinum" }],
      ["DELETE", `/v1/partners/${partner.id}`, undefined],
      ["PATCH", `/v1/commitments/${commitment.id}`, { status: "done" }],
    ] as const) {
      const response = await api(caller, method, path, { ...(body ? { body } : {}), headers: { "If-Match": header } });
      const error = expectInvalidField(response, "If-Match");
      expect(error.message).toContain("If-Match");
    }
    expect(await rowCounts(caller.workspaceId)).toEqual(counts);
    const now = await api(caller, "GET", `/v1/partners/${partner.id}`);
    expect(now.body.version).toBe(1);
    expect(now.body.tier).toBe("Gold");
  });

  it("DELETE with a stale If-Match → 412 and the partner stays; with the current one → 204", async () => {
    const caller = await newWorkspace();
    const partner = await newPartner(caller);
    await api(caller, "PATCH", `/v1/partners/${partner.id}`, { body: { tier: "Silver" } });
    expectError(await api(caller, "DELETE", `/v1/partners/${partner.id}`, { headers: { "If-Match": '"1"' } }), 412, "precondition_failed");
    expect((await api(caller, "GET", `/v1/partners/${partner.id}`)).status).toBe(200);
    const deleted = await api(caller, "DELETE", `/v1/partners/${partner.id}`, { headers: { "If-Match": '"2"' } });
    expect(deleted.status).toBe(204);
    expectError(await api(caller, "GET", `/v1/partners/${partner.id}`), 404, "not_found");
  });

  it("a PATCH racing an archive: the archive wins or the PATCH lands first, never a PATCH to an archived partner", async () => {
    const caller = await newWorkspace();
    const partner = await newPartner(caller);
    const [patched, deleted] = await Promise.all([
      api(caller, "PATCH", `/v1/partners/${partner.id}`, { body: { tier: "Platinum" }, headers: { "If-Match": '"1"' } }),
      api(caller, "DELETE", `/v1/partners/${partner.id}`, { headers: { "If-Match": '"1"' } }),
    ]);
    // Exactly one of the two conditional writes on version 1 may succeed; the other is 412 (or 404 once archived).
    expect([patched.status === 200, deleted.status === 204].filter(Boolean), `${patched.status} ${deleted.status}`).toHaveLength(1);
    if (patched.status === 200) expectError(deleted, 412, "precondition_failed");
    else expect([404, 412]).toContain(patched.status);
    const updates = await auditEntries(caller.workspaceId, partner.id);
    expect(updates.map((u) => u.action).sort()).toEqual(patched.status === 200 ? ["create", "update"] : ["archive", "create"]);
  });
});

describe("ETag", () => {
  it("GET, POST and PATCH responses carry the record's version as a quoted ETag, for every kind", async () => {
    const caller = await newWorkspace();
    const records = await seedAcme(caller);
    const partnerGet = await api(caller, "GET", `/v1/partners/${records.partner.id}`);
    expectEtag(partnerGet, 1);
    const partnerPatch = await api(caller, "PATCH", `/v1/partners/${records.partner.id}`, { body: validPatch.partners, headers: { "If-Match": '"1"' } });
    expect(partnerPatch.body.version).toBe(2);
    expectEtag(partnerPatch, 2);
    expectEtag(await api(caller, "GET", `/v1/partners/${records.partner.id}`), 2);

    for (const collection of childCollections) {
      const id = recordOf(records, collection).id;
      const got = await api(caller, "GET", `/v1/${collection}/${id}`);
      expect(got.status).toBe(200);
      expect(got.body.version).toBe(1);
      expectEtag(got, 1);
      const patched = await api(caller, "PATCH", `/v1/${collection}/${id}`, { body: validPatch[collection], headers: { "If-Match": got.headers.get("ETag")! } });
      expect(patched.status, `${collection}: ${JSON.stringify(patched.body)}`).toBe(200);
      expect(patched.body.version).toBe(2);
      expectEtag(patched, 2);
      expectEtag(await api(caller, "GET", `/v1/${collection}/${id}`), 2);
    }
  });

  it("a create answers with ETag \"1\"", async () => {
    const caller = await newWorkspace();
    const created = await api(caller, "POST", "/v1/partners", { body: acmePartnerBody() });
    expectEtag(created, 1);
    const commitment = await api(caller, "POST", `/v1/partners/${created.body.id}/commitments`, { body: acmeCommitment });
    expectEtag(commitment, 1);
  });
});
