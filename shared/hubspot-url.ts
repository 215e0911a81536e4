/**
 * Which HubSpot CRM record a URL opens. The URL is the one stable signal on
 * HubSpot: it names the portal, the object type and the record id before the
 * page has drawn anything. Pure, so the adapter and its tests agree.
 *
 * Forms (SITES.md, HubSpot's developer docs on object type ids):
 * - /contacts/<portal>/record/<objectTypeId>/<id>[/…]: 0-1 contact, 0-2 company
 *   (the path says /contacts/ whatever the object);
 * - older /contacts/<portal>/company/<id>[/…] and /contacts/<portal>/contact/<id>[/…];
 * on app.hubspot.com and the regional hosts (app-eu1.hubspot.com, app-na2…).
 *
 * Try it: https://app.hubspot.com/contacts/<portal>/record/0-2/<id>.
 */

export type HubspotObject = "company" | "contact";

export interface HubspotRecordRef {
  portalId: string;
  object: HubspotObject;
  recordId: string;
}

const objectTypeIds: Record<string, HubspotObject> = { "0-1": "contact", "0-2": "company" };
const hostPattern = /^app(?:-[a-z]{2,4}[0-9]{0,2})?\.hubspot\.com$/;
const recordPath = /^\/contacts\/([0-9]{1,12})\/(?:record\/([0-9]+-[0-9]+)|(company|contact))\/([0-9]{1,20})(?:\/|$)/;

export function hubspotRecordFromUrl(href: string): HubspotRecordRef | null {
  if (!URL.canParse(href)) return null;
  const url = new URL(href);
  if (url.protocol !== "https:" || !hostPattern.test(url.hostname)) return null;
  const match = recordPath.exec(url.pathname);
  if (!match) return null;
  const [, portalId, typeId, oldObject, recordId] = match;
  const object = typeId ? objectTypeIds[typeId] : (oldObject as HubspotObject);
  return object ? { portalId: portalId!, object, recordId: recordId! } : null;
}
