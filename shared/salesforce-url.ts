/**
 * Reads which Salesforce record a page shows from its URL alone, the most
 * stable signal across Lightning, the older one.app routes, Classic and
 * Visualforce. The DOM is only used for the record's name.
 */

// A record id: 3-character key prefix, 2-character pod, a reserved "0", then 9 more
// (15 in all), optionally with the 3-character checksum.
const recordIdPattern = /^[a-zA-Z0-9]{5}0[a-zA-Z0-9]{9}(?:[a-zA-Z0-9]{3})?$/;

export interface SalesforceRecordRef {
  recordId: string;
  /** The object's API name when the URL names it (Lightning), else null. */
  objectName: string | null;
  /** The id's first three characters: 001 Account, 003 Contact, 006 Opportunity, 00Q Lead. */
  keyPrefix: string;
}

export function looksLikeRecordId(value: string): boolean {
  return recordIdPattern.test(value);
}

const record = (recordId: string, objectName: string | null): SalesforceRecordRef => ({
  recordId, objectName, keyPrefix: recordId.slice(0, 3),
});

export function salesforceRecordFromUrl(href: string): SalesforceRecordRef | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  // Lightning: /lightning/r/<Object>/<id>/view
  const lightning = /^\/lightning\/r\/([A-Za-z0-9_]+)\/([a-zA-Z0-9]{15,18})(?:\/|$)/.exec(url.pathname);
  if (lightning && looksLikeRecordId(lightning[2]!)) return record(lightning[2]!, lightning[1]!);

  // one.app: #/sObject/<id>/view
  const oneApp = /^#\/sObject\/([a-zA-Z0-9]{15,18})(?:\/|\?|$)/.exec(url.hash);
  if (oneApp && looksLikeRecordId(oneApp[1]!)) return record(oneApp[1]!, null);

  // Classic: /<id> or /<id>/e
  const classic = /^\/([a-zA-Z0-9]{15,18})(?:\/|$)/.exec(url.pathname);
  if (classic && looksLikeRecordId(classic[1]!)) return record(classic[1]!, null);

  // Visualforce and other pages: ?id= first, then any parameter holding an id.
  const params = [...url.searchParams.entries(), ...new URLSearchParams(url.hash.split("?")[1] ?? "").entries()];
  const standard = params.find(([name, value]) => name === "id" && looksLikeRecordId(value));
  if (standard) return record(standard[1], null);
  const other = params.find(([, value]) => looksLikeRecordId(value));
  return other ? record(other[1], null) : null;
}

/** Account pages are the ones that can be a partner. */
export function isAccountRecord(ref: SalesforceRecordRef): boolean {
  return ref.objectName === "Account" || (ref.objectName === null && ref.keyPrefix === "001");
}
