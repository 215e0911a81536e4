import { describe, expect, it } from "vitest";
import { mapColumns } from "../../../shared/import/columns.ts";
import { toImportRow } from "../../../shared/import/to-rows.ts";
import { domainsOf, instantOf, numberOf, partnerKindOf, referralStageOf } from "../../../shared/import/values.ts";

describe("reading cells as CRMs write them", () => {
  it("reads dates in ISO, HubSpot and US Salesforce forms, and day-first when told", () => {
    expect(instantOf("2026-02-12")).toBe("2026-02-12T00:00:00.000Z");
    expect(instantOf("2026-02-12 14:05")).toBe("2026-02-12T14:05:00.000Z");
    expect(instantOf("2026-02-12T14:05:00+01:00")).toBe("2026-02-12T14:05:00.000+01:00");
    expect(instantOf("2026-12-01T03:20:52.843Z")).toBe("2026-12-01T03:20:52.843Z");
    expect(instantOf("2/12/2026, 2:05 PM")).toBe("2026-02-12T14:05:00.000Z");
    expect(instantOf("12/2/2026 12:30 AM")).toBe("2026-12-02T00:30:00.000Z");
    expect(instantOf("12/02/2026", true)).toBe("2026-02-12T00:00:00.000Z");
    expect(instantOf("next Tuesday")).toBe("next Tuesday");
  });

  it("reads amounts with symbols and either decimal mark", () => {
    expect(numberOf("$45,000.00")).toBe(45_000);
    expect(numberOf("€1.234,50")).toBe(1234.5);
    expect(numberOf("1,200 GBP")).toBe(1200);
    expect(numberOf("n/a")).toBeNull();
  });

  it("turns websites into domains and keeps what it can't read for the API to name", () => {
    expect(domainsOf("https://www.Acme.co.uk/about; acme-partners.com")).toEqual(["acme.co.uk", "acme-partners.com"]);
    expect(domainsOf("gmail.com")).toEqual(["gmail.com"]);
  });

  it("maps the usual words for kinds and stages, and passes unknown ones on", () => {
    expect(partnerKindOf("Managed Service Provider")).toBe("msp");
    expect(partnerKindOf("VAR")).toBe("reseller");
    expect(partnerKindOf("Wizard")).toBe("wizard");
    expect(referralStageOf("Closed Won")).toBe("won");
    expect(referralStageOf("Negotiation/Review")).toBe("accepted");
  });
});

describe("a CSV record as an import row", () => {
  it("builds a referral with its stage history from an opportunity row", () => {
    const headers = ["Account Name", "Stage", "Amount", "Close Date", "Created Date", "Partner Account", "Opportunity ID"];
    const record = {
      "Account Name": "Globex Retail", Stage: "Closed Won", Amount: "£45,000.00", "Close Date": "3/14/2026",
      "Created Date": "1/20/2026", "Partner Account": "Acme Cloud Partners", "Opportunity ID": "006Aa000001",
    };
    expect(toImportRow("referrals", record, mapColumns("referrals", headers), 7)).toEqual({
      row: 7, partner: { name: "Acme Cloud Partners" }, source_id: "006Aa000001",
      fields: {
        direction: "to_us", account_name: "Globex Retail", amount_minor: 4_500_000, currency: "GBP",
        stage_history: [{ stage: "submitted", at: "2026-01-20T00:00:00.000Z" }, { stage: "won", at: "2026-03-14T00:00:00.000Z" }],
      },
    });
  });

  it("leaves out blank cells and owners written as names", () => {
    const headers = ["Company name", "Company owner", "Company Domain Name", "Type"];
    const record = { "Company name": "Brightpath", "Company owner": "Dana Reyes", "Company Domain Name": "brightpath.io", Type: "" };
    expect(toImportRow("partners", record, mapColumns("partners", headers), 2, { defaultKind: "si", dayFirst: false })).toEqual({
      row: 2, fields: { name: "Brightpath", domains: ["brightpath.io"], kind: "si" },
    });
  });
});
