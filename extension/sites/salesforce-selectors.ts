/**
 * Every Salesforce Lightning selector the extension relies on, in one table,
 * tried in order: attribute-based forms first, layout classes after. Each
 * alternative is dated (when added, what markup it comes from) so old ones
 * can be dropped. test/extension/salesforce-context.test.ts checks them
 * against saved pages.
 *
 * Lightning components may render into shadow roots: what is read inside
 * them is a deep path (deep-query.ts), searched through open shadow roots.
 */
import type { DeepPath } from "./deep-query.ts";

export const salesforceSelectors = {
  /**
   * The visible tab. Lightning keeps earlier tabs in the DOM, hidden; reading
   * the document would mix records. Light DOM (Aura shell): safe to wait for.
   */
  visibleTab: [
    "div.oneContent.active", // added 2026-11; Lightning Experience, Aura shell
    "div.windowViewMode-normal.active", // added 2026-11; same element, older class list
  ],

  /**
   * Any sign of a Lightning record page. If none is present after waiting, the
   * page isn't one we know how to read. Light DOM under synthetic shadow:
   * safe to wait for with waitForElement.
   */
  recordFrame: [
    "div.oneContent", // added 2026-11; the Aura shell's content area
    "one-record-home-flexipage2", // added 2026-11; record home (LWC)
    "records-lwc-highlights-panel", // added 2026-11; highlights panel wrapper (LWC)
    "force-highlights2", // added 2026-11; older record pages (Aura), review 2027-11
  ],

  /**
   * The record's highlights panel (name, key fields), waited for inside the
   * visible tab. Light DOM: safe to wait for with waitForElement.
   */
  highlightsPanel: [
    "records-highlights2", // added 2026-11; LWC highlights
    "records-lwc-highlights-panel", // added 2026-11; its wrapper
    "force-highlights2", // added 2026-11; older record pages (Aura), review 2027-11
  ],
} as const satisfies Record<string, readonly string[]>;

export const salesforceDeepPaths = {
  /** The record's display name in the highlights panel. */
  recordName: [
    ["records-highlights2", 'lightning-formatted-text[slot="primaryField"]'], // added 2026-11; LWC highlights
    ["force-highlights2", 'lightning-formatted-text[slot="primaryField"]'], // added 2026-11; older record pages, review 2027-11
  ],

  /** The Account's Website field (detail tab or dynamic forms). */
  websiteField: [
    ['[data-target-selection-name="sfdc:RecordField.Account.Website"]'], // added 2026-11; API field name, not translated
    ['records-record-layout-item[field-label="Website"]'], // added 2026-11; English label only, review 2027-11
  ],

  /**
   * Inside a field: the value shown, never the label or the edit button's
   * assistive text ("Edit Website"), which the field's whole text includes.
   */
  fieldValue: [
    ["a[href]"], // added 2026-11; URL fields render a link (inside lightning-formatted-url)
    ["lightning-formatted-url"], // added 2026-11; the link's host if the link is in a closed root
    [".test-id__field-value"], // added 2026-11; layout class, review 2027-11
    [".slds-form-element__static"], // added 2026-11; SLDS read-only value, review 2027-11
  ],
} as const satisfies Record<string, readonly DeepPath[]>;

/**
 * The tab title, last resort for the name: "Acme | Account | Salesforce".
 * Only trusted when its middle part is the object's label (English), so a
 * stale title from a list ("Recently Viewed | Accounts | Salesforce") is never
 * read as a name.
 */
export const lightningTitlePattern = /^(.+) \| Account \| [^|]+$/;
