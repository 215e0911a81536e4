import { describe, expect, it } from "vitest";
import { linkedinPageKey, readLinkedinPage } from "../../extension/sites/linkedin-adapter.ts";
import { linkedinSelectors } from "../../extension/sites/linkedin-selectors.ts";
import { loadFixture, ownFixture } from "./fixtures/load-fixture.ts";

const partnerUrl = "https://www.linkedin.com/company/brightpath-solutions/about/";
const otherUrl = "https://www.linkedin.com/company/initech/";
const partnerPage = () => loadFixture(ownFixture("linkedin-2026-partner-company-about.html"));
const otherPage = () => loadFixture(ownFixture("linkedin-2026-other-company-home.html"));

describe("the LinkedIn selector table on saved pages", () => {
  const pages = { partner: partnerPage(), other: otherPage() };
  // Expected matches per alternative, per page, zero included.
  const expected: Record<string, { partner: number; other: number }> = {
    'main [data-view-name="organization-top-card"]': { partner: 0, other: 0 },
    "main section.org-top-card": { partner: 1, other: 1 },
    "main .org-top-card-summary__title": { partner: 1, other: 1 },
    'main [data-view-name="organization-top-card"] h1': { partner: 0, other: 0 },
    "main section.org-top-card h1": { partner: 1, other: 1 },
    'main a[data-control-name="visit_company_website"]': { partner: 0, other: 0 },
    'main a[aria-label^="Visit website" i]': { partner: 1, other: 1 },
    "main .org-top-card-primary-actions__inner a[href]": { partner: 1, other: 1 },
    "main dl": { partner: 1, other: 0 },
  };
  it.each(Object.values(linkedinSelectors).flat())("%s", (selector) => {
    expect(expected[selector], `no expected counts for ${selector}`).toBeDefined();
    for (const [page, doc] of Object.entries(pages)) expect(doc.querySelectorAll(selector).length, page).toBe(expected[selector]![page as "partner" | "other"]);
  });
});

describe("readLinkedinPage", () => {
  it("reads a partner's About tab: the slug from the URL, the name, the website behind LinkedIn's redirect", () => {
    expect(readLinkedinPage(partnerPage(), { href: partnerUrl })).toEqual({
      kind: "record", site: "linkedin", crm: "linkedin", recordId: "brightpath-solutions", objectName: "company",
      name: "Brightpath Solutions", websiteDomain: "brightpath-solutions.com", url: partnerUrl,
    });
  });

  it("reads a company that is no partner from its home tab's Visit website link, never a site its posts link to", () => {
    expect(readLinkedinPage(otherPage(), { href: otherUrl })).toMatchObject({ kind: "record", recordId: "initech", name: "Initech", websiteDomain: "initech.example.com" });
    const doc = otherPage();
    doc.querySelector(".org-top-card-primary-actions__inner")!.remove();
    expect(readLinkedinPage(doc, { href: otherUrl })).toMatchObject({ recordId: "initech", websiteDomain: null });
  });

  it("falls back to the tab title for the name, a notification count left out", () => {
    const doc = partnerPage();
    for (const heading of doc.querySelectorAll("h1")) heading.remove();
    expect(readLinkedinPage(doc, { href: partnerUrl })).toMatchObject({ name: "Brightpath Solutions" });
  });

  it("says which selector found nothing on a company URL without a top card", () => {
    const doc = new DOMParser().parseFromString("<main><h1>Brightpath</h1></main>", "text/html");
    expect(readLinkedinPage(doc, { href: partnerUrl })).toMatchObject({ kind: "unreadable", site: "linkedin", selector: "linkedin topCard" });
  });

  it("shows nothing on a person's profile or the feed", () => {
    for (const href of ["https://www.linkedin.com/in/priya-shah/", "https://www.linkedin.com/feed/"]) {
      expect(readLinkedinPage(partnerPage(), { href })).toEqual({ kind: "nothing-to-show", site: "linkedin" });
    }
  });

  it("keys every tab of one company page alike", () => {
    expect(linkedinPageKey(partnerUrl)).toBe("linkedin:brightpath-solutions");
    expect(linkedinPageKey("https://www.linkedin.com/company/Brightpath-Solutions/")).toBe("linkedin:brightpath-solutions");
    expect(linkedinPageKey("https://www.linkedin.com/in/priya-shah/")).toBeNull();
  });
});
