import { candidateDomains, emailDomain, isFreeMailDomain } from "./domains.ts";
import { isEmailAddress } from "./email-address.ts";

export interface PagePeople {
  /** Everyone on the page but you and your colleagues: who to look up. */
  emails: string[];
  /** Company domains among them (free-mail never), to prefill "Add partner". */
  companyDomains: string[];
}

/**
 * From the addresses a page shows, the people who could be from a partner:
 * never your own address, nor anyone at your own company's domain.
 */
export function partnerCandidates(addresses: Iterable<string>, ownAddress: string | null): PagePeople {
  const own = ownAddress?.trim().toLowerCase() ?? null;
  const ownDomain = own ? (candidateDomains(emailDomain(own) ?? "").at(-1) ?? null) : null;
  const emails = new Set<string>();
  const domains = new Set<string>();
  for (const raw of addresses) {
    const address = raw.trim().toLowerCase();
    if (!isEmailAddress(address) || address === own) continue;
    const host = emailDomain(address)!;
    const registrable = candidateDomains(host).at(-1) ?? null;
    if (ownDomain && !isFreeMailDomain(ownDomain) && registrable === ownDomain) continue;
    emails.add(address);
    if (registrable && !isFreeMailDomain(host)) domains.add(registrable);
  }
  return { emails: [...emails], companyDomains: [...domains] };
}
