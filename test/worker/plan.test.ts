import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { partnershipPlan, planResource, planVersion, planVersionWhole } from "../../shared/schemas/plan.ts";
import { planReview } from "../../shared/schemas/plan-review.ts";
import { api, newWorkspace, type TestCaller } from "./api-client.ts";
import { acmePartnerBody, expectError, seedAcme } from "./fixtures.ts";

const day = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * day).toISOString();
const dateIn = (days: number) => daysAgo(-days).slice(0, 10);

async function newPartner(caller: TestCaller, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await api(caller, "POST", "/v1/partners", { body: acmePartnerBody({ domains: [], salesforce_account_id: null, hubspot_company_id: null, ...overrides }) });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

describe("the plan as its own versioned resource", () => {
  it("keeps every version with who changed which fields, and each version whole", async () => {
    const caller = await newWorkspace();
    const id = await newPartner(caller);
    const first = await api(caller, "GET", `/v1/partners/${id}/plan`);
    expect(first.status).toBe(200);
    expect(first.headers.get("ETag")).toBe('"1"');
    expect(planResource.parse(first.body)).toMatchObject({ version: 1, review_every_days: 90, written: true });

    const change = {
      our_objectives: "Win ten UK retail accounts together",
      terms: { margin_percent: 22, referral_fee_percent: 10, mdf: { amount_minor: 2_500_000, currency: "GBP" }, other: [{ title: "Certification fund", amount: { amount_minor: 500_000, currency: "GBP" } }] },
      documents: [{ title: "Preisliste 2027 — Ü/东方 📄", url: "https://docs.northwind.example/acme/prices.pdf" }],
      review_every_days: 60,
    };
    const second = await api(caller, "PATCH", `/v1/partners/${id}/plan`, { body: change, headers: { "If-Match": '"1"' } });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.headers.get("ETag")).toBe('"2"');
    expect(second.body.plan).toMatchObject({ ...change, our_roles: ["Co-marketing budget", "Technical enablement"], renewal_on: "2027-04-01" });

    const stale = await api(caller, "PATCH", `/v1/partners/${id}/plan`, { body: { renewal_on: "2028-01-01" }, headers: { "If-Match": '"1"' } });
    expectError(stale, 412, "precondition_failed");
    // The plan is also a field of the partner; changing it there is a version too.
    const viaPartner = await api(caller, "PATCH", `/v1/partners/${id}`, { body: { plan: { ...second.body.plan, renewal_on: "2027-06-01" } } });
    expect(viaPartner.status, JSON.stringify(viaPartner.body)).toBe(200);

    const history = await api(caller, "GET", `/v1/partners/${id}/plan/history`);
    expect(history.status).toBe(200);
    const versions = (history.body.items as unknown[]).map((item) => planVersion.parse(item));
    expect(versions.map((entry) => entry.version)).toEqual([3, 2, 1]);
    expect(versions[0]!.changes).toEqual([{ field: "renewal_on", before: "2027-04-01", after: "2027-06-01" }]);
    expect(versions[1]!.changes.map((entry) => entry.field)).toEqual([
      "documents", "our_objectives", "review_every_days", "terms.margin_percent", "terms.mdf", "terms.notes", "terms.other",
    ]);
    expect(versions[1]!.changed_by).toEqual({ member_id: caller.memberId, email: expect.stringContaining("@") });
    expect((await api(caller, "GET", `/v1/partners/${id}/plan/history?limit=1&before=3`)).body.items.map((item: { version: number }) => item.version)).toEqual([2]);

    const whole = await api(caller, "GET", `/v1/partners/${id}/plan/versions/1`);
    expect(planVersionWhole.parse(whole.body).plan).toEqual(acmePartnerBody().plan);
    expect((await api(caller, "GET", `/v1/partners/${id}/plan/versions/2`)).body.plan.documents[0].title).toBe("Preisliste 2027 — Ü/东方 📄");
    expectError(await api(caller, "GET", `/v1/partners/${id}/plan/versions/9`), 404, "not_found");
  });

  it("never loses a field another edit set, however many land at once", async () => {
    const caller = await newWorkspace();
    const id = await newPartner(caller, { plan: {} });
    const edits = [
      { our_objectives: "Grow retail" }, { partner_objectives: "Add managed security" }, { rules_of_engagement: "Register first" },
      { renewal_on: "2027-09-01" }, { review_every_days: 45 }, { partner_roles: ["Lead sourcing"] },
    ];
    const answers = await Promise.all(edits.map((body) => api(caller, "PATCH", `/v1/partners/${id}/plan`, { body })));
    for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const plan = (await api(caller, "GET", `/v1/partners/${id}/plan`)).body;
    expect(plan.plan).toEqual(Object.assign({}, ...edits));
    expect(plan.version).toBe(7);
    const history = (await api(caller, "GET", `/v1/partners/${id}/plan/history`)).body.items;
    expect(history.map((entry: { changes: { field: string }[] }) => entry.changes.map((change) => change.field)).flat().sort()).toEqual(
      edits.map((edit) => Object.keys(edit)[0]).sort(),
    );
  });

  it("reads a plan stored in the old shape, and refuses bad input naming the field, writing nothing", async () => {
    const caller = await newWorkspace();
    const id = await newPartner(caller);
    const old = { our_roles: ["Enablement"], terms: { margin_percent: 18, notes: "Old terms" }, renewal_on: "2027-01-01" };
    await env.DB.prepare("UPDATE partners SET plan_json = ? WHERE id = ?").bind(JSON.stringify(old), id).run();
    expect((await api(caller, "GET", `/v1/partners/${id}/plan`)).body.plan).toEqual(old);
    // A partner written straight into D1 (demo data) has no version rows: its plan is its current version.
    await env.DB.prepare("DELETE FROM plan_versions WHERE partner_id = ?").bind(id).run();
    expect((await api(caller, "GET", `/v1/partners/${id}/plan/history`)).body.items).toEqual([
      { version: 1, changed_at: expect.any(String), changed_by: null, meeting_id: null, changes: [] },
    ]);
    expect((await api(caller, "GET", `/v1/partners/${id}/plan/versions/1`)).body.plan).toEqual(old);
    expect(partnershipPlan.parse((await api(caller, "GET", `/v1/partners/${id}`)).body.plan)).toEqual(old);

    const script = await api(caller, "PATCH", `/v1/partners/${id}/plan`, { body: { documents: [{ title: "Agreement", url: "javascript:alert(1)" }] } });
    expect(expectError(script, 400, "invalid_request").issues?.map((issue) => issue.path)).toContain("documents.0.url");
    const both = await api(caller, "PATCH", `/v1/partners/${id}/plan`, { body: { terms: { referral_fee_percent: 10, referral_fee_fixed: { amount_minor: 1, currency: "USD" } } } });
    expect(expectError(both, 400, "invalid_request").issues?.map((issue) => issue.path)).toContain("terms.referral_fee_fixed");
    expect((await api(caller, "GET", `/v1/partners/${id}/plan`)).body.version).toBe(1);
  });
});

