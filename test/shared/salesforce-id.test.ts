import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isSalesforceId, salesforceKey, toEighteenCharacterId } from "../../shared/salesforce-id.ts";

interface UrlCase {
  url: string;
  expected: string | null;
  note?: string;
}

// Real URL cases from a public Salesforce extension's test suite (see ../shared/fixtures/README.md).
const fixture = JSON.parse(
  readFileSync(new URL("../../../shared/fixtures/salesforce/sf-inspector-getRecordId-url-cases.json", import.meta.url), "utf8"),
) as { cases: UrlCase[] };

describe("Salesforce ids", () => {
  it("computes the 18-character checksum Salesforce uses", () => {
    expect(toEighteenCharacterId("001i0000007BlV0")).toBe("001i0000007BlV0AAK");
    expect(isSalesforceId("001i0000007BlV0AAK")).toBe(true);
    expect(isSalesforceId("001i0000007BlV0AAA")).toBe(false);
    expect(isSalesforceId("001i0000007BlV0")).toBe(true);
    expect(isSalesforceId("001i0000007Bl")).toBe(false);
  });

  it("gives both forms of an id the same key", () => {
    expect(salesforceKey("001i0000007BlV0AAK")).toBe(salesforceKey("001i0000007BlV0"));
  });

  it("accepts every 18-character id in the real URL cases", () => {
    const eighteen = fixture.cases.map((c) => c.expected).filter((id): id is string => id !== null && id.length === 18);
    expect(eighteen.length).toBeGreaterThan(0);
    for (const id of eighteen) expect(isSalesforceId(id), id).toBe(true);
  });
});
