import { describe, expect, it } from "vitest";
import { lookupResult } from "../../shared/schemas/lookup.ts";
import { acmePartner, api, newWorkspace, type TestCaller } from "./api-client.ts";

const day = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * day).toISOString();
const dateIn = (days: number) => new Date(Date.now() + days * day).toISOString().slice(0, 10);

async function acmeWithHistory(caller: TestCaller) {
  const partnerId = (await api(caller, "POST", "/v1/partners", { body: { ...acmePartner, salesforce_account_id: "001i0000007BlV0AAK", hubspot_company_id: "4242" } })).body.id as string;
  const post = (path: string, body: unknown) => api(caller, "POST", `/v1/partners/${partnerId}/${path}`, { body });
  await post("contacts", { email: "sam.personal@gmail.com", name: "Sam (Acme, personal address)" });
  await post("interactions", { kind: "email", direction: "inbound", occurred_at: daysAgo(60), summary: "Intro" });
  await post("interactions", { kind: "call", direction: "outbound", occurred_at: daysAgo(41), summary: "Pipeline call", participants: ["jo@acme.co.uk"] });
  await post("commitments", { title: "Send MDF approval", owed_by: "us", due_on: dateIn(-3) });
  await post("commitments", { title: "Register Initech deal", owed_by: "partner", due_on: dateIn(5) });
  await post("commitments", { title: "Undated follow-up", owed_by: "partner" });
  await post("commitments", { title: "Kept promise", owed_by: "us", due_on: dateIn(-10), status: "done" });
  await post("referrals", { direction: "to_us", account_name: "Initech", amount_minor: 1_000_000, currency: "GBP", stage_history: [{ stage: "submitted", at: daysAgo(30) }, { stage: "won", at: daysAgo(5) }] });
  await post("referrals", { direction: "to_us", account_name: "Hooli", stage_history: [{ stage: "submitted", at: daysAgo(20) }] });
  await post("referrals", { direction: "to_partner", account_name: "Globex", amount_minor: 250_000, currency: "EUR", stage_history: [{ stage: "submitted", at: daysAgo(10) }, { stage: "lost", at: daysAgo(2) }] });
  await post("goals", { title: "Certify 3 engineers", metric: "certified_engineers", target: 3, current: 1, due_on: dateIn(60) });
  return partnerId;
}

