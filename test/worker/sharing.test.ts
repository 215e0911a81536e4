import { describe, expect, it } from "vitest";
import { api } from "./api-client.ts";
import { expectError } from "./fixtures.ts";
import { connectedPair } from "./sharing-setup.ts";

// One shared record, two companies: each reads it from its own side, both act
// on it, and the private ones never cross.

const promise = (title: string, owedBy: "us" | "partner", visibility: "private" | "shared") => ({ title, owed_by: owedBy, due_on: "2026-03-01", visibility });

describe("shared records cross, with sides flipped", () => {
  it("lists, reads and looks up the other side's shared records, never its private ones", async () => {
    const { A, B, brightpathInA, northwindInB, northwindDomain } = await connectedPair();
    const shared = await api(A, "POST", `/v1/partners/${brightpathInA}/commitments`, { body: promise("Send the EMEA account list", "partner", "shared") });
    await api(A, "POST", `/v1/partners/${brightpathInA}/commitments`, { body: promise("Private: chase their CFO", "partner", "private") });
    await api(A, "POST", `/v1/partners/${brightpathInA}/referrals`, {
      body: { direction: "to_partner", account_name: "Globex", submitted_at: "2026-02-10T09:30:00Z", visibility: "shared" },
    });
    const own = await api(B, "POST", `/v1/partners/${northwindInB}/commitments`, { body: promise("Brightpath's own promise", "us", "private") });

    const listed = await api(B, "GET", `/v1/partners/${northwindInB}/commitments`);
    expect(listed.status).toBe(200);
    const titles = listed.body.items.map((item: { title: string }) => item.title).sort();
    expect(titles).toEqual(["Brightpath's own promise", "Send the EMEA account list"]);
    expect(JSON.stringify(listed.body)).not.toContain("chase their CFO");
    const theirs = listed.body.items.find((item: { id: string }) => item.id === shared.body.id);
    expect(theirs).toMatchObject({
      owed_by: "us", partner_id: northwindInB, meeting_id: null,
      origin: { side: "theirs", workspace_name: expect.stringContaining("northwind"), member_email: A.email },
    });
    expect(listed.body.items.find((item: { id: string }) => item.id === own.body.id).origin).toMatchObject({ side: "ours", member_email: B.email });

    const referrals = await api(B, "GET", `/v1/partners/${northwindInB}/referrals`);
    expect(referrals.body.items).toEqual([expect.objectContaining({ account_name: "Globex", direction: "to_us" })]);
    const byId = await api(B, "GET", `/v1/commitments/${shared.body.id}`);
    expect(byId.body).toMatchObject({ owed_by: "us", partner_id: northwindInB });

    const lookup = await api(B, "GET", `/v1/lookup?email=priya@${northwindDomain}`);
    const match = lookup.body.matches[0];
    expect(match.open_commitments.map((item: { title: string; owed_by: string }) => [item.title, item.owed_by]).sort()).toEqual([
      ["Brightpath's own promise", "us"], ["Send the EMEA account list", "us"],
    ]);
    expect(match.referrals.to_us.total).toBe(1);
    expect(match.new_from_partner).toMatchObject({ commitments: 1, referrals: 1, since: null });
    expect(JSON.stringify(lookup.body)).not.toContain("chase their CFO");
    const again = await api(B, "GET", `/v1/lookup?email=priya@${northwindDomain}`);
    expect(again.body.matches[0].new_from_partner).toMatchObject({ commitments: 0, referrals: 0 });
  });

  it("lets the other side act on a shared promise, with versions, and shows who did it", async () => {
    const { A, B, brightpathInA } = await connectedPair();
    const shared = await api(A, "POST", `/v1/partners/${brightpathInA}/commitments`, { body: promise("Send the EMEA account list", "partner", "shared") });
    const stale = await api(B, "PATCH", `/v1/commitments/${shared.body.id}`, { body: { status: "done" }, headers: { "If-Match": '"7"' } });
    expectError(stale, 412, "precondition_failed");
    expectError(await api(B, "PATCH", `/v1/commitments/${shared.body.id}`, { body: { visibility: "private" } }), 400, "invalid_request");

    const done = await api(B, "PATCH", `/v1/commitments/${shared.body.id}`, { body: { status: "done" }, headers: { "If-Match": '"1"' } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.headers.get("ETag")).toBe('"2"');
    expect(done.body).toMatchObject({ status: "done", owed_by: "us", changed_by: { side: "ours", member_email: B.email } });

    const seenByA = await api(A, "GET", `/v1/commitments/${shared.body.id}`);
    expect(seenByA.body).toMatchObject({
      status: "done", owed_by: "partner", version: 2, partner_id: brightpathInA,
      changed_by: { side: "theirs", member_email: B.email, workspace_name: expect.stringContaining("brightpath") },
    });
    // B says, in its own words, that Northwind owes it after all: A's row reads "us".
    await api(B, "PATCH", `/v1/commitments/${shared.body.id}`, { body: { owed_by: "partner" } });
    expect((await api(A, "GET", `/v1/commitments/${shared.body.id}`)).body.owed_by).toBe("us");
  });

  it("lands simultaneous edits from both sides to different fields; the same version twice is one 412", async () => {
    const { A, B, brightpathInA } = await connectedPair();
    const { body: goal } = await api(A, "POST", `/v1/partners/${brightpathInA}/goals`, { body: { title: "Ten sourced deals", target: 10, current: 1, visibility: "shared" } });
    const [fromA, fromB] = await Promise.all([
      api(A, "PATCH", `/v1/goals/${goal.id}`, { body: { title: "Twelve sourced deals" } }),
      api(B, "PATCH", `/v1/goals/${goal.id}`, { body: { current: 4 } }),
    ]);
    expect([fromA.status, fromB.status]).toEqual([200, 200]);
    expect((await api(A, "GET", `/v1/goals/${goal.id}`)).body).toMatchObject({ title: "Twelve sourced deals", current: 4, version: 3 });

    const both = await Promise.all([
      api(A, "PATCH", `/v1/goals/${goal.id}`, { body: { current: 5 }, headers: { "If-Match": '"3"' } }),
      api(B, "PATCH", `/v1/goals/${goal.id}`, { body: { current: 6 }, headers: { "If-Match": '"3"' } }),
    ]);
    expect(both.map((answer) => answer.status).sort()).toEqual([200, 412]);
  });

  it("stops all crossing at once when either side disconnects; each keeps what it wrote", async () => {
    const { A, B, brightpathInA, northwindInB, northwindDomain, connectionId } = await connectedPair();
    const shared = await api(A, "POST", `/v1/partners/${brightpathInA}/commitments`, { body: promise("Send the EMEA account list", "partner", "shared") });
    await api(B, "PATCH", `/v1/commitments/${shared.body.id}`, { body: { status: "done" } });
    expect((await api(B, "DELETE", `/v1/connections/${connectionId}`)).status).toBe(204);

    expect((await api(B, "GET", `/v1/partners/${northwindInB}/commitments`)).body.items).toEqual([]);
    expectError(await api(B, "GET", `/v1/commitments/${shared.body.id}`), 404, "not_found");
    expectError(await api(B, "PATCH", `/v1/commitments/${shared.body.id}`, { body: { status: "open" } }), 404, "not_found");
    const lookup = await api(B, "GET", `/v1/lookup?email=priya@${northwindDomain}`);
    expect(lookup.body.matches[0].open_commitments).toEqual([]);
    expect(lookup.body.matches[0].new_from_partner).toBeUndefined();

    const kept = await api(A, "GET", `/v1/commitments/${shared.body.id}`);
    expect(kept.body).toMatchObject({ status: "done", owed_by: "partner" });
    expect(kept.body.changed_by).toBeUndefined();
  });
});

describe("the plan", () => {
  it("crosses in one action while connected, and stops when taken back or disconnected", async () => {
    const { A, B, brightpathInA, northwindInB, connectionId } = await connectedPair();
    await api(A, "PATCH", `/v1/partners/${brightpathInA}/plan`, { body: { rules_of_engagement: "Register deals before the first meeting" } });
    expect((await api(B, "GET", `/v1/partners/${northwindInB}/partner-plan`)).body).toEqual({ partner_id: northwindInB, shared: null });

    const shared = await api(A, "POST", `/v1/partners/${brightpathInA}/plan/sharing`, { body: { visibility: "shared" } });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    const seen = await api(B, "GET", `/v1/partners/${northwindInB}/partner-plan`);
    expect(seen.body.shared).toMatchObject({ plan: { rules_of_engagement: "Register deals before the first meeting" }, version: 2 });
    // A's own view of its plan is unchanged by sharing it; B's own plan is not A's.
    expect((await api(B, "GET", `/v1/partners/${northwindInB}/plan`)).body.plan.rules_of_engagement).toBeUndefined();

    await api(A, "POST", `/v1/partners/${brightpathInA}/plan/sharing`, { body: { visibility: "private" } });
    expect((await api(B, "GET", `/v1/partners/${northwindInB}/partner-plan`)).body.shared).toBeNull();
    await api(A, "POST", `/v1/partners/${brightpathInA}/plan/sharing`, { body: { visibility: "shared" } });
    expect((await api(A, "DELETE", `/v1/connections/${connectionId}`)).status).toBe(204);
    expect((await api(B, "GET", `/v1/partners/${northwindInB}/partner-plan`)).body.shared).toBeNull();
  });
});
