import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hubspotPageKey, readHubspotPage } from "../../extension/sites/hubspot-adapter.ts";
import { hubspotPropertySelectors, hubspotSelectors } from "../../extension/sites/hubspot-selectors.ts";
import { loadFixture, ownFixture, realFixture } from "./fixtures/load-fixture.ts";

const companyUrl = "https://app.hubspot.com/contacts/4821937/record/0-2/18273645012";
const contactUrl = "https://app-eu1.hubspot.com/contacts/139845/record/0-1/501";
const oldCompanyUrl = "https://app.hubspot.com/contacts/4821937/company/18273645012/";

const company = () => loadFixture(ownFixture("hubspot-2026-company-record.html"));
const contact = () => loadFixture(ownFixture("hubspot-2026-contact-record.html"));
const oldCompany = () => loadFixture(ownFixture("hubspot-2019-company-old-form.html"));
/**
 * The real 2018 sidebar is a template: its ${…} placeholders are filled here
 * with a contact of ours, as HubSpot filled them with the contact's values.
 */
const realSidebar = () => {
  const filled = readFileSync(realFixture("hubspot-2018-contact-sidebar.html"), "utf8")
    .replaceAll("${firstname}", "Priya").replaceAll("${lastname}", "Shah").replaceAll("${fullname}", "Priya Shah")
    .replaceAll("${email}", "priya.shah@brightpath-solutions.com").replaceAll("${phoneNumber}", "0000000000")
    .replaceAll("${portalId}", "4821937").replaceAll("${id}", "51");
  return new DOMParser().parseFromString(filled, "text/html");
};

describe("the HubSpot selector table on saved pages", () => {
  const count = (doc: Document, selector: string) => doc.querySelectorAll(selector).length;
  const pages = { company: company(), contact: contact(), oldCompany: oldCompany(), real2018: realSidebar() };
  // Expected matches per alternative, per page, zero included: a change of markup shows here first.
  it.each([
    ['[data-test-id="left-sidebar"]', { company: 1, contact: 1, oldCompany: 0, real2018: 0 }],
    ["#record-page-left-sidebar", { company: 1, contact: 1, oldCompany: 0, real2018: 0 }],
    ['[data-test-id="record-highlight-content"]', { company: 1, contact: 1, oldCompany: 0, real2018: 0 }],
    ['[data-selenium-test="sidebar"]', { company: 0, contact: 0, oldCompany: 1, real2018: 1 }],
    ['[data-test-id="highlight-record-label"]', { company: 1, contact: 1, oldCompany: 0, real2018: 0 }],
    ['[data-selenium-test="highlightTitle"]', { company: 0, contact: 0, oldCompany: 1, real2018: 0 }],
    ['[data-test-id="associated-objects-card-content-0-2"]', { company: 0, contact: 1, oldCompany: 0, real2018: 0 }],
    ['[data-test-id="highlight-property-display-domain"]', { company: 1, contact: 0, oldCompany: 0, real2018: 0 }],
    ['[data-selenium-test="property-input-email"]', { company: 0, contact: 1, oldCompany: 0, real2018: 0 }],
    ['[data-profile-property="email"]', { company: 0, contact: 1, oldCompany: 0, real2018: 1 }],
    ['[data-profile-property="domain"]', { company: 1, contact: 0, oldCompany: 1, real2018: 0 }],
  ] as const)("%s", (selector, expected) => {
    for (const [page, doc] of Object.entries(pages)) expect(count(doc, selector), page).toBe(expected[page as keyof typeof expected]);
  });

  it("lists only selectors it tests above", () => {
    const tested = new Set(["left-sidebar", "record-page-left-sidebar", "record-highlight-content", "sidebar", "highlight-record-label", "highlightTitle", "associated-objects-card-content-0-2", "card-wrapper-ASSOCIATION_V3/0-2"]);
    for (const selector of Object.values(hubspotSelectors).flat()) expect([...tested].some((hook) => selector.includes(`"${hook}"`) || selector === `#${hook}`), selector).toBe(true);
    expect(hubspotPropertySelectors("email")).toHaveLength(3);
  });
});