/**
 * Globex: 10% referral fee, reviewed every 60 days, last 140 days ago. Two
 * referrals from them won since (one fee paid), a goal far behind pace, and
 * only they are doing anything.
 */
async function globexHistory(caller: TestCaller) {
  const id = await newPartner(caller, {
    name: "Globex Systems", created_at: daysAgo(400), cadence_days: 14,
    plan: { our_roles: ["Technical enablement"], partner_roles: ["Lead sourcing"], terms: { referral_fee_percent: 10 }, review_every_days: 60, last_reviewed_at: daysAgo(140), renewal_on: dateIn(40) },
  });
  const under = `/v1/partners/${id}`;
  const won = async (amount: number, feePaid: boolean) => {
    const created = await api(caller, "POST", `${under}/referrals`, { body: { direction: "to_us", account_name: "Initech Retail", amount_minor: amount, currency: "EUR", stage_history: [{ stage: "submitted", at: daysAgo(90) }, { stage: "won", at: daysAgo(30) }] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    if (feePaid) expect((await api(caller, "PATCH", `/v1/referrals/${created.body.id}`, { body: { fee_paid_at: daysAgo(5) } })).status).toBe(200);
  };
  await won(4_000_000, true);
  await won(6_000_000, false);
  await api(caller, "POST", `${under}/goals`, { body: { title: "Certify 6 engineers", target: 6, current: 1, due_on: dateIn(30), created_at: daysAgo(300) } });
  await api(caller, "POST", `${under}/interactions`, { body: { kind: "email", direction: "inbound", occurred_at: daysAgo(20) } });
  await api(caller, "POST", `${under}/commitments`, { body: { title: "Send the list", owed_by: "partner", due_on: dateIn(-10), status: "done", completed_at: daysAgo(12), created_at: daysAgo(40) } });
  return id;
}

describe("reviewing the plan against what happened", () => {
  it("assembles fees due against paid, goals behind pace and one-sided roles", async () => {
    const caller = await newWorkspace();
    const id = await globexHistory(caller);
    const response = await api(caller, "GET", `/v1/partners/${id}/plan/review`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const review = planReview.parse(response.body);
    expect(review.period.basis).toBe("last_review");
    expect(review.fees.due).toEqual([{ amount_minor: 1_000_000, currency: "EUR" }]);
    expect(review.fees.paid).toEqual([{ amount_minor: 400_000, currency: "EUR" }]);
    expect(review.fees.unpaid).toEqual([{ amount_minor: 600_000, currency: "EUR" }]);
    expect(review.referrals.to_us.won_value).toEqual([{ amount_minor: 10_000_000, currency: "EUR" }]);
    expect(review.goals).toMatchObject([{ title: "Certify 6 engineers", pace: "behind", progress_percent: 17 }]);
    expect(review.promises.partner).toMatchObject({ made: 1, kept_on_time: 1 });
    expect(review.roles.findings).toEqual(["We have roles in the plan (Technical enablement) but the record shows nothing from us in this period"]);

    const health = (await api(caller, "GET", `/v1/partners/${id}`)).body.health;
    expect(health.traits.goals.signals.map((signal: { text: string }) => signal.text)).toContain("Plan last reviewed 140 days ago; you review every 60");
    expect(health.next_actions.map((action: { text: string }) => action.text)).toContain(`Review the plan with Globex Systems before it renews on ${dateIn(40)}`);
  });

  it("records a review from a meeting: last reviewed, a new version linked to it, action items as commitments", async () => {
    const caller = await newWorkspace();
    const id = await globexHistory(caller);
    const meeting = await api(caller, "POST", `/v1/partners/${id}/meetings`, { body: {
      title: "Plan review", occurred_at: daysAgo(1), decisions: ["Raise the fee to 12%"],
      action_items: [{ title: "Pay the Initech Retail fee", owed_by: "us", due_on: dateIn(7) }],
    } });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
    const meetingId = meeting.body.meeting.id;
    expect(meeting.body.commitments.map((entry: { title: string }) => entry.title)).toEqual(["Pay the Initech Retail fee"]);

    const stale = await api(caller, "POST", `/v1/partners/${id}/plan/reviews`, { body: { meeting_id: meetingId }, headers: { "If-Match": '"0"' } });
    expectError(stale, 412, "precondition_failed");
    const recorded = await api(caller, "POST", `/v1/partners/${id}/plan/reviews`, { body: { meeting_id: meetingId, decisions: { terms: { referral_fee_percent: 12 } } } });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body.plan).toMatchObject({ last_reviewed_at: meeting.body.meeting.occurred_at, terms: { referral_fee_percent: 12 } });
    expect(recorded.headers.get("Location")).toBe(`/v1/partners/${id}/plan/versions/${recorded.body.version}`);

    const [latest] = (await api(caller, "GET", `/v1/partners/${id}/plan/history`)).body.items;
    expect(latest).toMatchObject({ version: recorded.body.version, meeting_id: meetingId });
    expect(latest.changes.map((change: { field: string }) => change.field)).toEqual(["last_reviewed_at", "terms.referral_fee_percent"]);
    const review = planReview.parse((await api(caller, "GET", `/v1/partners/${id}/plan/review`)).body);
    expect(review.period.from).toBe(meeting.body.meeting.occurred_at);
    expect(review.fees.percent).toBe(12);
    const signals = (await api(caller, "GET", `/v1/partners/${id}`)).body.health.traits.goals.signals;
    expect(signals).toContainEqual({ text: "Plan last reviewed 1 day ago; you review every 60", effect: "positive" });
  });

  it("refuses a meeting that is not with this partner, naming the field", async () => {
    const caller = await newWorkspace();
    const acme = await seedAcme(caller);
    const other = await newPartner(caller, { name: "Other Co" });
    const response = await api(caller, "POST", `/v1/partners/${other}/plan/reviews`, { body: { meeting_id: acme.meeting.meeting.id } });
    expect(expectError(response, 400, "invalid_request").issues).toEqual([{ path: "meeting_id", message: expect.stringContaining("not a meeting with this partner") }]);
    expect((await api(caller, "GET", `/v1/partners/${other}/plan`)).body.version).toBe(1);
  });
});
