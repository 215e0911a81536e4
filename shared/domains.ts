import { parse } from "tldts";
import { freeMailDomains } from "./free-mail-domains.ts";

export type DomainResult = { ok: true; domain: string } | { ok: false; reason: string };

/**
 * Turns what a person typed ("https://www.Acme.co.uk/about", "acme.co.uk")
 * into the bare lower-case host a partner owns, or says why it can't be one.
 */
export function normalizeDomain(input: string): DomainResult {
  const trimmed = input.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  const host = trimmed.split(/[/?#:]/, 1)[0]!.replace(/^www\./, "").replace(/\.$/, "");
  if (!host) return { ok: false, reason: "is empty" };
  const info = parse(host, { allowPrivateDomains: true });
  if (info.isIp) return { ok: false, reason: `${host} is an IP address, not a domain` };
  if (!info.domain || !info.isIcann && !info.isPrivate) {
    return { ok: false, reason: `${host} is not a registrable domain` };
  }
  if (!/^[a-z0-9.-]+$/.test(host) || host.length > 253) {
    return { ok: false, reason: `${host} is not a valid domain name` };
  }
  if (freeMailDomains.has(info.domain) || freeMailDomains.has(host)) {
    return { ok: false, reason: `${host} is a free-mail provider and can't identify a partner` };
  }
  return { ok: true, domain: host };
}

/** The domain of an email address, lower-cased, or null if it has none. */
export function emailDomain(address: string): string | null {
  const at = address.lastIndexOf("@");
  if (at < 1 || at === address.length - 1) return null;
  return address.slice(at + 1).trim().toLowerCase().replace(/\.$/, "");
}

/**
 * The domains a host can belong to, most specific first, stopping at the
 * registrable domain: sales.eu.acme.co.uk → [sales.eu.acme.co.uk,
 * eu.acme.co.uk, acme.co.uk], never co.uk. Free-mail hosts give none.
 */
export function candidateDomains(host: string): string[] {
  const clean = host.trim().toLowerCase().replace(/^www\./, "").replace(/\.$/, "");
  const registrable = parse(clean, { allowPrivateDomains: true }).domain;
  if (!registrable || freeMailDomains.has(registrable) || freeMailDomains.has(clean)) return [];
  if (clean !== registrable && !clean.endsWith(`.${registrable}`)) return [];
  const candidates: string[] = [];
  let current = clean;
  while (current.length > registrable.length) {
    candidates.push(current);
    current = current.slice(current.indexOf(".") + 1);
  }
  candidates.push(registrable);
  return candidates;
}

export function isFreeMailDomain(host: string): boolean {
  const registrable = parse(host.toLowerCase(), { allowPrivateDomains: true }).domain;
  return freeMailDomains.has(host.toLowerCase()) || (registrable !== null && freeMailDomains.has(registrable));
}