describe("readHubspotPage", () => {
  it("reads a company record: the id from the URL, the name and domain from the highlight card", () => {
    expect(readHubspotPage(company(), { href: companyUrl })).toEqual({
      kind: "record", site: "hubspot", crm: "hubspot", recordId: "18273645012", objectName: "company",
      name: "Brightpath <b>Solutions</b>", websiteDomain: "brightpath-solutions.com", url: companyUrl,
    });
  });

  it("never reads a domain from the timeline or the associated contacts", () => {
    const doc = company();
    doc.querySelector('[data-test-id="record-highlight-content"] [data-test-id="highlight-property-item-domain"]')!.remove();
    doc.querySelector('[data-profile-property="domain"]')!.remove();
    // Only the Website URL property is left: its host, never globex-partners.com or gmail.com.
    expect(readHubspotPage(doc, { href: companyUrl })).toMatchObject({ websiteDomain: "brightpath-solutions.com" });
    doc.querySelector('[data-profile-property="website"]')!.remove();
    expect(readHubspotPage(doc, { href: companyUrl })).toMatchObject({ kind: "record", recordId: "18273645012", websiteDomain: null });
  });

  it("reads a contact record: their address and their company's domain, for their company's partner", () => {
    expect(readHubspotPage(contact(), { href: contactUrl })).toEqual({
      kind: "record", site: "hubspot", crm: "hubspot", recordId: "501", objectName: "contact", name: "Priya Shah",
      websiteDomain: "brightpath-solutions.com", emails: ["priya.shah@brightpath-solutions.com"], url: contactUrl,
    });
  });

  it("reads the older /company/<id>/ form by its older hooks", () => {
    expect(readHubspotPage(oldCompany(), { href: oldCompanyUrl })).toMatchObject({
      kind: "record", crm: "hubspot", recordId: "18273645012", objectName: "company", name: "Northgate Systems", websiteDomain: "northgate.io",
    });
  });

  it("reads the real 2018 contact sidebar: the address from its property, the name from first and last name", () => {
    const href = "https://app.hubspot.com/contacts/4821937/contact/51/";
    expect(readHubspotPage(realSidebar(), { href })).toMatchObject({
      kind: "record", recordId: "51", objectName: "contact", name: "Priya Shah", emails: ["priya.shah@brightpath-solutions.com"], websiteDomain: null,
    });
  });

  it("says which selector found nothing on a record URL whose page it can't read", () => {
    const doc = new DOMParser().parseFromString("<main><h1>Brightpath</h1></main>", "text/html");
    expect(readHubspotPage(doc, { href: companyUrl })).toMatchObject({ kind: "unreadable", site: "hubspot", selector: "hubspot recordFrame" });
    expect(readHubspotPage(realSidebar(), { href: companyUrl }).kind).toBe("record");
  });

  it("shows nothing on a deal, a list or the dashboard", () => {
    for (const href of ["https://app.hubspot.com/contacts/4821937/record/0-3/77", "https://app.hubspot.com/contacts/4821937/objects/0-2/views/all/list"]) {
      expect(readHubspotPage(company(), { href })).toEqual({ kind: "nothing-to-show", site: "hubspot" });
    }
  });

  it("keys the cache by host, portal, object and id", () => {
    expect(hubspotPageKey(companyUrl)).toBe("hubspot:app.hubspot.com/4821937/company/18273645012");
    expect(hubspotPageKey(`${companyUrl}/view/1?tab=activity`)).toBe(hubspotPageKey(companyUrl));
    expect(hubspotPageKey("https://app.hubspot.com/contacts/4821937/objects/0-2/views/all/list")).toBeNull();
  });
});
