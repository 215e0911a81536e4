import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { roundOf } from "../../shared/pulse/rounds.ts";
import { api, newWorkspace } from "./api-client.ts";
import { expectError, expectInvalidField } from "./fixtures.ts";
import { connectedPair } from "./sharing-setup.ts";

// The quarterly pulse across two connected workspaces: each side's ratings
// stay hidden from the other until both have answered the round, a private
// comment never crosses, and an answer is final once the other side answered.

const ratings = (value: number) => ({ trust: value, respect: value, collaboration: value, success: value, goals: value });

describe("the quarterly pulse", () => {
  it("hides the other side's ratings until both answered, then shows both, never a private comment", async () => {
    const { A, brightpathInA, B, northwindInB } = await connectedPair();
    const fromA = await api(A, "POST", `/v1/partners/${brightpathInA}/pulse`, {
      body: { ratings: { ...ratings(4), trust: 2 }, comment: "zq-private-from-a", comment_shared: false },
    });
    expect(fromA.status, JSON.stringify(fromA.body)).toBe(200);
    expect(fromA.body.rounds[0].ours.ratings.trust).toBe(2);
    expect(fromA.body.rounds[0].their_state).toBe("not_answered");

    const beforeB = await api(B, "GET", `/v1/partners/${northwindInB}/pulse`);
    expect(beforeB.status).toBe(200);
    expect(beforeB.body.rounds[0]).toMatchObject({ round: roundOf(new Date()), ours: null, theirs: null, their_state: "answered_hidden" });
    expect(JSON.stringify(beforeB.body)).not.toContain("zq-private-from-a");
    expect(beforeB.body.can_answer).toBe(true);

    const fromB = await api(B, "POST", `/v1/partners/${northwindInB}/pulse`, { body: { ratings: ratings(5), comment: "zq-shared-from-b", comment_shared: true } });
    expect(fromB.status, JSON.stringify(fromB.body)).toBe(200);
    expect(fromB.body.rounds[0].theirs.ratings.trust).toBe(2);
    expect(fromB.body.rounds[0].theirs.comment).toBeNull();
    expect(JSON.stringify(fromB.body)).not.toContain("zq-private-from-a");
    expect(fromB.body.latest.traits.trust).toMatchObject({ ours: 5, theirs: 2, gap: 3 });

    const seenByA = await api(A, "GET", `/v1/partners/${brightpathInA}/pulse`);
    expect(seenByA.body.rounds[0].theirs).toMatchObject({ side: "theirs", comment: "zq-shared-from-b", ratings: ratings(5) });
    expect(seenByA.body.rounds[0].ours.comment).toBe("zq-private-from-a");
    expect(seenByA.body.latest.traits.trust).toMatchObject({ ours: 2, theirs: 5, gap: -3 });
    expect(seenByA.body.latest.traits.trust).toHaveProperty("behavioural");
  });

  it("lets a side change its answer until the other side answered, then keeps it final (409)", async () => {
    const { A, brightpathInA, B, northwindInB } = await connectedPair();
    const path = `/v1/partners/${brightpathInA}/pulse`;
    expect((await api(A, "POST", path, { body: { ratings: ratings(3) } })).status).toBe(200);
    const changed = await api(A, "POST", path, { body: { ratings: ratings(4) } });
    expect(changed.status).toBe(200);
    expect(changed.body.rounds[0].ours.ratings.trust).toBe(4);
    expect((await api(B, "POST", `/v1/partners/${northwindInB}/pulse`, { body: { ratings: ratings(2) } })).status).toBe(200);
    const late = await api(A, "POST", path, { body: { ratings: ratings(1) } });
    expectError(late, 409, "pulse_final");
    const again = await api(B, "POST", `/v1/partners/${northwindInB}/pulse`, { body: { ratings: ratings(5) } });
    expectError(again, 409, "pulse_final");
    const read = await api(A, "GET", path);
    expect(read.body).toMatchObject({ can_answer: false });
    expect(read.body.rounds[0].ours.ratings.trust).toBe(4);
    expect(read.body.rounds[0].theirs.ratings.trust).toBe(2);
  });

  it("shows only our own side without a connection, and stops showing theirs once disconnected", async () => {
    const { A, brightpathInA, B, northwindInB, connectionId } = await connectedPair();
    await api(A, "POST", `/v1/partners/${brightpathInA}/pulse`, { body: { ratings: ratings(3) } });
    await api(B, "POST", `/v1/partners/${northwindInB}/pulse`, { body: { ratings: ratings(5), comment: "zq-shared-b", comment_shared: true } });
    expect((await api(B, "DELETE", `/v1/connections/${connectionId}`)).status).toBe(204);
    const read = await api(A, "GET", `/v1/partners/${brightpathInA}/pulse`);
    expect(read.body.rounds[0]).toMatchObject({ theirs: null, their_state: "not_connected" });
    expect(JSON.stringify(read.body)).not.toContain("zq-shared-b");
    // Not connected: our answer is ours to change again.
    expect((await api(A, "POST", `/v1/partners/${brightpathInA}/pulse`, { body: { ratings: ratings(4) } })).status).toBe(200);

    const alone = await newWorkspace("owner");
    const partner = await api(alone, "POST", "/v1/partners", { body: { name: "Solo", domains: [], kind: "si" } });
    const solo = await api(alone, "GET", `/v1/partners/${partner.body.id}/pulse`);
    expect(solo.body.rounds).toEqual([{ round: roundOf(new Date()), ours: null, theirs: null, their_state: "not_connected" }]);
    expect(solo.body.latest).toBeNull();
  });

  it("stops counting a pulse older than 120 days, and says so", async () => {
    const { A, brightpathInA } = await connectedPair();
    const old = new Date(Date.now() - 150 * 86_400_000);
    await env.DB.prepare(
      `INSERT INTO pulse_answers (workspace_id, partner_id, round, trust, respect, collaboration, success, goals, answered_by_member_id, answered_at)
       VALUES (?, ?, ?, 3, 3, 3, 3, 3, ?, ?)`,
    ).bind(A.workspaceId, brightpathInA, roundOf(old), A.memberId, old.toISOString()).run();
    const read = await api(A, "GET", `/v1/partners/${brightpathInA}/pulse`);
    expect(read.body.latest).toBeNull();
    expect(read.body.stale_note).toContain("over 120 days old and no longer counts");
    expect(read.body.rounds.find((view: { round: string }) => view.round === roundOf(old)).ours.stale).toBe(true);
    const answered = await api(A, "POST", `/v1/partners/${brightpathInA}/pulse`, { body: { ratings: ratings(4) } });
    expect(answered.body.latest.round).toBe(roundOf(new Date()));
    expect(answered.body.stale_note).toBeNull();
  });

  it("refuses bad ratings naming the field, and another workspace's partner", async () => {
    const { A, brightpathInA, B } = await connectedPair();
    expectInvalidField(await api(A, "POST", `/v1/partners/${brightpathInA}/pulse`, { body: { ratings: { ...ratings(3), trust: 6 } } }), "ratings.trust");
    expectInvalidField(await api(A, "POST", `/v1/partners/${brightpathInA}/pulse`, { body: { ratings: { trust: 3 } } }), "ratings.respect");
    expectError(await api(B, "GET", `/v1/partners/${brightpathInA}/pulse`), 404, "not_found");
    expectError(await api(B, "POST", `/v1/partners/${brightpathInA}/pulse`, { body: { ratings: ratings(3) } }), 404, "not_found");
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM pulse_answers WHERE partner_id = ?").bind(brightpathInA).first<{ n: number }>();
    expect(rows!.n).toBe(0);
  });
});
