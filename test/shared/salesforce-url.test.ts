import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isAccountRecord, looksLikeRecordId, salesforceRecordFromUrl } from "../../shared/salesforce-url.ts";

interface UrlCase {
  url: string;
  expected: string | null;
  note?: string;
}

// 30 real URL cases from a public Salesforce extension's test suite. Its
// function also returned object names ("Account") and key prefixes ("001")
// for list pages; those pages show no record, so we expect null there.
const { cases } = JSON.parse(
  readFileSync(new URL("../../../shared/fixtures/salesforce/sf-inspector-getRecordId-url-cases.json", import.meta.url), "utf8"),
) as { cases: UrlCase[] };

describe("salesforceRecordFromUrl against real URL cases", () => {
  it.each(cases.map((c) => [c.note || c.url, c] as const))("%s", (_name, c) => {
    const expected = c.expected !== null && looksLikeRecordId(c.expected) ? c.expected : null;
    expect(salesforceRecordFromUrl(c.url)?.recordId ?? null).toBe(expected);
  });
});

describe("Lightning record pages", () => {
  it("reads the object and id from /lightning/r/<Object>/<id>/view", () => {
    expect(salesforceRecordFromUrl("https://acme.lightning.force.com/lightning/r/Account/001U0000004JEu4IAG/view")).toEqual({
      recordId: "001U0000004JEu4IAG", objectName: "Account", keyPrefix: "001",
    });
  });

  it("reads ids from orgs with two-character pods", () => {
    expect(salesforceRecordFromUrl("https://acme.lightning.force.com/lightning/r/Account/0015g00000XyZabAAB/view")?.recordId).toBe("0015g00000XyZabAAB");
    expect(salesforceRecordFromUrl("https://acme.my.salesforce.com/001Hn00001AbCdEIAV")?.recordId).toBe("001Hn00001AbCdEIAV");
  });

  it("knows which records are Accounts", () => {
    expect(isAccountRecord(salesforceRecordFromUrl("https://acme.lightning.force.com/lightning/r/Account/001U0000004JEu4IAG/view")!)).toBe(true);
    expect(isAccountRecord(salesforceRecordFromUrl("https://acme.lightning.force.com/lightning/r/Contact/003U0000004JEu4IAG/view")!)).toBe(false);
    expect(isAccountRecord(salesforceRecordFromUrl("https://na1.salesforce.com/001i0000007BlV0")!)).toBe(true);
  });

  it("returns null for pages that are not a record", () => {
    expect(salesforceRecordFromUrl("https://acme.lightning.force.com/lightning/o/Account/list")).toBeNull();
    expect(salesforceRecordFromUrl("not a url")).toBeNull();
  });
});
