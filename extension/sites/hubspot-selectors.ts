/**
 * Every HubSpot CRM selector the extension relies on, in one table, tried in
 * order: HubSpot's own test hooks (`data-test-id`, `data-selenium-test`,
 * `data-profile-property`) first, never its generated class names. Each
 * alternative is dated, with the markup it is known from, so an old one can
 * be dropped. test/extension/hubspot-adapter.test.ts checks each against the
 * saved pages with expected counts, zero included.
 *
 * Sources (../shared/SITES.md, HubSpot fixture notes): the record page's
 * `data-test-id` regions as public HubSpot extensions read them
 * (brucetmkns/revguide.io's DOM notes; the layout hooks of
 * SysAdminDoc/HubSpot-Ticket-Refined's September 2026 record fixture), and
 * the 2018 contact sidebar's `data-selenium-test` / `data-profile-property`
 * hooks (ringcentral/hubspot-embeddable-ringcentral-phone).
 */
export const hubspotSelectors = {
  /**
   * Any sign that HubSpot has drawn a record page. None after waiting: the
   * markup changed beyond what we know, and the sidebar says so.
   */
  recordFrame: [
    '[data-test-id="left-sidebar"]', // added 2026-12; the record page's left column (2026 record pages)
    "#record-page-left-sidebar", // added 2026-12; its container, same pages
    '[data-test-id="record-highlight-content"]', // added 2026-12; the highlight card alone
    '[data-selenium-test="sidebar"]', // added 2026-12; 2018 contact sidebar, review 2027-12
  ],

  /** The record's name: a company's name, a contact's full name. */
  recordName: [
    '[data-test-id="highlight-record-label"]', // added 2026-12; highlight card (2026 record pages)
    '[data-selenium-test="highlightTitle"]', // added 2026-12; older highlight title, review 2027-12
  ],

  /** The card listing a contact's associated companies (their domains are shown under each name). */
  associatedCompanies: [
    '[data-test-id="associated-objects-card-content-0-2"]', // added 2026-12; 2026 record pages
    '[data-test-id="card-wrapper-ASSOCIATION_V3/0-2"]', // added 2026-12; the card's wrapper, same pages
  ],
} as const satisfies Record<string, readonly string[]>;

/**
 * A record property by its internal name (domain, website, email: the same in
 * every language), where HubSpot shows it: in the highlight card, as the
 * properties card's input, or in the older sidebar.
 */
export const hubspotPropertySelectors = (property: string): string[] => [
  `[data-test-id="highlight-property-display-${property}"]`, // added 2026-12; highlight card (2026 record pages)
  `[data-selenium-test="property-input-${property}"]`, // added 2026-12; properties card input (2018 and 2026 pages)
  `[data-profile-property="${property}"]`, // added 2026-12; 2018 contact sidebar, review 2027-12
];

/** The company's domain: its "Company domain name" property, else its "Website URL". */
export const companyDomainProperties = ["domain", "website"] as const;

/**
 * The tab title, last resort for the name: HubSpot titles a record page
 * "<name> | … | HubSpot"; only the part before the first bar
 * is taken, and only on a record URL (adapter).
 */
export const hubspotTitlePattern = /^(.+?) \| .*HubSpot$/;
