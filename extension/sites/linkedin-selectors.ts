/**
 * Every LinkedIn company-page selector the extension relies on, in one
 * table, tried in order: ARIA landmarks and roles and LinkedIn's data
 * attributes first, its layout classes after. Each alternative is dated, with
 * the markup it is known from, so an old one can be dropped.
 * test/extension/linkedin-adapter.test.ts checks each against saved pages
 * with expected counts, zero included.
 *
 * What is read: the company's name and the website it shows (the About
 * tab's "Website" entry or the top card's "Visit website" link), nothing
 * else; the company is named by its URL (shared/linkedin-slug.ts).
 */
export const linkedinSelectors = {
  /** The company's top card: any sign the page has drawn. None after waiting: the markup changed. */
  topCard: [
    'main [data-view-name="organization-top-card"]', // added 2026-12; data attribute on newer pages
    "main section.org-top-card", // added 2026-12; layout class (2023-2026 company pages), review 2027-12
    "main .org-top-card-summary__title", // added 2026-12; its title, same pages, review 2027-12
  ],

  /** The company's name. */
  companyName: [
    "main .org-top-card-summary__title", // added 2026-12; layout class (2023-2026), review 2027-12
    'main [data-view-name="organization-top-card"] h1', // added 2026-12; the heading of the top card
    "main section.org-top-card h1", // added 2026-12; same, by layout class, review 2027-12
  ],

  /** Links to the company's own site: the top card's "Visit website" button, or older tracked links. */
  websiteLink: [
    'main a[data-control-name="visit_company_website"]', // added 2026-12; tracking attribute of older pages, review 2027-12
    'main a[aria-label^="Visit website" i]', // added 2026-12; the button's accessible name (English)
    "main .org-top-card-primary-actions__inner a[href]", // added 2026-12; layout class (2023-2026), review 2027-12
  ],

  /** The About tab's details list: a `dt` "Website" followed by its `dd` link (English label only). */
  aboutDetails: [
    "main dl", // added 2026-12; the About section's definition list (2023-2026)
  ],
} as const satisfies Record<string, readonly string[]>;

/** The About list's term for the website, lower-cased, in a few languages LinkedIn is read in; added 2026-12. */
export const websiteTerms = ["website", "site web", "webseite", "sitio web"];

/** The tab title, last resort for the name: "Acme Cloud | LinkedIn" (a count of notifications may lead it: "(3) Acme Cloud | LinkedIn"). */
export const linkedinTitlePattern = /^(?:\(\d+\)\s*)?(.+?): (?:About|Overview|Posts|Jobs|People) \| LinkedIn$|^(?:\(\d+\)\s*)?(.+?) \| LinkedIn$/;
