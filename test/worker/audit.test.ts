import { beforeAll, describe, expect, it } from "vitest";
import { auditEntry } from "../../shared/schemas/audit.ts";
import { listEnvelope } from "../../shared/schemas/common.ts";
import { addMember, api, newWorkspace, type ApiResponse, type TestCaller } from "./api-client.ts";
import { expectError, expectInvalidField } from "./fixtures.ts";

const auditPage = listEnvelope(auditEntry);

describe("GET /v1/audit", () => {
  let owner: TestCaller;
  let admin: TestCaller;
  let partnerId: string;
  let createdRequestId: string;
  let before: string;

  beforeAll(async () => {
    owner = await newWorkspace("owner");
    admin = await addMember(owner.workspaceId, "admin");
    before = new Date(Date.now() - 1000).toISOString();
    const created = await api(owner, "POST", "/v1/partners", {
      body: { name: "Łódź Logistics", domains: ["lodz-logistics.pl"], kind: "si", status: "active" },
    });
    expect(created.status).toBe(201);
    partnerId = created.body.id;
    createdRequestId = created.headers.get("X-Request-Id")!;
    expect((await api(admin, "PATCH", `/v1/partners/${partnerId}`, { body: { tier: "Gold" } })).status).toBe(200);
    expect((await api(admin, "POST", `/v1/partners/${partnerId}/contacts`, { body: { email: "ola@lodz-logistics.pl" } })).status).toBe(201);
  });

  it("shows a record's history, newest first, with token and request ids", async () => {
    const response = await api(admin, "GET", `/v1/audit?record_type=partner&record_id=${partnerId}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const page = auditPage.parse(response.body);
    expect(page.items.map((entry) => entry.action)).toEqual(["update", "create"]);
    const [update, create] = page.items;
    expect(update).toMatchObject({ member_id: admin.memberId, token_id: admin.tokenId, record_id: partnerId });
    expect(create).toMatchObject({ member_id: owner.memberId, token_id: owner.tokenId, request_id: createdRequestId });
    expect((create!.after as { name: string }).name).toBe("Łódź Logistics");
  });

  it("filters by member and by time", async () => {
    const byAdmin = auditPage.parse((await api(owner, "GET", `/v1/audit?member_id=${admin.memberId}`)).body);
    expect(byAdmin.items.map((entry) => entry.record_type).sort()).toEqual(["contact", "partner"]);
    const future = auditPage.parse((await api(owner, "GET", `/v1/audit?since=2999-01-01T00:00:00Z`)).body);
    expect(future.items).toEqual([]);
    const window = auditPage.parse((await api(owner, "GET", `/v1/audit?since=${before}&until=2999-01-01T00:00:00Z`)).body);
    expect(window.items).toHaveLength(3);
    const untilBefore = auditPage.parse((await api(owner, "GET", `/v1/audit?until=${before}`)).body);
    expect(untilBefore.items).toEqual([]);
  });

  it("pages one entry at a time without repeats", async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const response: ApiResponse = await api(owner, "GET", `/v1/audit?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.status).toBe(200);
      ids.push(...response.body.items.map((entry: { id: string }) => entry.id));
      cursor = response.body.next_cursor;
    } while (cursor && ids.length < 20);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });

  it("is for owners and admins, and only their workspace", async () => {
    const member = await addMember(owner.workspaceId, "member");
    expectError(await api(member, "GET", "/v1/audit"), 403, "forbidden");
    const other = await newWorkspace("owner");
    const theirs = await api(other, "GET", `/v1/audit?record_type=partner&record_id=${partnerId}`);
    expect(theirs.body.items).toEqual([]);
  });

  it("names a bad filter", async () => {
    expectInvalidField(await api(owner, "GET", "/v1/audit?record_type=invoice"), "record_type");
    expectInvalidField(await api(owner, "GET", `/v1/audit?record_id=${partnerId}`), "record_type");
    expectInvalidField(await api(owner, "GET", "/v1/audit?since=yesterday"), "since");
    expectInvalidField(await api(owner, "GET", "/v1/audit?since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z"), "until");
  });
});
