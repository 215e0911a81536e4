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
    expect(pageFacts(thread, ["priya@contoso.com"], "x")).toEqual({ sourceUrl: thread.url, people: ["priya@contoso.com"], ownAddress: "me@fabrikam.com", salesforceAccountId: null });
    expect(unknownCompany(thread, { emails: ["priya@contoso.com", "bob@gmail.com"], companyDomains: ["contoso.com"] }))
      .toEqual({ name: "Contoso", domains: ["contoso.com"], contacts: ["priya@contoso.com"] });
  });

  it("a Salesforce record offers its id for linking and prefills the record's name and website", () => {
    expect(pageFacts(account, [], "x")).toMatchObject({ sourceUrl: account.url, salesforceAccountId: "001U000002XyZabIAF" });
    expect(unknownCompany(account, { emails: [], companyDomains: [] })).toEqual({ name: "Contoso", domains: ["contoso.com"], contacts: [] });
  });
});
