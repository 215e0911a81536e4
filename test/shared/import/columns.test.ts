import { describe, expect, it } from "vitest";
import { mapColumns, normalizeHeader } from "../../../shared/import/columns.ts";

// Header rows as the tools write them (a Salesforce report exported as CSV, a
// HubSpot "export all properties" download, a PRM's deal registrations).

const mapped = (mapping: Record<string, string | null>) =>
  Object.fromEntries(Object.entries(mapping).filter(([, field]) => field !== null));

describe("mapping columns by their usual names", () => {
  it("reads a Salesforce accounts report", () => {
    const headers = ["Account Owner", "Account Name", "Type", "Rating", "Last Activity", "Billing State/Province", "Account ID", "Website", "Created Date"];
    expect(mapped(mapColumns("partners", headers))).toEqual({
      "Account Owner": "owner_email", "Account Name": "name", Type: "kind", "Account ID": "salesforce_account_id",
      Website: "domains", "Created Date": "created_at",
    });
  });

  it("reads a HubSpot companies export, preferring the domain column over the website", () => {
    const headers = ["Record ID", "Company name", "Company owner", "Create Date", "Phone Number", "Last Activity Date", "City",
      "Country/Region", "Industry", "Company Domain Name", "Website URL", "Type", "Lifecycle Stage", "Number of Employees"];
    expect(mapped(mapColumns("partners", headers))).toEqual({
      "Record ID": "hubspot_company_id", "Company name": "name", "Company owner": "owner_email", "Create Date": "created_at",
      "Company Domain Name": "domains", Type: "kind", "Lifecycle Stage": "status",
    });
  });

  it("reads Salesforce and HubSpot contact exports, with the company as the partner", () => {
    expect(mapped(mapColumns("contacts", ["Contact Owner", "First Name", "Last Name", "Title", "Account Name", "Mailing City", "Phone", "Email", "Account ID"]))).toEqual({
      "First Name": "first_name", "Last Name": "last_name", Title: "title", "Account Name": "partner.name", Phone: "phone",
      Email: "email", "Account ID": "partner.salesforce_account_id",
    });
    expect(mapped(mapColumns("contacts", ["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Job Title", "Associated Company", "Associated Company IDs"]))).toEqual({
      "First Name": "first_name", "Last Name": "last_name", Email: "email", "Phone Number": "phone", "Job Title": "title",
      "Associated Company": "partner.name", "Associated Company IDs": "partner.hubspot_company_id",
    });
  });

  it("reads a Salesforce activities report", () => {
    const headers = ["Assigned", "Subject", "Activity Type", "Date", "Company / Account", "Comments", "Activity ID"];
    expect(mapped(mapColumns("interactions", headers))).toEqual({
      Subject: "summary", "Activity Type": "kind", Date: "occurred_at", "Company / Account": "partner.name", "Activity ID": "source_id",
    });
  });

  it("reads an opportunities report as referrals: the account is the customer, the partner has its own column", () => {
    const headers = ["Opportunity Owner", "Account Name", "Opportunity Name", "Stage", "Amount", "Close Date", "Created Date", "Next Step", "Partner Account", "Opportunity ID"];
    expect(mapped(mapColumns("referrals", headers))).toEqual({
      "Account Name": "account_name", Stage: "stage", Amount: "amount", "Close Date": "closed_at", "Created Date": "submitted_at",
      "Next Step": "notes", "Partner Account": "partner.name", "Opportunity ID": "source_id",
    });
  });

  it("reads a PRM's deal registrations", () => {
    const headers = ["Partner Name", "Customer Name", "Deal Value", "Currency", "Status", "Submitted On", "Referral ID"];
    expect(mapped(mapColumns("referrals", headers))).toEqual({
      "Partner Name": "partner.name", "Customer Name": "account_name", "Deal Value": "amount", Currency: "currency",
      Status: "stage", "Submitted On": "submitted_at", "Referral ID": "source_id",
    });
  });

  it("fills each field from one column at most and ignores what it does not know", () => {
    const mapping = mapColumns("partners", ["Website", "Domain", "Favourite colour"]);
    expect(mapping).toEqual({ Website: null, Domain: "domains", "Favourite colour": null });
  });

  it("compares headers without case, punctuation or spacing", () => {
    expect(normalizeHeader("  ACCOUNT_Name ")).toBe("account name");
    expect(normalizeHeader("Billing State/Province")).toBe("billing state province");
  });
});
