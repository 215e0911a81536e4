import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { historySql } from "../../worker/db/partnership-history.ts";
import { api, type TestCaller } from "./api-client.ts";
import { connectedPair } from "./sharing-setup.ts";

// Once connected, what the partner company recorded in its shared records
// counts in our health score and reads in its evidence, saying whose record
// it is; its private records never do; and disconnecting takes it all away.

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function promise(caller: TestCaller, partnerId: string, body: Record<string, unknown>): Promise<string> {
  const made = await api(caller, "POST", `/v1/partners/${partnerId}/commitments`, { body });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body.id;
}

const signalsOf = (partner: any, trait: string): string[] => partner.health.traits[trait].signals.map((signal: { text: string }) => signal.text);

describe("the partner's shared records in our health", () => {
  it("counts their kept promises, says they are theirs, leaves their private ones out, and stops once disconnected", async () => {
    const { A, brightpathInA, B, northwindInB, connectionId } = await connectedPair();
    const brightpath = (await api(B, "GET", "/v1/me")).body.workspace.name as string;
    // A's score is stored fresh now: Brightpath's writes below must make it recompute.
    expect((await api(A, "GET", `/v1/partners/${brightpathInA}`)).body.health.traits.trust.score).toBeNull();
    // Brightpath owes Northwind these (owed_by "us" on Brightpath's side) and marked three of them kept.
    for (let i = 0; i < 3; i++) await promise(B, northwindInB, { title: `zq-kept-${i}`, owed_by: "us", status: "done", due_on: daysAgo(10 + i), visibility: "shared" });
    await promise(B, northwindInB, { title: "zq-late", owed_by: "us", due_on: daysAgo(5), visibility: "shared" });
    // And one Northwind owes, overdue: Northwind's nudges count it.
    await promise(B, northwindInB, { title: "zq-we-owe", owed_by: "partner", due_on: daysAgo(2), visibility: "shared" });
    await promise(B, northwindInB, { title: "zq-private-kept", owed_by: "us", status: "done", due_on: daysAgo(3), visibility: "private" });

    const connected = (await api(A, "GET", `/v1/partners/${brightpathInA}`)).body;
    expect(signalsOf(connected, "trust")).toContain(`${brightpath} marked 3 of their 4 promises kept, in their shared records`);
    expect(signalsOf(connected, "trust")).toContain("Brightpath owes you 1 overdue promise");
    expect(JSON.stringify(connected)).not.toContain("zq-private");
    expect(connected.health.traits.trust.score).not.toBeNull();

    const listed = await api(A, "GET", `/v1/commitments?partner_id=${brightpathInA}&limit=100`);
    expect(listed.status).toBe(200);
    const titles = listed.body.items.map((item: { title: string }) => item.title).sort();
    expect(titles).toEqual(["zq-kept-0", "zq-kept-1", "zq-kept-2", "zq-late", "zq-we-owe"]);
    for (const item of listed.body.items) {
      expect(item).toMatchObject({ owed_by: item.title === "zq-we-owe" ? "us" : "partner", partner_id: brightpathInA, origin: { side: "theirs", workspace_name: brightpath } });
    }
    expect((await api(A, "GET", "/v1/nudges?scope=workspace")).body.promises).toEqual({ overdue: 1, due_today: 0 });
    const theyOwe = await api(A, "GET", "/v1/commitments?owed_by=partner&overdue=true");
    expect(theyOwe.body.items.map((item: { title: string }) => item.title)).toEqual(["zq-late"]);
    expect((await api(A, "GET", "/v1/commitments?owed_by=us")).body.items.map((item: { title: string }) => item.title)).toEqual(["zq-we-owe"]);

    expect((await api(A, "DELETE", `/v1/connections/${connectionId}`)).status).toBe(204);
    const apart = (await api(A, "GET", `/v1/partners/${brightpathInA}`)).body;
    expect(JSON.stringify(apart.health)).not.toContain(brightpath);
    expect(apart.health.traits.trust.score).toBeNull();
    expect((await api(A, "GET", "/v1/commitments")).body.items).toEqual([]);
    expect((await api(A, "GET", "/v1/nudges?scope=workspace")).body.promises).toEqual({ overdue: 0, due_today: 0 });
  });

  it("says how the partner answered the referrals we sent them, from their records", async () => {
    const { A, brightpathInA, B, northwindInB } = await connectedPair();
    const brightpath = (await api(B, "GET", "/v1/me")).body.workspace.name as string;
    // Brightpath recorded two referrals Northwind sent them (to_us on their side) and answered one: won.
    const sent = await api(B, "POST", `/v1/partners/${northwindInB}/referrals`, {
      body: { account_name: "Acme", direction: "to_us", submitted_at: `${daysAgo(40)}T09:00:00Z`, visibility: "shared" },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect((await api(B, "PATCH", `/v1/referrals/${sent.body.id}`, { body: { stage: "won" } })).status).toBe(200);
    await api(B, "POST", `/v1/partners/${northwindInB}/referrals`, {
      body: { account_name: "Globex", direction: "to_us", submitted_at: `${daysAgo(30)}T09:00:00Z`, visibility: "shared" },
    });
    const partner = (await api(A, "GET", `/v1/partners/${brightpathInA}`)).body;
    expect(signalsOf(partner, "respect")).toContain(`${brightpath} answered 1 of the 2 referrals you sent them, in their shared records`);
    expect(signalsOf(partner, "success")).toContain(`${brightpath} marked 1 of the 1 referral you sent them won, in their shared records`);
  });
});

describe("reading the partner's shared records for health", () => {
  it("goes through the caller's live connection by index, never scanning a table", async () => {
    for (const sql of [historySql.theirCommitments("?"), historySql.theirReferrals("?")]) {
      const params = sql.includes("submitted_at >=") ? ["wsp_x", "ptr_x", "2026-01-01"] : ["wsp_x", "ptr_x"];
      const plan = (await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>()).results.map((row) => row.detail).join("\n");
      expect(plan).toMatch(/SEARCH k USING INDEX connections_live_(partner|pair) \(workspace_id=\?/);
      expect(plan).toMatch(/SEARCH r USING INDEX \w+ \(workspace_id=\? AND partner_id=\?/);
      expect(plan).not.toMatch(/\bSCAN\b/);
    }
  });
});
