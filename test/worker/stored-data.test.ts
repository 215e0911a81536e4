import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { newId } from "../../shared/ids.ts";
import { maxAmountMinor } from "../../shared/schemas/common.ts";
import { lookupResult } from "../../shared/schemas/lookup.ts";
import { api, newWorkspace, type TestCaller } from "./api-client.ts";
import { auditEntries, expectInvalidField } from "./fixtures.ts";

async function partnerAt(caller: TestCaller, domain: string): Promise<string> {
  const response = await api(caller, "POST", "/v1/partners", { body: { name: `Partner at ${domain}`, domains: [domain], kind: "referral", status: "active" } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

/** Won referrals written straight to D1, as data stored before the API's bound could be. */
async function storeWonReferrals(caller: TestCaller, partnerId: string, count: number, amountMinor: number): Promise<void> {
  const at = "2026-02-10T09:30:00.000Z";
  const history = JSON.stringify([{ stage: "submitted", at }, { stage: "won", at }]);
  const statements = Array.from({ length: count }, (_, index) =>
    env.DB.prepare(
      `INSERT INTO referrals (id, workspace_id, partner_id, direction, account_name, amount_minor, currency, stage, submitted_at,
         stage_history_json, created_at, updated_at) VALUES (?, ?, ?, 'to_us', ?, ?, 'USD', 'won', ?, ?, ?, ?)`,
    ).bind(newId("ref"), caller.workspaceId, partnerId, `Deal ${index}`, amountMinor, at, history, at, at));
  for (let start = 0; start < statements.length; start += 200) await env.DB.batch(statements.slice(start, start + 200));
}

async function wonValue(caller: TestCaller, domain: string) {
  const response = await api(caller, "GET", `/v1/lookup?email=someone@${domain}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return lookupResult.parse(response.body).matches[0]!.referrals.to_us;
}

describe("no stored amount can break a read", () => {
  it("answers the lookup for 1,030 won referrals of 2^53 - 1 (was 500: integer overflow)", async () => {
    const caller = await newWorkspace();
    const partnerId = await partnerAt(caller, "overflow.example.com");
    await storeWonReferrals(caller, partnerId, 1_030, Number.MAX_SAFE_INTEGER);
    const counts = await wonValue(caller, "overflow.example.com");
    expect(counts.won).toBe(1_030);
    // Each legacy amount counts as the bound; the total is capped where doubles stop being exact.
    expect(counts.won_value).toEqual([{ currency: "USD", amount_minor: Number.MAX_SAFE_INTEGER }]);
  });

  it("sums three stored amounts of 2^53 - 1 exactly, each counted at the bound (was off by one)", async () => {
    const caller = await newWorkspace();
    const partnerId = await partnerAt(caller, "off-by-one.example.com");
    await storeWonReferrals(caller, partnerId, 3, Number.MAX_SAFE_INTEGER);
    expect((await wonValue(caller, "off-by-one.example.com")).won_value).toEqual([{ currency: "USD", amount_minor: 3 * maxAmountMinor }]);
  });

  it("sums three of the largest amounts the API takes exactly", async () => {
    const caller = await newWorkspace();
    const partnerId = await partnerAt(caller, "exact.example.com");
    for (let n = 0; n < 3; n++) {
      const response = await api(caller, "POST", `/v1/partners/${partnerId}/referrals`, {
        body: { direction: "to_us", account_name: `Deal ${n}`, amount_minor: maxAmountMinor, currency: "USD", stage: "won", submitted_at: "2026-02-10T09:30:00Z" },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
    expect((await wonValue(caller, "exact.example.com")).won_value).toEqual([{ currency: "USD", amount_minor: 3 * maxAmountMinor }]);
  });

  it("refuses amounts above the bound, naming the field", async () => {
    const caller = await newWorkspace();
    const partnerId = await partnerAt(caller, "bound.example.com");
    const response = await api(caller, "POST", `/v1/partners/${partnerId}/referrals`, {
      body: { direction: "to_us", account_name: "Too big", amount_minor: Number.MAX_SAFE_INTEGER, currency: "USD" },
    });
    expectInvalidField(response, "amount_minor");
  });
});

describe("a change that changes nothing writes nothing", () => {
  it("moves a referral to the stage it is in without a new version or audit row", async () => {
    const caller = await newWorkspace();
    const partnerId = await partnerAt(caller, "same-stage.example.com");
    const created = await api(caller, "POST", `/v1/partners/${partnerId}/referrals`, {
      body: { direction: "to_us", account_name: "Globex", stage: "accepted", submitted_at: "2026-02-10T09:30:00Z" },
    });
    const id = created.body.id;
    const again = await api(caller, "PATCH", `/v1/referrals/${id}`, { body: { stage: "accepted" } });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.version).toBe(1);
    expect(again.body.stage_history).toEqual(created.body.stage_history);
    expect(again.headers.get("ETag")).toBe('"1"');
    expect((await auditEntries(caller.workspaceId, id)).map((entry) => entry.action)).toEqual(["create"]);
    const moved = await api(caller, "PATCH", `/v1/referrals/${id}`, { body: { stage: "won" } });
    expect(moved.body.version).toBe(2);
    expect((await auditEntries(caller.workspaceId, id)).map((entry) => entry.action)).toEqual(["create", "update"]);
  });
});
