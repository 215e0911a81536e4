import { describe, expect, it } from "vitest";
import { hubspotRecordFromUrl } from "../../shared/hubspot-url.ts";
import { linkedinSlugFromUrl, linkedinSlugOf } from "../../shared/linkedin-slug.ts";

describe("hubspotRecordFromUrl", () => {
  it.each([
    ["https://app.hubspot.com/contacts/4821937/record/0-2/18273645012", { portalId: "4821937", object: "company", recordId: "18273645012" }],
    ["https://app-eu1.hubspot.com/contacts/139845/record/0-2/9911/view/1?tab=activity", { portalId: "139845", object: "company", recordId: "9911" }],
    ["https://app-na2.hubspot.com/contacts/77/record/0-1/501", { portalId: "77", object: "contact", recordId: "501" }],
    ["https://app.hubspot.com/contacts/4821937/company/18273645012/", { portalId: "4821937", object: "company", recordId: "18273645012" }],
    ["https://app.hubspot.com/contacts/4821937/contact/51/", { portalId: "4821937", object: "contact", recordId: "51" }],
  ])("reads %s", (href, expected) => {
    expect(hubspotRecordFromUrl(href)).toEqual(expected);
  });

  it.each([
    "https://app.hubspot.com/contacts/4821937/record/0-3/18273645012", // a deal
    "https://app.hubspot.com/contacts/4821937/objects/0-2/views/all/list", // the companies list
    "https://app.hubspot.com/contacts/4821937/companies/list/view/all/",
    "https://evil.example/contacts/4821937/record/0-2/1",
    "https://app.hubspot.com.evil.example/contacts/4821937/record/0-2/1",
    "http://app.hubspot.com/contacts/4821937/record/0-2/1",
    "not a url",
  ])("names no company or contact at %s", (href) => {
    expect(hubspotRecordFromUrl(href)).toBeNull();
  });
});

describe("LinkedIn company slugs", () => {
  it.each([
    ["https://www.linkedin.com/company/Acme-Cloud/", "acme-cloud"],
    ["https://www.linkedin.com/company/acme-cloud/about/", "acme-cloud"],
    ["https://linkedin.com/company/brightpath_msp/people/?keywords=x", "brightpath_msp"],
    ["https://uk.linkedin.com/company/acme-cloud", "acme-cloud"],
  ])("reads the page %s", (href, slug) => {
    expect(linkedinSlugFromUrl(href)).toBe(slug);
  });

  it.each([
    "https://www.linkedin.com/in/sam-lee/",
    "https://www.linkedin.com/feed/",
    "https://www.linkedin.com.evil.example/company/acme/",
    "https://www.linkedin.com/company/acme%20cloud/",
  ])("names no company page at %s", (href) => {
    expect(linkedinSlugFromUrl(href)).toBeNull();
  });

  it("takes a slug or a page's address as a person types it", () => {
    expect(linkedinSlugOf(" Acme-Cloud ")).toBe("acme-cloud");
    expect(linkedinSlugOf("linkedin.com/company/acme-cloud/about")).toBe("acme-cloud");
    expect(linkedinSlugOf("www.linkedin.com/in/sam")).toBeNull();
    expect(linkedinSlugOf("acme cloud")).toBeNull();
  });
});
