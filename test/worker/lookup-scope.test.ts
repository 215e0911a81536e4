import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { hashApiToken } from "../../shared/api-token.ts";
import { lookupResult } from "../../shared/schemas/lookup.ts";
import { lookupSql, matchedBy, matchedPartnersStatement, partnerDomains, matchedScope, type LookupKeys, type MatchedColumns } from "../../worker/db/lookup-queries.ts";
import { TrackedDb } from "../../worker/db/tracked-db.ts";
import { acmePartner, api, newWorkspace } from "./api-client.ts";

const keys = (partial: Partial<LookupKeys>): LookupKeys => ({ emails: [], domains: [], salesforceKeys: [], hubspotIds: [], linkedinSlugs: [], ...partial });

describe("the lookup's matched CTE covers only the kinds asked", () => {
  it("leaves out the kinds of key a request did not send, and binds only those it did", () => {
    const scope = matchedScope("hash", keys({ salesforceKeys: ["001i0000007BlV0"] }));
    const sql = scope.sql(lookupSql.matchedPartners);
    expect(sql).toContain("salesforce_key");
    expect(sql).not.toContain("c.email = json_each.value");
    expect(sql).not.toContain("d.domain = json_each.value");
    expect(sql).not.toContain("hubspot_company_id = json_each.value");
    expect(scope.params).toEqual(["hash", '["001i0000007BlV0"]']);
    expect(() => scope.sql("SELECT 1")).toThrow(/matchedCte/);
  });

  it("finds the partner, why and its domains whichever kinds were asked", async () => {
    const caller = await newWorkspace();
    const created = await api(caller, "POST", "/v1/partners", { body: { ...acmePartner, salesforce_account_id: "001i0000007BlV0AAK" } });
    const partnerId = created.body.id as string;
    const db = new TrackedDb(env.DB);
    const hash = await hashApiToken(caller.token);
    const cases: [LookupKeys, string[]][] = [
      [keys({ domains: ["acme.co.uk"] }), ["domain"]],
      [keys({ salesforceKeys: ["001i0000007BlV0"] }), ["salesforce"]],
      [keys({ emails: ["nobody@acme.co.uk"], domains: ["acme.co.uk"], salesforceKeys: ["001i0000007BlV0"] }), ["domain", "salesforce"]],
    ];
    for (const [asked, why] of cases) {
      const [partners] = await db.batch<{ id: string } & MatchedColumns>([matchedPartnersStatement(db, matchedScope(hash, asked))]);
      expect(partners!.results.map((row) => row.id)).toEqual([partnerId]);
      expect(matchedBy(partners!.results[0]!).map((reason) => reason.type)).toEqual(why);
      expect(partnerDomains(partners!.results[0]!)).toEqual([...acmePartner.domains].sort());
    }
    // Nothing asked that matches: the same statement, no rows.
    const none = matchedScope(hash, keys({ domains: ["unknown.example"] }));
    expect((await db.batch([matchedPartnersStatement(db, none)]))[0]!.results).toEqual([]);
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
