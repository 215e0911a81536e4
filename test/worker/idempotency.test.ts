import { describe, expect, it } from "vitest";
import { commitment as commitmentSchema } from "../../shared/schemas/commitment.ts";
import { contact as contactSchema } from "../../shared/schemas/contact.ts";
import { goal as goalSchema } from "../../shared/schemas/goal.ts";
import { interaction as interactionSchema } from "../../shared/schemas/interaction.ts";
import { meetingCreated } from "../../shared/schemas/meeting.ts";
import { partner as partnerSchema } from "../../shared/schemas/partner.ts";
import { referral as referralSchema } from "../../shared/schemas/referral.ts";
import type { z } from "zod";
import { addMember, api, newWorkspace, type ApiResponse, type TestCaller } from "./api-client.ts";
import {
  acmeMeeting, acmePartnerBody, auditEntries, countRows, expectError, expectInvalidField, rowCounts, uniqueCreateBody,
  workspaceTables, type PostKind, type WorkspaceTable,
} from "./fixtures.ts";

// A POST with an Idempotency-Key is answered once: a retry with the same key
// and body replays the first response and writes nothing more.

interface Endpoint {
  kind: PostKind;
  schema: z.ZodType;
  /** Rows one create adds, besides one audit entry per record and one idempotency key. */
  rows: Partial<Record<WorkspaceTable, number>>;
}

const endpoints: Endpoint[] = [
  { kind: "partners", schema: partnerSchema, rows: { partners: 1, partner_domains: 1, plan_versions: 1, audit_log: 1 } },
  { kind: "contacts", schema: contactSchema, rows: { contacts: 1, audit_log: 1 } },
  { kind: "interactions", schema: interactionSchema, rows: { interactions: 1, audit_log: 1 } },
  { kind: "commitments", schema: commitmentSchema, rows: { commitments: 1, audit_log: 1 } },
  { kind: "referrals", schema: referralSchema, rows: { referrals: 1, audit_log: 1 } },
  { kind: "goals", schema: goalSchema, rows: { goals: 1, audit_log: 1 } },
  // The meeting, its interaction and its one action item as a commitment.
  { kind: "meetings", schema: meetingCreated, rows: { meetings: 1, interactions: 1, commitments: 1, audit_log: 3 } },
];

interface Setup {
  caller: TestCaller;
  partnerId: string | null;
  path: string;
}

async function setUp(kind: PostKind, caller?: TestCaller): Promise<Setup> {
  const who = caller ?? (await newWorkspace("member"));
  if (kind === "partners") return { caller: who, partnerId: null, path: "/v1/partners" };
  const partner = await api(who, "POST", "/v1/partners", { body: acmePartnerBody() });
  expect(partner.status, JSON.stringify(partner.body)).toBe(201);
  return { caller: who, partnerId: partner.body.id, path: `/v1/partners/${partner.body.id}/${kind}` };
}

function post(setup: Setup, body: unknown, key?: string): Promise<ApiResponse> {
  return api(setup.caller, "POST", setup.path, { body, headers: key === undefined ? {} : { "Idempotency-Key": key } });
}

function delta(before: Record<WorkspaceTable, number>, after: Record<WorkspaceTable, number>): Record<WorkspaceTable, number> {
  return Object.fromEntries(workspaceTables.map((t) => [t, after[t] - before[t]])) as Record<WorkspaceTable, number>;
}

/** The rows one create (with a key) adds; every other table unchanged. */
function oneCreate(endpoint: Endpoint): Record<WorkspaceTable, number> {
  return Object.fromEntries(
    workspaceTables.map((t) => [t, t === "idempotency_keys" ? 1 : endpoint.rows[t] ?? 0]),
  ) as Record<WorkspaceTable, number>;
}

function createdId(kind: PostKind, body: any): string {
  return kind === "meetings" ? body.meeting.id : body.id;
}

const key = (label: string) => `${label}-${crypto.randomUUID()}`;

