/**
 * HubSpot CRM: which company or contact record is on screen.
 *
 * The URL decides whether this is a record and which (shared/hubspot-url.ts);
 * the page adds the name and the company's domain (a company's "Company
 * domain name", a contact's address and their associated company's domain).
 * A company is looked up by its id and its domain, a contact by their
 * address (the partner of their company). Unreadable only when the URL is a
 * record and no part of HubSpot's record page (hubspotSelectors.recordFrame)
 * is there after waiting: then the markup changed.
 *
 * Reads text and attributes only. Try it:
 * https://app.hubspot.com/contacts/<portal>/record/0-2/<id>, then another
 * company from the list, then an associated contact (record/0-1/<id>).
 */
import { hubspotRecordFromUrl, type HubspotRecordRef } from "../../shared/hubspot-url.ts";
import { websiteHost } from "../../shared/website-host.ts";
import { hubspotPropertySelectors, companyDomainProperties, hubspotSelectors, hubspotTitlePattern } from "./hubspot-selectors.ts";
import { unreadable, type PageContext, type RecordContext } from "./page-context.ts";
import { cleanText } from "./page-text.ts";
import { recordSiteAdapter } from "./record-wait.ts";
import type { HostPage, SiteAdapter } from "./site-adapter.ts";

/** The record a HubSpot URL opens, as a cache key (ids are unique within a portal, whose host and id are part of it). */
export function hubspotPageKey(href: string): string | null {
  const ref = hubspotRecordFromUrl(href);
  return ref ? `hubspot:${new URL(href).host}/${ref.portalId}/${ref.object}/${ref.recordId}` : null;
}

const emailPattern = /[a-z0-9._%+'-]+@[a-z0-9.-]+\.[a-z]{2,}/i;

function first(scope: ParentNode, selectors: readonly string[]): Element | null {
  return scope.querySelector(selectors.join(", "));
}

/** What a property element holds: an input's value, a link's target, or its words (its label among them). */
function propertyTexts(element: Element): string[] {
  const input = element.matches("input") ? element : element.querySelector("input");
  const texts = input ? [(input as HTMLInputElement).value || input.getAttribute("value") || ""] : [];
  for (const link of element.querySelectorAll("a[href]")) texts.push(link.getAttribute("href")!.replace(/^mailto:/i, ""));
  // Word by word, each text node apart: a label's text and the value's run together in textContent.
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(...(node as Text).data.split(/\s+/));
  return texts.filter(Boolean);
}

function propertyElement(scope: ParentNode, property: string): Element | null {
  return first(scope, hubspotPropertySelectors(property));
}

function domainIn(element: Element | null): string | null {
  if (!element) return null;
  for (const text of propertyTexts(element)) {
    const host = websiteHost(text);
    if (host && !host.endsWith("hubspot.com")) return host;
  }
  return null;
}

function companyDomain(doc: Document): string | null {
  for (const property of companyDomainProperties) {
    const host = domainIn(propertyElement(doc, property));
    if (host) return host;
  }
  return null;
}

function contactEmail(doc: Document): string | null {
  const element = propertyElement(doc, "email");
  const found = element ? propertyTexts(element).map((text) => emailPattern.exec(text)?.[0]).find(Boolean) : undefined;
  return found ? found.toLowerCase() : null;
}

function recordName(doc: Document, object: HubspotRecordRef["object"]): string | null {
  const shown = cleanText(first(doc, hubspotSelectors.recordName)?.textContent);
  if (shown) return shown;
  if (object === "contact") {
    const parts = ["firstname", "lastname"].map((property) => propertyElement(doc, property)).map((element) => (element ? propertyTexts(element)[0] : null));
    const fullName = cleanText(parts.filter(Boolean).join(" "));
    if (fullName) return fullName;
  }
  return cleanText(hubspotTitlePattern.exec(doc.title.trim())?.[1]);
}

export function readHubspotPage(doc: Document, location: { href: string }): PageContext {
  const ref = hubspotRecordFromUrl(location.href);
  if (!ref) return { kind: "nothing-to-show", site: "hubspot" };
  if (!first(doc, hubspotSelectors.recordFrame)) return unreadable("hubspot", "recordFrame", hubspotSelectors.recordFrame);
  const record: RecordContext = {
    kind: "record", site: "hubspot", crm: "hubspot", recordId: ref.recordId, objectName: ref.object,
    name: recordName(doc, ref.object), websiteDomain: null, url: location.href,
  };
  if (ref.object === "company") return { ...record, websiteDomain: companyDomain(doc) };
  const email = contactEmail(doc);
  // Their company's domain, when the associated companies card shows one: what matches a free-mail contact.
  return { ...record, websiteDomain: domainIn(first(doc, hubspotSelectors.associatedCompanies)), emails: email ? [email] : [] };
}

/** HubSpot in one tab: records open by pushState and are redrawn in place (record-wait.ts). */
export function createHubspotAdapter({ document: doc, location }: HostPage): SiteAdapter {
  return recordSiteAdapter({
    // HubSpot's global navigation bar across the top.
    site: "hubspot", headerHeightPx: 64, pageKey: hubspotPageKey,
    read: () => readHubspotPage(doc, location), missing: [...hubspotSelectors.recordFrame, ...hubspotSelectors.recordName],
  });
}
