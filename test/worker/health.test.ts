import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { formulaVersion } from "../../shared/health/formula.ts";
import { health as healthSchema, healthHistory, healthTrends } from "../../shared/schemas/health.ts";
import { nightlyRefresh } from "../../worker/cron/nightly-refresh.ts";
import { acmePartner, addMember, api, newWorkspace, type TestCaller } from "./api-client.ts";

const day = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * day).toISOString();
const dateIn = (days: number) => new Date(Date.now() + days * day).toISOString().slice(0, 10);

/** A partnership with enough history to score: regular two-way contact, promises kept, one overdue. */
async function scoredPartner(caller: TestCaller) {
  const id = (await api(caller, "POST", "/v1/partners", { body: { ...acmePartner, created_at: daysAgo(300) } })).body.id as string;
  for (let age = 200; age >= 5; age -= 10) {
    await api(caller, "POST", `/v1/partners/${id}/interactions`, { body: { kind: "email", direction: age % 20 === 0 ? "inbound" : "outbound", occurred_at: daysAgo(age) } });
  }
  for (const [owedBy, due] of [["us", -40], ["partner", -30], ["us", -20], ["partner", -10]] as const) {
    await api(caller, "POST", `/v1/partners/${id}/commitments`, { body: { title: "Kept", owed_by: owedBy, due_on: dateIn(due), status: "done", completed_at: daysAgo(-due + 1) } });
  }
  return id;
}