describe.each(endpoints)("POST $kind with an Idempotency-Key", (endpoint) => {
  it("same key and body twice: the second replays the first and writes nothing", async () => {
    const setup = await setUp(endpoint.kind);
    const before = await rowCounts(setup.caller.workspaceId);
    const body = uniqueCreateBody(endpoint.kind, 1);
    const k = key("retry");
    const first = await post(setup, body, k);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(endpoint.schema.safeParse(first.body).success).toBe(true);
    expect(first.headers.get("Idempotent-Replayed")).toBeNull();

    for (let retry = 0; retry < 2; retry++) {
      const again = await post(setup, body, k);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    }
    expect(delta(before, await rowCounts(setup.caller.workspaceId))).toEqual(oneCreate(endpoint));
    const entries = await auditEntries(setup.caller.workspaceId, createdId(endpoint.kind, first.body));
    expect(entries.map((e) => e.action)).toEqual(["create"]);
    // What the replay described is what is stored.
    const stored = await api(setup.caller, "GET", `/v1/${endpoint.kind}/${createdId(endpoint.kind, first.body)}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(endpoint.kind === "meetings" ? first.body.meeting : first.body);
  });

  it("same key, different body → 422 idempotency_key_reused and nothing written", async () => {
    const setup = await setUp(endpoint.kind);
    const k = key("reused");
    const first = await post(setup, uniqueCreateBody(endpoint.kind, 1), k);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const before = await rowCounts(setup.caller.workspaceId);
    const second = await post(setup, uniqueCreateBody(endpoint.kind, 2), k);
    const error = expectError(second, 422, "idempotency_key_reused");
    expect(error.message).toMatch(/Idempotency-Key/);
    expect(second.headers.get("Idempotent-Replayed")).toBeNull();
    expect(await rowCounts(setup.caller.workspaceId)).toEqual(before);
  });

  it("five parallel requests with the same key and body: one write, five identical answers", async () => {
    const setup = await setUp(endpoint.kind);
    const before = await rowCounts(setup.caller.workspaceId);
    const body = uniqueCreateBody(endpoint.kind, 1);
    const k = key("parallel");
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(setup, body, k)));
    expect(responses.map((r) => r.status), JSON.stringify(responses.map((r) => r.body?.error ?? "ok"))).toEqual([201, 201, 201, 201, 201]);
    for (const response of responses) expect(response.body).toEqual(responses[0]!.body);
    expect(responses.filter((r) => r.headers.get("Idempotent-Replayed") === "true")).toHaveLength(4);
    expect(delta(before, await rowCounts(setup.caller.workspaceId))).toEqual(oneCreate(endpoint));
  });

  it("the same key in two workspaces: both succeed independently", async () => {
    const one = await setUp(endpoint.kind);
    const two = await setUp(endpoint.kind);
    const beforeOne = await rowCounts(one.caller.workspaceId);
    const beforeTwo = await rowCounts(two.caller.workspaceId);
    const body = uniqueCreateBody(endpoint.kind, 1);
    const k = "2f1c9e0a-7d3b-4c55-9a61-0b8e2d4f6a13";
    const [first, second] = [await post(one, body, k), await post(two, body, k)];
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.headers.get("Idempotent-Replayed")).toBeNull();
    expect(createdId(endpoint.kind, second.body)).not.toBe(createdId(endpoint.kind, first.body));
    expect(delta(beforeOne, await rowCounts(one.caller.workspaceId))).toEqual(oneCreate(endpoint));
    expect(delta(beforeTwo, await rowCounts(two.caller.workspaceId))).toEqual(oneCreate(endpoint));
  });
});

describe("Idempotency-Key rules", () => {
  it.each([
    ["containing a space", "retry key 1"],
    ["256 characters long", "k".repeat(256)],
    ["empty", ""],
    ["containing a tab", "retry\tkey"],
  ])("a key %s → 400 naming Idempotency-Key, nothing written", async (_label, bad) => {
    const setup = await setUp("partners");
    const before = await rowCounts(setup.caller.workspaceId);
    const response = await post(setup, uniqueCreateBody("partners", 1), bad);
    const error = expectInvalidField(response, "Idempotency-Key");
    expect(error.message).toContain("Idempotency-Key");
    expect(await rowCounts(setup.caller.workspaceId)).toEqual(before);
  });

  it("a 255-character key of visible ASCII is accepted", async () => {
    const setup = await setUp("partners");
    const k = "!~".repeat(127) + "z";
    expect(k).toHaveLength(255);
    const first = await post(setup, uniqueCreateBody("partners", 1), k);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await post(setup, uniqueCreateBody("partners", 1), k);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
  });

  it("the same key on another endpoint is a different request → 422", async () => {
    const setup = await setUp("commitments");
    const k = key("endpoint");
    expect((await post(setup, uniqueCreateBody("commitments", 1), k)).status).toBe(201);
    const before = await rowCounts(setup.caller.workspaceId);
    const other = await api(setup.caller, "POST", `/v1/partners/${setup.partnerId}/goals`, {
      body: uniqueCreateBody("goals", 1), headers: { "Idempotency-Key": k },
    });
    expectError(other, 422, "idempotency_key_reused");
    expect(await rowCounts(setup.caller.workspaceId)).toEqual(before);
  });

  it("a request that failed validation does not use up its key", async () => {
    const setup = await setUp("partners");
    const k = key("invalid-first");
    const bad = await post(setup, { ...uniqueCreateBody("partners", 1), cadence_days: 0 }, k);
    expectInvalidField(bad, "cadence_days");
    expect(await countRows(setup.caller.workspaceId, "idempotency_keys")).toBe(0);
    const good = await post(setup, uniqueCreateBody("partners", 1), k);
    expect(good.status, JSON.stringify(good.body)).toBe(201);
    expect(good.headers.get("Idempotent-Replayed")).toBeNull();
  });

  it("a request that conflicted (409) does not use up its key", async () => {
    const setup = await setUp("partners");
    expect((await post(setup, acmePartnerBody())).status).toBe(201);
    const k = key("conflict-first");
    const clash = await post(setup, acmePartnerBody({ name: "Acme again" }), k);
    const error = expectError(clash, 409, "conflict");
    // Both of its domains are taken; the issue names one of them by its index.
    expect(error.issues?.[0]?.path).toMatch(/^domains\.[01]$/);
    const good = await post(setup, uniqueCreateBody("partners", 7), k);
    expect(good.status, JSON.stringify(good.body)).toBe(201);
  });

  it("a member reusing another member's key gets their own answer, not the other's", async () => {
    const owner = await newWorkspace("owner");
    const member = await addMember(owner.workspaceId, "member");
    const k = key("shared-between-members");
    const body = uniqueCreateBody("partners", 1);
    const first = await post({ caller: owner, partnerId: null, path: "/v1/partners" }, body, k);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    // Same key, same body, another member: a request of its own, not a replay.
    const second = await post({ caller: member, partnerId: null, path: "/v1/partners" }, { ...body, name: "Member's own partner", domains: ["member-own.co.uk"] }, k);
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.headers.get("Idempotent-Replayed")).toBeNull();
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.body.name).toBe("Member's own partner");
    // And the member's own retry replays the member's answer.
    const retried = await post({ caller: member, partnerId: null, path: "/v1/partners" }, { ...body, name: "Member's own partner", domains: ["member-own.co.uk"] }, k);
    expect(retried.headers.get("Idempotent-Replayed")).toBe("true");
    expect(retried.body.id).toBe(second.body.id);
  });

  it("without a key, the same body twice writes twice", async () => {
    const setup = await setUp("commitments");
    const before = await countRows(setup.caller.workspaceId, "commitments");
    const body = uniqueCreateBody("commitments", 1);
    const [first, second] = [await post(setup, body), await post(setup, body)];
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).not.toBe(first.body.id);
    expect(await countRows(setup.caller.workspaceId, "commitments")).toBe(before + 2);
  });
});

describe("POST /v1/partners/:id/meetings", () => {
  const threeActionItems = {
    ...acmeMeeting,
    action_items: [
      { title: "Send the EMEA target account list", owed_by: "partner", due_on: "2026-03-18", owner_email: "priya.shah@acme.co.uk" },
      { title: "Book two Azure certification seats", owed_by: "us", due_on: "2026-03-25" },
      { title: "Draft the joint Globex proposal", owed_by: "us", due_on: null, owner_email: "dana.reyes@northwind.example" },
    ],
  };

  it("writes the meeting, its interaction and one commitment per action item, and moves last contact", async () => {
    const setup = await setUp("meetings");
    const before = await rowCounts(setup.caller.workspaceId);
    const response = await post(setup, threeActionItems, key("meeting"));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(meetingCreated.safeParse(response.body).success).toBe(true);
    const { meeting, interaction, commitments } = response.body;
    expect(response.headers.get("Location")).toBe(`/v1/meetings/${meeting.id}`);
    expect(meeting).toMatchObject({
      partner_id: setup.partnerId, title: "Q1 joint pipeline review", occurred_at: "2026-03-04T10:00:00.000Z",
      attendees: acmeMeeting.attendees, decisions: acmeMeeting.decisions, interaction_id: interaction.id, version: 1,
    });
    expect(interaction).toMatchObject({
      partner_id: setup.partnerId, kind: "meeting", direction: "both", occurred_at: "2026-03-04T10:00:00.000Z",
      meeting_id: meeting.id, participants: acmeMeeting.attendees,
      summary: "Q1 joint pipeline review. Decided: Co-sell the Azure migration offer in EMEA",
    });
    expect(commitments.map((c: any) => [c.title, c.owed_by, c.due_on, c.status, c.meeting_id])).toEqual([
      ["Send the EMEA target account list", "partner", "2026-03-18", "open", meeting.id],
      ["Book two Azure certification seats", "us", "2026-03-25", "open", meeting.id],
      ["Draft the joint Globex proposal", "us", null, "open", meeting.id],
    ]);
    expect(delta(before, await rowCounts(setup.caller.workspaceId))).toEqual({
      ...Object.fromEntries(workspaceTables.map((t) => [t, 0])),
      meetings: 1, interactions: 1, commitments: 3, audit_log: 5, idempotency_keys: 1,
    });

    const listed = await api(setup.caller, "GET", `/v1/partners/${setup.partnerId}/commitments`);
    expect(listed.body.items.map((c: any) => c.id).sort()).toEqual(commitments.map((c: any) => c.id).sort());
    const partner = await api(setup.caller, "GET", `/v1/partners/${setup.partnerId}`);
    expect(partner.body.last_contact_at).toBe("2026-03-04T10:00:00.000Z");
    // Last contact moving is derived state, not a change to the partner.
    expect(partner.body.version).toBe(1);
  });

  it("one invalid action item (due_on 2026-02-30) → 400 naming it, and nothing at all is written", async () => {
    const setup = await setUp("meetings");
    const partnerBefore = await api(setup.caller, "GET", `/v1/partners/${setup.partnerId}`);
    const before = await rowCounts(setup.caller.workspaceId);
    const k = key("bad-meeting");
    const invalid = {
      ...threeActionItems,
      action_items: threeActionItems.action_items.map((item, i) => (i === 1 ? { ...item, due_on: "2026-02-30" } : item)),
    };
    const response = await post(setup, invalid, k);
    expectInvalidField(response, "action_items.1.due_on");
    expect(await rowCounts(setup.caller.workspaceId)).toEqual(before);
    const partnerAfter = await api(setup.caller, "GET", `/v1/partners/${setup.partnerId}`);
    expect(partnerAfter.body).toEqual(partnerBefore.body);
    expect(partnerAfter.body.last_contact_at).toBeNull();

    // The corrected notes, sent with the same key, are saved once.
    const fixed = await post(setup, threeActionItems, k);
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(201);
    expect(fixed.body.commitments).toHaveLength(3);
  });

  it("last contact moves to a later meeting and stays put for an earlier one", async () => {
    const setup = await setUp("meetings");
    const at = async (occurred_at: string) => {
      const response = await post(setup, { ...acmeMeeting, occurred_at });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return (await api(setup.caller, "GET", `/v1/partners/${setup.partnerId}`)).body.last_contact_at;
    };
    expect(await at("2026-03-04T10:00:00Z")).toBe("2026-03-04T10:00:00.000Z");
    expect(await at("2026-05-20T16:30:00+02:00")).toBe("2026-05-20T14:30:00.000Z");
    expect(await at("2026-01-15T09:00:00Z")).toBe("2026-05-20T14:30:00.000Z");
  });
});
