import type { LookupInput } from "../messaging/protocol.ts";
import type { CrmName, PageContext, RecordContext } from "../sites/page-context.ts";
import type { PageFacts } from "../sidebar/PartnerCard.tsx";
import type { LookupState } from "../sidebar/store.ts";
import { recordLinkFor } from "./record-link.ts";

/**
 * What the sidebar asks and offers about a page, from its context's shape
 * alone (a conversation's people, or a CRM record), whichever site it came
 * from: a new site never changes this file.
 */

/** Each CRM's record id, as the lookup API takes it (a HubSpot contact's id matches no partner). */
const recordQuery: Record<CrmName, (context: RecordContext) => Partial<LookupInput>> = {
  salesforce: ({ recordId }) => ({ salesforce: [recordId] }),
  hubspot: ({ recordId, objectName }) => (objectName === "company" ? { hubspot: [recordId] } : {}),
  linkedin: ({ recordId }) => ({ linkedin: [recordId] }),
};

/** The lookup for a page, or null when there is nobody and nothing to look up. */
export function queryFor(context: PageContext): LookupInput | null {
  if (context.kind === "email") {
    return context.emails.length > 0 ? { emails: context.emails, ownAddress: context.ownAddress } : null;
  }
  if (context.kind === "event") {
    return context.emails.length > 0 ? { emails: context.emails, ownAddress: context.ownAddress } : null;
  }
  if (context.kind === "record") {
    const people = context.emails?.length ? { emails: context.emails, ownAddress: null } : {};
    return { ...recordQuery[context.crm](context), ...people, domains: context.websiteDomain ? [context.websiteDomain] : [] };
  }
  return null;
}

/** Where the page's record or conversation is (the source a write links back to). */
export function pageUrl(context: PageContext | null, fallback: string): string {
  return context && "url" in context ? context.url : fallback;
}

export function pageFacts(context: PageContext | null, people: string[], fallbackUrl: string): PageFacts {
  if (context?.kind === "email") {
    return { sourceUrl: context.url, people, ownAddress: context.ownAddress, link: null, ...(context.event ? { event: context.event } : {}) };
  }
  if (context?.kind === "event") {
    return { sourceUrl: context.event.url, people, ownAddress: context.ownAddress, link: null, event: context.event };
  }
  if (context?.kind === "record") {
    return { sourceUrl: context.url, people: context.emails ?? [], ownAddress: null, link: recordLinkFor(context) };
  }
  return { sourceUrl: fallbackUrl, people: [], ownAddress: null, link: null };
}

/** What "Add partner" is prefilled with when nobody on the page is a known partner. */
export function unknownCompany(context: PageContext | null, people: LookupState["people"]) {
  if (context?.kind === "email" || context?.kind === "event") {
    const domain = people.companyDomains[0];
    if (!domain) return null;
    const label = domain.split(".")[0]!;
    const atCompany = (email: string) => people.companyDomains.some((d) => email.endsWith(`@${d}`) || email.endsWith(`.${d}`));
    return { name: label[0]!.toUpperCase() + label.slice(1), domains: people.companyDomains, contacts: people.emails.filter(atCompany) };
  }
  if (context?.kind === "record") {
    // A contact's own record: their company is unknown here, only their address.
    if (context.objectName === "contact") return { name: "", domains: context.websiteDomain ? [context.websiteDomain] : [], contacts: context.emails ?? [] };
    return { name: context.name ?? "", domains: context.websiteDomain ? [context.websiteDomain] : [], contacts: [] };
  }
  return null;
}
