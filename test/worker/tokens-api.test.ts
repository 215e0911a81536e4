import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { listEnvelope } from "../../shared/schemas/common.ts";
import { apiToken, apiTokenCreated } from "../../shared/schemas/token.ts";
import { addMember, api, newWorkspace, type TestCaller } from "./api-client.ts";
import { expectError, expectInvalidField } from "./fixtures.ts";

/** A caller holding a token the API just created. */
function holding(caller: TestCaller, created: { id: string; token: string; member: { id: string; email: string } }): TestCaller {
  return { ...caller, token: created.token, tokenId: created.id, memberId: created.member.id, email: created.member.email };
}

describe("API tokens through the API", () => {
  let owner: TestCaller;
  let admin: TestCaller;
  let member: TestCaller;
  let viewer: TestCaller;

  beforeAll(async () => {
    owner = await newWorkspace("owner");
    admin = await addMember(owner.workspaceId, "admin");
    member = await addMember(owner.workspaceId, "member");
    viewer = await addMember(owner.workspaceId, "viewer");
  });

  it("creates a token shown once, stores only its hash, and the token works", async () => {
    const response = await api(owner, "POST", "/v1/tokens", { body: { label: "CI import", member_email: member.email } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const created = apiTokenCreated.parse(response.body);
    expect(created).toMatchObject({ label: "CI import", scope: "write", member: { id: member.memberId, role: "member" }, revoked_at: null });
    expect(created.token).toMatch(/^mutual_[0-9a-z]{40}$/);
    expect(response.headers.get("Location")).toBe(`/v1/tokens/${created.id}`);
    const stored = await env.DB.prepare("SELECT * FROM api_tokens WHERE id = ?").bind(created.id).first<Record<string, unknown>>();
    expect(JSON.stringify(stored)).not.toContain(created.token);
    const me = await api(holding(member, created), "GET", "/v1/me");
    expect(me.body).toMatchObject({ member: { id: member.memberId }, token: { id: created.id } });
  });

  it("lists tokens without their secrets, newest first, with who, scope and last use", async () => {
    const created = await api(admin, "POST", "/v1/tokens", { body: { label: "Reporting", scope: "read", expires_at: "2999-01-01T00:00:00Z" } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const list = await api(owner, "GET", "/v1/tokens");
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const page = listEnvelope(apiToken).parse(list.body);
    expect(page.items[0]).toMatchObject({ id: created.body.id, label: "Reporting", scope: "read", expires_at: "2999-01-01T00:00:00.000Z", member: { id: admin.memberId } });
    expect(page.items.map((token) => token.id)).toContain(owner.tokenId);
    expect(page.items.find((token) => token.id === owner.tokenId)!.last_used_at).not.toBeNull();
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(created.body.token);
    expect(text).not.toContain("token_hash");
    expect(list.body.items.every((item: Record<string, unknown>) => !("token" in item))).toBe(true);
  });

  it("pages the list", async () => {
    const first = await api(owner, "GET", "/v1/tokens?limit=2");
    expect(first.body.items).toHaveLength(2);
    const second = await api(owner, "GET", `/v1/tokens?limit=2&cursor=${first.body.next_cursor}`);
    expect(second.status).toBe(200);
    const ids = [...first.body.items, ...second.body.items].map((token: { id: string }) => token.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("revokes a token: 204, then 401 at once, and revoking again changes nothing", async () => {
    const created = await api(owner, "POST", "/v1/tokens", { body: { label: "Laptop" } });
    const laptop = holding(owner, created.body);
    expect((await api(laptop, "GET", "/v1/me")).status).toBe(200);
    const revoked = await api(admin, "DELETE", `/v1/tokens/${created.body.id}`);
    expect(revoked.status).toBe(403); // an admin does not manage an owner's tokens
    expect((await api(owner, "DELETE", `/v1/tokens/${created.body.id}`)).status).toBe(204);
    expectError(await api(laptop, "GET", "/v1/me"), 401, "unauthorized");
    const again = await api(owner, "DELETE", `/v1/tokens/${created.body.id}`);
    expect(again.status).toBe(204);
    const row = await env.DB.prepare("SELECT revoked_at FROM api_tokens WHERE id = ?").bind(created.body.id).first<{ revoked_at: string }>();
    expect(row!.revoked_at).toBeTruthy();
    const audits = await env.DB.prepare("SELECT action, token_id FROM audit_log WHERE entity = 'api_token' AND entity_id = ?").bind(created.body.id).all();
    expect(audits.results.map((entry) => entry.action).sort()).toEqual(["create", "update"]);
  });

  it("is for owners and admins only", async () => {
    for (const caller of [member, viewer]) {
      expectError(await api(caller, "GET", "/v1/tokens"), 403, "forbidden");
      expectError(await api(caller, "POST", "/v1/tokens", { body: { label: "mine" } }), 403, "forbidden");
      expectError(await api(caller, "DELETE", `/v1/tokens/${owner.tokenId}`), 403, "forbidden");
    }
  });

  it("keeps an admin from minting an owner's token", async () => {
    expectError(await api(admin, "POST", "/v1/tokens", { body: { label: "x", member_id: owner.memberId } }), 403, "forbidden");
  });

  it("names the field that is wrong", async () => {
    expectInvalidField(await api(owner, "POST", "/v1/tokens", { body: {} }), "label");
    expectInvalidField(await api(owner, "POST", "/v1/tokens", { body: { label: "\u202eevil" } }), "label");
    expectInvalidField(await api(owner, "POST", "/v1/tokens", { body: { label: "x", scope: "admin" } }), "scope");
    expectInvalidField(await api(owner, "POST", "/v1/tokens", { body: { label: "x", member_email: "nobody@elsewhere.example" } }), "member_email");
    expectInvalidField(await api(owner, "POST", "/v1/tokens", { body: { label: "x", member_id: member.memberId, member_email: member.email } }), "member_id");
    expectInvalidField(await api(owner, "POST", "/v1/tokens", { body: { label: "x", expires_at: "2020-01-01T00:00:00Z" } }), "expires_at");
    expectInvalidField(
      await api(owner, "POST", "/v1/tokens", { body: { label: "x" }, headers: { "Idempotency-Key": "retry-1" } }),
      "Idempotency-Key",
    );
  });

  it("never reaches another workspace's members or tokens", async () => {
    const other = await newWorkspace("owner");
    expectInvalidField(await api(owner, "POST", "/v1/tokens", { body: { label: "x", member_id: other.memberId } }), "member_id");
    expectError(await api(owner, "DELETE", `/v1/tokens/${other.tokenId}`), 404, "not_found");
    const list = await api(owner, "GET", "/v1/tokens?limit=100");
    expect(JSON.stringify(list.body)).not.toContain(other.tokenId);
    expect((await api(other, "GET", "/v1/me")).status).toBe(200);
  });
});