describe("GET /v1/lookup", () => {
  it("returns the sidebar's whole payload for a person at a partner subdomain", async () => {
    const caller = await newWorkspace();
    const partnerId = await acmeWithHistory(caller);
    const response = await api(caller, "GET", "/v1/lookup?email=Jo@Sales.Acme.co.uk&email=me@northwind.example");
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const { matches } = lookupResult.parse(response.body);
    expect(matches).toHaveLength(1);
    const match = matches[0]!;
    expect(match.partner.id).toBe(partnerId);
    expect(match.matched_by).toEqual([{ type: "domain", value: "acme.co.uk" }]);
    // Scored on every write: the overdue promise we owe is the first thing to fix.
    expect(match.health.version).toBeTruthy();
    expect(match.health.traits.trust.signals.map((signal) => signal.text)).toContain("1 promise you owe Acme Cloud Partners is overdue (oldest due " + dateIn(-3) + ")");
    expect(match.health.next_actions.map((action) => action.text)).toContain("Close the 1 overdue promise to Acme Cloud Partners");
    expect(match.partner.health).toEqual(match.health);
    expect(match.last_contact).toMatchObject({ kind: "call", direction: "outbound", days_since: 41, cadence_days: 14, overdue: true, participants: ["jo@acme.co.uk"] });
    expect(match.open_commitments.map((c) => [c.title, c.owed_by, c.overdue])).toEqual([
      ["Send MDF approval", "us", true],
      ["Register Initech deal", "partner", false],
      ["Undated follow-up", "partner", false],
    ]);
    expect(match.recent_interactions.map((i) => i.summary)).toEqual(["Pipeline call", "Intro"]);
    expect(match.referrals.to_us).toMatchObject({ total: 2, won: 1, submitted: 1, won_value: [{ currency: "GBP", amount_minor: 1_000_000 }] });
    expect(match.referrals.to_partner).toMatchObject({ total: 1, lost: 1, won_value: [] });
    expect(match.referrals.recent.map((r) => r.account_name)).toEqual(["Globex", "Hooli", "Initech"]);
    expect(match.goals.map((g) => g.title)).toEqual(["Certify 3 engineers"]);
  });

  it("matches by Salesforce id in either form, by HubSpot id, by domain and by a known contact's free-mail address", async () => {
    const caller = await newWorkspace();
    const partnerId = await acmeWithHistory(caller);
    const cases: [string, { type: string; value: string }][] = [
      ["salesforce=001i0000007BlV0", { type: "salesforce", value: "001i0000007BlV0AAK" }],
      ["salesforce=001i0000007BlV0AAK", { type: "salesforce", value: "001i0000007BlV0AAK" }],
      ["hubspot=4242", { type: "hubspot", value: "4242" }],
      ["domain=https://www.acme-partners.com/contact", { type: "domain", value: "acme-partners.com" }],
      ["email=sam.personal@gmail.com", { type: "email", value: "sam.personal@gmail.com" }],
    ];
    for (const [query, reason] of cases) {
      const response = await api(caller, "GET", `/v1/lookup?${query}`);
      expect(response.body.matches.map((m: { partner: { id: string } }) => m.partner.id), query).toEqual([partnerId]);
      expect(response.body.matches[0].matched_by, query).toEqual([reason]);
    }
  });

  it("never matches a partner through a free-mail domain or a bare public suffix", async () => {
    const caller = await newWorkspace();
    await acmeWithHistory(caller);
    for (const query of ["email=someone@gmail.com", "domain=co.uk", "email=x@co.uk", "domain=gmail.com"]) {
      const response = await api(caller, "GET", `/v1/lookup?${query}`);
      expect(response.status, query).toBe(200);
      expect(response.body, query).toEqual({ matches: [] });
    }
  });

  it("returns several partners for a thread with people from several, strongest match first", async () => {
    const caller = await newWorkspace();
    await acmeWithHistory(caller);
    await api(caller, "POST", "/v1/partners", { body: { name: "Globex", kind: "si", domains: ["globex.com"], salesforce_account_id: "0015g00000ABCDE" } });
    const response = await api(caller, "GET", "/v1/lookup?email=jo@acme.co.uk&email=hank@globex.com&salesforce=0015g00000ABCDE");
    expect(response.body.matches.map((m: { partner: { name: string } }) => m.partner.name)).toEqual(["Globex", "Acme Cloud Partners"]);
    expect(response.body.matches[0].matched_by).toEqual([{ type: "domain", value: "globex.com" }, { type: "salesforce", value: "0015g00000ABCDE" }]);
  });

  it("forgets an archived partner's people", async () => {
    const caller = await newWorkspace();
    const partnerId = await acmeWithHistory(caller);
    await api(caller, "DELETE", `/v1/partners/${partnerId}`);
    const response = await api(caller, "GET", "/v1/lookup?email=sam.personal@gmail.com");
    expect(response.body).toEqual({ matches: [] });
  });

  it("names the bad parameter and asks for at least one", async () => {
    const caller = await newWorkspace();
    const none = await api(caller, "GET", "/v1/lookup");
    expect(none.status).toBe(400);
    expect(none.body.error.message).toMatch(/at least one of email, domain, salesforce, hubspot or linkedin/);
    const badEmail = await api(caller, "GET", "/v1/lookup?email=jo@acme.co.uk&email=not-an-email");
    expect(badEmail.body.error.issues).toEqual([{ path: "email.1", message: "not-an-email is not an email address" }]);
    const badSalesforce = await api(caller, "GET", "/v1/lookup?salesforce=001i0000007BlV0AAA");
    expect(badSalesforce.body.error.issues[0].path).toBe("salesforce.0");
    const unknown = await api(caller, "GET", "/v1/lookup?email=jo@acme.co.uk&phone=1");
    expect(unknown.body.error.issues[0]).toEqual({ path: "phone", message: "unknown field" });
  });

  it("reports what it cost in Server-Timing", async () => {
    const caller = await newWorkspace();
    await acmeWithHistory(caller);
    const response = await api(caller, "GET", "/v1/lookup?email=jo@acme.co.uk");
    expect(response.headers.get("Server-Timing")).toMatch(/^db;dur=\d+(\.\d+)?;desc="rows_read=\d+ rows_written=\d+ queries=\d+ round_trips=\d+"$/);
  });
  it("answers in one D1 round trip of three statements, the token check included, for one partner or a thread naming two", async () => {
    const caller = await newWorkspace();
    await acmeWithHistory(caller);
    await api(caller, "POST", "/v1/partners", { body: { name: "Initech", domains: ["initech.com"], kind: "referral", status: "active" } });
    const roundTrips = async (query: string) => {
      const response = await api(caller, "GET", `/v1/lookup?${query}`);
      expect(response.status).toBe(200);
      const timing = response.headers.get("Server-Timing")!;
      // Three statements however many kinds of key were asked: the token, the partners with their context, their connections.
      expect(/queries=(\d+)/.exec(timing)![1], query).toBe("3");
      return { count: lookupResult.parse(response.body).matches.length, trips: /round_trips=(\d+)/.exec(timing)![1] };
    };
    await roundTrips("email=jo@acme.co.uk"); // last_used_at is written at most once a minute: not by the requests below
    expect(await roundTrips("email=jo@acme.co.uk")).toEqual({ count: 1, trips: "1" });
    expect(await roundTrips("email=jo@acme.co.uk&email=bill@initech.com&salesforce=001i0000007BlV0AAK")).toEqual({ count: 2, trips: "1" });
    expect(await roundTrips("domain=unknown.example")).toEqual({ count: 0, trips: "1" });
  });

  it("keeps the ten strongest matches when more partners match, each with its own context", async () => {
    const caller = await newWorkspace();
    const acmeId = await acmeWithHistory(caller);
    const emails = ["email=jo@acme.co.uk"];
    for (let index = 0; index < 11; index += 1) {
      await api(caller, "POST", "/v1/partners", { body: { name: `Partner ${index}`, domains: [`p${index}-partner.com`], kind: "referral", status: "active" } });
      emails.push(`email=someone@p${index}-partner.com`);
    }
    // All twelve match by domain; Acme also by its Salesforce id, the strongest sign.
    const response = await api(caller, "GET", `/v1/lookup?${emails.join("&")}&salesforce=001i0000007BlV0AAK`);
    const { matches } = lookupResult.parse(response.body);
    expect(matches).toHaveLength(10);
    expect(matches[0]!.partner.id).toBe(acmeId);
    expect(matches[0]!.recent_interactions.map((interaction) => interaction.summary)).toEqual(["Pipeline call", "Intro"]);
    expect(matches.slice(1).every((match) => match.recent_interactions.length === 0 && match.open_commitments.length === 0)).toBe(true);
  });
});
