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

/** Who a meeting's notes list, and who may own its action items on each side. */
export interface MeetingPeople {
  /** The signed-in member, colleagues at the meeting, then the partner's attendees: nobody else. */
  attendees: string[];
  owners: { us: string[]; partner: string[] };
}

/**
 * The people of a meeting with one partner: ours (the signed-in member first,
 * then guests at our own company's domain, never a free-mail one) and theirs
 * (partnerAttendees). A guest from another partner, or anyone else, is neither.
 */
export function meetingPeople(
  guests: readonly string[],
  signedIn: string | null,
  partner: { domains: readonly string[]; matchedEmails: readonly string[] },
  isFreeMail: (domain: string) => boolean,
): MeetingPeople {
  const theirs = partnerAttendees(guests, partner);
  const me = signedIn?.trim().toLowerCase() || null;
  const ourDomain = me ? me.slice(me.lastIndexOf("@") + 1) : null;
  const colleagues = ourDomain && !isFreeMail(ourDomain)
    ? guests.map((guest) => guest.trim().toLowerCase()).filter((guest) => guest.endsWith(`@${ourDomain}`) && !theirs.includes(guest))
    : [];
  const ours = [...new Set([...(me ? [me] : []), ...colleagues])];
  return { attendees: [...ours, ...theirs], owners: { us: ours, partner: theirs } };
}
