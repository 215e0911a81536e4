import { describe, expect, it } from "vitest";
import { api } from "./api-client.ts";
import { expectError, expectInvalidField } from "./fixtures.ts";
import { connectedPair } from "./sharing-setup.ts";

// GET /v1/partners/:id/health/changes on a realistic two-sided history: the
// move since a day, per trait, and the facts behind it, the connected
// partner's shared records included.

const day = 86_400_000;
const at = (daysAgo: number) => new Date(Date.now() - daysAgo * day).toISOString();
const on = (daysAgo: number) => at(daysAgo).slice(0, 10);

describe("why the health changed", () => {
  it("says which promises became overdue this week, ours and the partner's, and how each trait moved", async () => {
    const { A, brightpathInA, B, northwindInB } = await connectedPair();
    const promise = async (caller: typeof A, partnerId: string, body: Record<string, unknown>) => {
      const made = await api(caller, "POST", `/v1/partners/${partnerId}/commitments`, { body });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
    };
    for (const [due, done] of [[40, 41], [30, 31], [20, 21]] as const) {
      await promise(A, brightpathInA, { title: `Kept ${due}`, owed_by: "us", status: "done", due_on: on(due), completed_at: at(done), created_at: at(due + 14) });
      await promise(A, brightpathInA, { title: `Theirs kept ${due}`, owed_by: "partner", status: "done", due_on: on(due), completed_at: at(done), created_at: at(due + 14) });
    }
    for (let ago = 63; ago >= 0; ago -= 7) {
      const touch = await api(A, "POST", `/v1/partners/${brightpathInA}/interactions`, { body: { kind: "call", direction: "outbound", occurred_at: at(ago + 0.5) } });
      expect(touch.status, JSON.stringify(touch.body)).toBe(201);
    }
    await promise(A, brightpathInA, { title: "Send the EMEA list", owed_by: "us", due_on: on(3), created_at: at(20) });
    await promise(A, brightpathInA, { title: "Book the webinar", owed_by: "us", due_on: on(2), created_at: at(20) });
    // Brightpath's own shared promise to Northwind, overdue since this week.
    await promise(B, northwindInB, { title: "Intro to their CISO", owed_by: "us", due_on: on(4), created_at: at(20), visibility: "shared" });

    const changes = await api(A, "GET", `/v1/partners/${brightpathInA}/health/changes`);
    expect(changes.status, JSON.stringify(changes.body)).toBe(200);
    expect(changes.body.since).toBe(on(7));
    expect(changes.body.change).toBeLessThan(0);
    expect(changes.body.headline).toBe(`↓ ${-changes.body.change}: 2 promises to Brightpath became overdue`);
    expect(changes.body.causes.map((cause: { text: string }) => cause.text)).toContain("1 promise Brightpath owes you became overdue");
    expect(changes.body.traits.trust.change).toBeLessThan(0);
    expect(changes.body.traits.trust.appeared.map((signal: { text: string }) => signal.text)).toContainEqual(expect.stringMatching(/^2 promises you owe Brightpath are overdue/));

    const month = await api(A, "GET", `/v1/partners/${brightpathInA}/health/changes?since=${on(60)}`);
    expect(month.status).toBe(200);
    expect(month.body.before).toBeNull();
  });

  it("refuses a since that is today, later, too far back or not a day, and another workspace's partner", async () => {
    const { A, brightpathInA, B } = await connectedPair();
    const path = `/v1/partners/${brightpathInA}/health/changes`;
    expectInvalidField(await api(A, "GET", `${path}?since=${on(0)}`), "since");
    expectInvalidField(await api(A, "GET", `${path}?since=${on(-3)}`), "since");
    expectInvalidField(await api(A, "GET", `${path}?since=${on(400)}`), "since");
    expectInvalidField(await api(A, "GET", `${path}?since=last-week`), "since");
    expectError(await api(B, "GET", path), 404, "not_found");
  });
});
