import type { RecordContext } from "../sites/page-context.ts";

/**
 * "Link this record": the partner field a page's record id is saved in, so the
 * next visit matches the partner by the id rather than by a domain. Only a
 * company's own record is linked (a HubSpot contact's id names a person).
 */
export interface RecordLink {
  field: "salesforce_account_id" | "hubspot_company_id" | "linkedin_slug";
  value: string;
  /** The matched_by type of a partner already linked by this id: it needs no button. */
  matchedBy: "salesforce" | "hubspot" | "linkedin";
  /** The button's words. */
  label: string;
}

export function recordLinkFor(context: RecordContext): RecordLink | null {
  const { recordId: value } = context;
  switch (context.crm) {
    case "salesforce":
      return { field: "salesforce_account_id", value, matchedBy: "salesforce", label: "Link this account" };
    case "hubspot":
      return context.objectName === "company" ? { field: "hubspot_company_id", value, matchedBy: "hubspot", label: "Link this record" } : null;
    case "linkedin":
      return { field: "linkedin_slug", value, matchedBy: "linkedin", label: "Link this page" };
  }
}
