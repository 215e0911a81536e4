import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, api, newWorkspace, type TestCaller } from "./api-client.ts";
import { expectError } from "./fixtures.ts";

// Connecting two workspaces: an invitation made in A, accepted in B, and the
// connection each side sees, until either ends it.

async function partner(caller: TestCaller, name: string, domains: string[]): Promise<string> {
  const response = await api(caller, "POST", "/v1/partners", { body: { name, domains, kind: "reseller" } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

async function invite(caller: TestCaller, partnerId: string) {
  const response = await api(caller, "POST", `/v1/partners/${partnerId}/invitations`);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** Gives the member an address at a domain of its own, as a real company's people have. */
async function workAddress(caller: TestCaller, company: string): Promise<string> {
  const domain = `${company}-${caller.workspaceId.slice(4, 12)}.com`;
  await env.DB.prepare("UPDATE members SET email = ? WHERE id = ?").bind(`dana@${domain}`, caller.memberId).run();
  return domain;
}

/** Northwind (A, its people at northwind-….com) and Brightpath (B), with Brightpath a partner of A. */
async function pair() {
  const A = await newWorkspace("owner");
  const B = await newWorkspace("owner");
  const northwindDomain = await workAddress(A, "northwind");
  const brightpathInA = await partner(A, "Brightpath", [await workAddress(B, "brightpath")]);
  return { A, B, brightpathInA, northwindDomain };
}

describe("invitations", () => {
  it("are made by owners and admins, shown once, listed without their code, and expire in 14 days", async () => {
    const { A, brightpathInA } = await pair();
    const made = await invite(A, brightpathInA);
    expect(made.code).toMatch(/^mutual_inv_[0-9a-z]{32}$/);
    expect(made.url).toContain(made.code);
    expect(made.status).toBe("pending");
    expect(Date.parse(made.expires_at) - Date.parse(made.created_at)).toBe(14 * 86_400_000);
    const stored = await env.DB.prepare("SELECT * FROM invitations WHERE id = ?").bind(made.id).first<Record<string, unknown>>();
    expect(JSON.stringify(stored)).not.toContain(made.code);

    const listed = await api(A, "GET", `/v1/partners/${brightpathInA}/invitations`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: made.id, status: "pending" })]);
    expect(JSON.stringify(listed.body)).not.toContain(made.code);

    const member = await addMember(A.workspaceId, "member");
    expectError(await api(member, "POST", `/v1/partners/${brightpathInA}/invitations`), 403, "forbidden");
    expectError(await api(member, "GET", `/v1/partners/${brightpathInA}/invitations`), 403, "forbidden");
  });

  it("refuses an Idempotency-Key, since the stored answer would keep the code", async () => {
    const { A, brightpathInA } = await pair();
    const response = await api(A, "POST", `/v1/partners/${brightpathInA}/invitations`, { headers: { "Idempotency-Key": "k-1" } });
    expectError(response, 400, "invalid_request");
  });
});

describe("accepting an invitation", () => {
  it("connects both sides, once, each seeing its own partner and the other company's name", async () => {
    const { A, B, brightpathInA, northwindDomain } = await pair();
    const northwindInB = await partner(B, "Northwind", [northwindDomain]);
    const { code } = await invite(A, brightpathInA);
    const accepted = await api(B, "POST", "/v1/connections", { body: { code } });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    // Matched by A's own domains: its members' email domain.
    expect(accepted.body).toMatchObject({ partner_id: northwindInB, role: "acceptor", ended_at: null, partner_workspace_name: expect.any(String) });

    const seenByA = await api(A, "GET", "/v1/connections");
    expect(seenByA.body.items).toEqual([expect.objectContaining({ id: accepted.body.id, partner_id: brightpathInA, role: "inviter", ended_by: null })]);
    const listed = await api(A, "GET", `/v1/partners/${brightpathInA}/invitations`);
    expect(listed.body.items[0].status).toBe("accepted");

    // Reused: the code connects once.
    const C = await newWorkspace("owner");
    const reused = expectError(await api(C, "POST", "/v1/connections", { body: { code } }), 400, "invalid_request");
    expect(reused.message).toContain("already used");
  });

  it("takes the partner named, or makes one named after the inviting workspace with its domains", async () => {
    const { A, B, brightpathInA, northwindDomain } = await pair();
    const named = await partner(B, "Our name for Northwind", [`other-${northwindDomain}`]);
    const first = await api(B, "POST", "/v1/connections", { body: { code: (await invite(A, brightpathInA)).code, partner_id: named } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.partner_id).toBe(named);

    const D = await newWorkspace("owner");
    const deltaDomain = await workAddress(D, "delta");
    const other = await partner(D, "Brightpath", [`bp-${deltaDomain}`]);
    const made = await api(B, "POST", "/v1/connections", { body: { code: (await invite(D, other)).code, kind: "isv" } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const created = await api(B, "GET", `/v1/partners/${made.body.partner_id}`);
    expect(created.body).toMatchObject({ name: made.body.partner_workspace_name, kind: "isv", domains: [deltaDomain], visibility: "private" });
  });

  it("refuses expired, revoked, unknown and own codes, a partner of another workspace, and a second connection", async () => {
    const { A, B, brightpathInA } = await pair();
    const expired = await invite(A, brightpathInA);
    await env.DB.prepare("UPDATE invitations SET expires_at = ? WHERE id = ?").bind("2026-01-01T00:00:00.000Z", expired.id).run();
    expect(expectError(await api(B, "POST", "/v1/connections", { body: { code: expired.code } }), 400, "invalid_request").message).toContain("expired");

    const revoked = await invite(A, brightpathInA);
    expect((await api(A, "DELETE", `/v1/invitations/${revoked.id}`)).status).toBe(204);
    expect(expectError(await api(B, "POST", "/v1/connections", { body: { code: revoked.code } }), 400, "invalid_request").message).toContain("revoked");

    const unknown = `mutual_inv_${"a".repeat(32)}`;
    expect(expectError(await api(B, "POST", "/v1/connections", { body: { code: unknown } }), 400, "invalid_request").issues).toEqual([
      { path: "code", message: expect.stringContaining("not an invitation code") },
    ]);
    expectError(await api(B, "POST", "/v1/connections", { body: { code: "not-a-code" } }), 400, "invalid_request");

    const good = await invite(A, brightpathInA);
    expect(expectError(await api(A, "POST", "/v1/connections", { body: { code: good.code } }), 400, "invalid_request").message).toContain("own invitation");
    // Wrong workspace: partner_id names A's partner, not one of B's.
    expectError(await api(B, "POST", "/v1/connections", { body: { code: good.code, partner_id: brightpathInA } }), 404, "not_found");
    const viewer = await addMember(B.workspaceId, "viewer");
    expectError(await api(viewer, "POST", "/v1/connections", { body: { code: good.code } }), 403, "forbidden");
    const member = await addMember(B.workspaceId, "member");
    expectError(await api(member, "POST", "/v1/connections", { body: { code: good.code } }), 403, "forbidden");
    const none = await env.DB.prepare("SELECT COUNT(*) AS n FROM connections WHERE workspace_id IN (?, ?)").bind(A.workspaceId, B.workspaceId).first<{ n: number }>();
    expect(none!.n).toBe(0);

    expect((await api(B, "POST", "/v1/connections", { body: { code: good.code } })).status).toBe(201);
    // Already connected: the partner cannot be invited again, nor the pair connected twice.
    expectError(await api(A, "POST", `/v1/partners/${brightpathInA}/invitations`), 409, "conflict");
    const other = await partner(A, "Brightpath again", [`again-${A.workspaceId.slice(4, 12)}.com`]);
    const second = await invite(A, other);
    expectError(await api(B, "POST", "/v1/connections", { body: { code: second.code } }), 409, "conflict");
  });

  it("gives one connection when two workspaces accept the same code at once", async () => {
    const { A, brightpathInA } = await pair();
    const { code } = await invite(A, brightpathInA);
    const [B1, B2] = await Promise.all([newWorkspace("owner"), newWorkspace("owner")]);
    const answers = await Promise.all([B1, B2].map((B) => api(B, "POST", "/v1/connections", { body: { code } })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 400]);
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM connections WHERE workspace_id = ?").bind(A.workspaceId).first<{ n: number }>();
    expect(rows!.n).toBe(1);
  });
});

describe("ending a connection", () => {
  it("either side ends it for both; ending again changes nothing; another workspace gets 404", async () => {
    const { A, B, brightpathInA } = await pair();
    const { code } = await invite(A, brightpathInA);
    const { body: connection } = await api(B, "POST", "/v1/connections", { body: { code } });
    const stranger = await newWorkspace("owner");
    expectError(await api(stranger, "DELETE", `/v1/connections/${connection.id}`), 404, "not_found");
    const member = await addMember(A.workspaceId, "member");
    expectError(await api(member, "DELETE", `/v1/connections/${connection.id}`), 403, "forbidden");

    expect((await api(A, "DELETE", `/v1/connections/${connection.id}`)).status).toBe(204);
    expect((await api(A, "DELETE", `/v1/connections/${connection.id}`)).status).toBe(204);
    expect((await api(A, "GET", "/v1/connections")).body.items[0]).toMatchObject({ ended_by: "us", ended_at: expect.any(String) });
    expect((await api(B, "GET", "/v1/connections")).body.items[0]).toMatchObject({ ended_by: "partner", ended_at: expect.any(String) });
    // The partner may be invited again once the old connection has ended.
    await invite(A, brightpathInA);
  });
});