describe("health in the API", () => {
  it("scores a partner on every write and explains it", async () => {
    const caller = await newWorkspace();
    const id = await scoredPartner(caller);
    const partner = await api(caller, "GET", `/v1/partners/${id}`);
    const health = healthSchema.parse(partner.body.health);
    expect(health.version).toBe(formulaVersion);
    expect(health.band).not.toBe("insufficient_data");
    expect(health.traits.trust.signals.map((signal) => signal.text)).toContain("You kept 2 of 2 promises to Acme Cloud Partners on time in the last 90 days");
    const before = health.score!;

    // Breaking a promise is visible on the next read, with what to do about it.
    const overdue = await api(caller, "POST", `/v1/partners/${id}/commitments`, { body: { title: "Send MDF approval", owed_by: "us", due_on: dateIn(-6) } });
    const after = (await api(caller, "GET", `/v1/partners/${id}`)).body.health;
    expect(after.score).toBeLessThan(before);
    expect(after.next_actions[0].text).toBe("Close the 1 overdue promise to Acme Cloud Partners");
    await api(caller, "PATCH", `/v1/commitments/${overdue.body.id}`, { body: { status: "done" } });
    expect((await api(caller, "GET", `/v1/partners/${id}`)).body.health.score).toBeGreaterThan(after.score);
  });

  it("sorts partners by health", async () => {
    const caller = await newWorkspace();
    await scoredPartner(caller);
    const quiet = (await api(caller, "POST", "/v1/partners", { body: { name: "Quiet Co", kind: "si", status: "active", cadence_days: 14, created_at: daysAgo(400) } })).body.id;
    await api(caller, "POST", `/v1/partners/${quiet}/interactions`, { body: { kind: "call", direction: "outbound", occurred_at: daysAgo(120) } });
    for (let i = 0; i < 3; i++) await api(caller, "POST", `/v1/partners/${quiet}/commitments`, { body: { title: "Missed", owed_by: "us", due_on: dateIn(-60 - i) } });
    const best = await api(caller, "GET", "/v1/partners?sort=-health");
    expect(best.body.items.map((p: { name: string }) => p.name)).toEqual(["Acme Cloud Partners", "Quiet Co"]);
    const worst = await api(caller, "GET", "/v1/partners?sort=health");
    expect(worst.body.items.map((p: { name: string }) => p.name)).toEqual(["Quiet Co", "Acme Cloud Partners"]);
  });

  it("keeps a daily trend and marks a change of formula", async () => {
    const caller = await newWorkspace();
    const id = await scoredPartner(caller);
    await env.DB.batch([
      env.DB.prepare("INSERT INTO health_snapshots (workspace_id, partner_id, day, score, band, confidence, formula_version, traits_json, computed_at) VALUES (?, ?, ?, 61, 'watch', 0.5, 'older-formula', ?, ?)")
        .bind(caller.workspaceId, id, daysAgo(2).slice(0, 10), JSON.stringify({ trust: 60, respect: null, collaboration: 70, success: null, goals: null }), daysAgo(2)),
      env.DB.prepare("INSERT INTO health_snapshots (workspace_id, partner_id, day, score, band, confidence, formula_version, traits_json, computed_at) VALUES (?, ?, ?, 64, 'watch', 0.5, 'older-formula', ?, ?)")
        .bind(caller.workspaceId, id, daysAgo(1).slice(0, 10), JSON.stringify({ trust: 62, respect: null, collaboration: 72, success: null, goals: null }), daysAgo(1)),
    ]);
    const response = await api(caller, "GET", `/v1/partners/${id}/health/history?days=30`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const trend = healthHistory.parse(response.body);
    expect(trend.items.map((point) => [point.version, point.formula_changed])).toEqual([
      ["older-formula", false], ["older-formula", false], [formulaVersion, true],
    ]);
    expect(trend.items[2]!.day).toBe(new Date().toISOString().slice(0, 10));
  });

  it("re-scores every partner nightly", async () => {
    const caller = await newWorkspace();
    const id = await scoredPartner(caller);
    await env.DB.prepare("UPDATE partners SET health_json = NULL, health_score = NULL WHERE id = ?").bind(id).run();
    const report = await nightlyRefresh(env.DB, new Date());
    expect(report.scored).toBeGreaterThanOrEqual(1);
    const row = await env.DB.prepare("SELECT health_score, health_json FROM partners WHERE id = ?").bind(id).first<{ health_score: number; health_json: string }>();
    expect(row!.health_score).toBe(JSON.parse(row!.health_json).score);
  });

  it("lets owners and admins weigh the traits, and re-scores with the new weights", async () => {
    const caller = await newWorkspace();
    const id = await scoredPartner(caller);
    const defaults = await api(caller, "GET", "/v1/workspace/settings");
    expect(defaults.body.health.weights.trust).toBeGreaterThan(0);
    const onlyTrust = await api(caller, "PATCH", "/v1/workspace/settings", { body: { health: { weights: { respect: 0, collaboration: 0, success: 0, goals: 0 } } } });
    expect(onlyTrust.status, JSON.stringify(onlyTrust.body)).toBe(200);
    const health = (await api(caller, "GET", `/v1/partners/${id}`)).body.health;
    expect(health.score).toBe(health.traits.trust.score);

    const none = await api(caller, "PATCH", "/v1/workspace/settings", { body: { health: { weights: { trust: 0 } } } });
    expect(none.status).toBe(400);
    expect(none.body.error.issues[0].path).toBe("health.weights");
    const member = await addMember(caller.workspaceId, "member");
    const refused = await api(member, "PATCH", "/v1/workspace/settings", { body: { health: { default_cadence_days: 10 } } });
    expect(refused.status).toBe(403);
    const unknown = await api(caller, "PATCH", "/v1/workspace/settings", { body: { health: { weights: { vibes: 3 } } } });
    expect(unknown.body.error.issues[0].path).toBe("health.weights.vibes");
  });

  it("keeps the trend of another workspace out of reach", async () => {
    const owner = await newWorkspace();
    const id = await scoredPartner(owner);
    const stranger = await newWorkspace();
    const response = await api(stranger, "GET", `/v1/partners/${id}/health/history`);
    expect(response.status).toBe(404);
  });

  it("gives several partners' trends in one request, in the order asked, and only this workspace's", async () => {
    const caller = await newWorkspace();
    const scored = await scoredPartner(caller);
    const traits = JSON.stringify({ trust: 60, respect: null, collaboration: 70, success: null, goals: null });
    const fresh = (await api(caller, "POST", "/v1/partners", { body: { ...acmePartner, name: "Fresh Partner", domains: ["fresh-partner.com"] } })).body.id as string;
    await env.DB.prepare("INSERT INTO health_snapshots (workspace_id, partner_id, day, score, band, confidence, formula_version, traits_json, computed_at) VALUES (?, ?, ?, 61, 'watch', 0.5, ?, ?, ?)")
      .bind(caller.workspaceId, scored, daysAgo(3).slice(0, 10), formulaVersion, traits, daysAgo(3)).run();
    // And one older than the window asked for.
    await env.DB.prepare("INSERT INTO health_snapshots (workspace_id, partner_id, day, score, band, confidence, formula_version, traits_json, computed_at) VALUES (?, ?, ?, 12, 'at_risk', 0.5, ?, ?, ?)")
      .bind(caller.workspaceId, scored, daysAgo(40).slice(0, 10), formulaVersion, traits, daysAgo(40)).run();
    const stranger = await newWorkspace();
    const theirs = await scoredPartner(stranger);

    const response = await api(caller, "GET", `/v1/health/trends?partner_id=${fresh}&partner_id=${theirs}&partner_id=${scored}&days=30`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const trends = healthTrends.parse(response.body);
    expect(trends.items.map((item) => item.partner_id)).toEqual([fresh, scored]);
    const [freshTrend, scoredTrend] = trends.items;
    expect(freshTrend!.points.map((point) => point.day)).toEqual([new Date().toISOString().slice(0, 10)]);
    expect(scoredTrend!.points.map((point) => point.day)).toEqual([daysAgo(3).slice(0, 10), new Date().toISOString().slice(0, 10)]);
    expect(scoredTrend!.points[0]!.score).toBe(61);
    // The same trend as the partner's own history.
    const history = healthHistory.parse((await api(caller, "GET", `/v1/partners/${scored}/health/history?days=30`)).body);
    expect(scoredTrend!.points).toEqual(history.items.map((point) => ({ day: point.day, score: point.score, backfilled: point.backfilled })));
  });

  it("answers a trends request for 100 partners (more than one query's worth of ids) and refuses 101", async () => {
    const caller = await newWorkspace();
    const ids = [];
    for (let index = 0; index < 100; index += 1) {
      ids.push((await api(caller, "POST", "/v1/partners", { body: { name: `Partner ${index}`, kind: "reseller", domains: [`partner-${index}.com`] } })).body.id as string);
    }
    const query = (list: string[]) => list.map((id) => `partner_id=${id}`).join("&");
    const response = await api(caller, "GET", `/v1/health/trends?${query(ids)}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(healthTrends.parse(response.body).items.map((item) => item.partner_id)).toEqual(ids);
    const tooMany = await api(caller, "GET", `/v1/health/trends?${query([...ids, ids[0]!])}`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.issues[0].path).toBe("partner_id");
    const none = await api(caller, "GET", "/v1/health/trends");
    expect(none.status).toBe(400);
    expect(none.body.error.issues[0].path).toBe("partner_id");
  });
});
