import { describe, expect, it } from "vitest";
import { pageFacts, queryFor, unknownCompany } from "../../extension/content/page-query.ts";
import type { EmailContext, RecordContext } from "../../extension/sites/page-context.ts";

/** What the sidebar asks about a page depends on the context's shape only, never on the site. */
const thread: EmailContext = {
  kind: "email", site: "gmail", threadId: "T1", messageIds: ["m1"], subject: "Plan",
  ownAddress: "me@fabrikam.com", emails: ["priya@contoso.com", "me@fabrikam.com"], url: "https://mail.google.com/mail/u/0/#inbox/T1",
};
const account: RecordContext = {
  kind: "record", site: "salesforce", crm: "salesforce", recordId: "001U000002XyZabIAF", objectName: "Account",
  name: "Contoso", websiteDomain: "contoso.com", url: "https://acme.lightning.force.com/lightning/r/Account/001U000002XyZabIAF/view",
};

describe("queryFor", () => {
  it("looks up a conversation's people with the signed-in address, and nothing when nobody is shown", () => {
    expect(queryFor(thread)).toEqual({ emails: thread.emails, ownAddress: "me@fabrikam.com" });
    expect(queryFor({ ...thread, emails: [] })).toBeNull();
  });

  it("looks up a record by its CRM's id and its website", () => {
    expect(queryFor(account)).toEqual({ salesforce: ["001U000002XyZabIAF"], domains: ["contoso.com"] });
    expect(queryFor({ ...account, websiteDomain: null })).toEqual({ salesforce: ["001U000002XyZabIAF"], domains: [] });
  });

  it("asks nothing on a page with nothing to show or one it couldn't read", () => {
    expect(queryFor({ kind: "nothing-to-show", site: "gmail" })).toBeNull();
    expect(queryFor({ kind: "unreadable", site: "gmail", selector: "gmail message", reason: "unreadable: gmail message (div.adn)" })).toBeNull();
  });
});

describe("pageFacts and unknownCompany", () => {
  it("a conversation offers its people and names an unknown company after its domain", () => {
    expect(pageFacts(thread, ["priya@contoso.com"], "x")).toEqual({ sourceUrl: thread.url, people: ["priya@contoso.com"], ownAddress: "me@fabrikam.com", link: null });
    expect(unknownCompany(thread, { emails: ["priya@contoso.com", "bob@gmail.com"], companyDomains: ["contoso.com"] }))
      .toEqual({ name: "Contoso", domains: ["contoso.com"], contacts: ["priya@contoso.com"] });
  });

  it("a Salesforce record offers its id for linking and prefills the record's name and website", () => {
    expect(pageFacts(account, [], "x")).toMatchObject({ sourceUrl: account.url, link: { field: "salesforce_account_id", value: "001U000002XyZabIAF", label: "Link this account" } });
    expect(unknownCompany(account, { emails: [], companyDomains: [] })).toEqual({ name: "Contoso", domains: ["contoso.com"], contacts: [] });
  });
});

describe("HubSpot and LinkedIn records", () => {
  const company: RecordContext = {
    kind: "record", site: "hubspot", crm: "hubspot", recordId: "18273645012", objectName: "company",
    name: "Brightpath Solutions", websiteDomain: "brightpath-solutions.com", url: "https://app.hubspot.com/contacts/4821937/record/0-2/18273645012",
  };
  const contact: RecordContext = {
    kind: "record", site: "hubspot", crm: "hubspot", recordId: "501", objectName: "contact", name: "Priya Shah",
    websiteDomain: null, emails: ["priya.shah@brightpath-solutions.com"], url: "https://app.hubspot.com/contacts/4821937/record/0-1/501",
  };
  const linkedinPage: RecordContext = {
    kind: "record", site: "linkedin", crm: "linkedin", recordId: "brightpath-solutions", objectName: "company",
    name: "Brightpath Solutions", websiteDomain: "brightpath-solutions.com", url: "https://www.linkedin.com/company/brightpath-solutions/",
  };

  it("looks a HubSpot company up by its id and domain, and offers to link the id", () => {
    expect(queryFor(company)).toEqual({ hubspot: ["18273645012"], domains: ["brightpath-solutions.com"] });
    expect(pageFacts(company, [], "x").link).toEqual({ field: "hubspot_company_id", value: "18273645012", matchedBy: "hubspot", label: "Link this record" });
  });

  it("looks a HubSpot contact up by their address, never by the contact's id, and offers no link", () => {
    expect(queryFor(contact)).toEqual({ emails: ["priya.shah@brightpath-solutions.com"], ownAddress: null, domains: [] });
    expect(pageFacts(contact, [], "x")).toMatchObject({ people: ["priya.shah@brightpath-solutions.com"], link: null });
    expect(unknownCompany(contact, { emails: [], companyDomains: [] })).toEqual({ name: "", domains: [], contacts: ["priya.shah@brightpath-solutions.com"] });
  });

  it("looks a LinkedIn page up by its slug and website, and offers to link the slug", () => {
    expect(queryFor(linkedinPage)).toEqual({ linkedin: ["brightpath-solutions"], domains: ["brightpath-solutions.com"] });
    expect(pageFacts(linkedinPage, [], "x").link).toMatchObject({ field: "linkedin_slug", value: "brightpath-solutions", label: "Link this page" });
  });
});
