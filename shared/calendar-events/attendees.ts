/**
 * Who of a meeting's guests belongs to this partner: an address the lookup
 * matched to it, or one at one of its domains or their subdomains
 * (sales.acme.co.uk is acme.co.uk's). A guest from another partner on the
 * same invitation is not this partner's attendee. A suffix test, not the
 * public-suffix list: the partner's domains are already registrable ones,
 * and the sidebar's frame stays without the list.
 */
export function partnerAttendees(guests: readonly string[], partner: { domains: readonly string[]; matchedEmails: readonly string[] }): string[] {
  const matched = new Set(partner.matchedEmails.map((email) => email.toLowerCase()));
  const domains = partner.domains.map((domain) => domain.toLowerCase());
  return [...new Set(guests.map((guest) => guest.trim().toLowerCase()))].filter((guest) => {
    if (matched.has(guest)) return true;
    const at = guest.lastIndexOf("@");
    const host = at > 0 ? guest.slice(at + 1) : null;
    return host !== null && domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
  });
}
