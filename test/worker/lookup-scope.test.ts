import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { hashApiToken } from "../../shared/api-token.ts";
import { lookupResult } from "../../shared/schemas/lookup.ts";
import { lookupSql, matchedPartnerStatements, matchedScope, type LookupKeys } from "../../worker/db/lookup-queries.ts";
import { contextStatements } from "../../worker/db/partner-context.ts";
import { TrackedDb } from "../../worker/db/tracked-db.ts";
import { acmePartner, api, newWorkspace } from "./api-client.ts";

const keys = (partial: Partial<LookupKeys>): LookupKeys => ({ emails: [], domains: [], salesforceKeys: [], hubspotIds: [], linkedinSlugs: [], ...partial });

describe("the lookup's matched CTE covers only the kinds asked", () => {
  it("leaves out the kinds of key a request did not send, and binds only those it did", () => {
    const scope = matchedScope("hash", keys({ salesforceKeys: ["001i0000007BlV0"] }));
    const sql = scope.sql(lookupSql.matchedPartners);
    expect(sql).toContain("salesforce_key");
    expect(sql).not.toContain("contacts");
    expect(sql).not.toContain("partner_domains");
    expect(sql).not.toContain("hubspot_company_id = json_each.value");
    expect(scope.params).toEqual(["hash", '["001i0000007BlV0"]']);
    expect(() => scope.sql("SELECT 1")).toThrow(/matchedCte/);
  });

  it("finds the same partners and context as the all-kinds statements would", async () => {
    const caller = await newWorkspace();
    const created = await api(caller, "POST", "/v1/partners", { body: { ...acmePartner, salesforce_account_id: "001i0000007BlV0AAK" } });
    const partnerId = created.body.id as string;
    const db = new TrackedDb(env.DB);
    const hash = await hashApiToken(caller.token);
    for (const asked of [keys({ domains: ["acme.co.uk"] }), keys({ salesforceKeys: ["001i0000007BlV0"] }), keys({ emails: ["jo@acme.co.uk"], domains: ["acme.co.uk"] })]) {
      const scope = matchedScope(hash, asked);
      const [partners, domains] = await db.batch<{ id?: string; partner_id?: string }>([...matchedPartnerStatements(db, scope), ...contextStatements(db, scope)]);
      expect(partners!.results.map((row) => row.id)).toEqual([partnerId]);
      expect(domains!.results.map((row) => row.partner_id)).toEqual([partnerId, partnerId]);
    }
    // Nothing asked that matches: the same statements, no rows.
    const none = matchedScope(hash, keys({ domains: ["unknown.example"] }));
    expect((await db.batch(matchedPartnerStatements(db, none)))[0]!.results).toEqual([]);
  });

  it("gives each reason once when a request repeats a key", async () => {
    const caller = await newWorkspace();
    await api(caller, "POST", "/v1/partners", { body: acmePartner });
    const response = await api(caller, "GET", "/v1/lookup?domain=acme.co.uk&domain=ACME.co.uk&email=jo@acme.co.uk&email=jo@acme.co.uk");
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const { matches } = lookupResult.parse(response.body);
    expect(matches.map((match) => match.matched_by)).toEqual([[{ type: "domain", value: "acme.co.uk" }]]);
  });
});
