import { freeMailDomains } from "./free-mail-domains.ts";

/**
 * The host of a website as a CRM shows it ("https://www.Acme.co.uk/about",
 * "acme.com"), without the public-suffix list: the content script stays
 * small, and the API matches the host through the list itself.
 */
export function websiteHost(input: string): string | null {
  const host = input.trim().toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .split(/[/?#:]/, 1)[0]!
    .replace(/^www\./, "")
    .replace(/\.$/, "");
  if (host.length > 253 || !/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/.test(host)) return null;
  // A mailbox provider's site says nothing about the company.
  return freeMailDomains.has(host) ? null : host;
}
