/**
 * What a site adapter reads off the page: the people on screen (an email
 * client) or the record on screen (a CRM). The sidebar needs nothing else
 * from the host page, and knows nothing of which site it came from beyond
 * these two shapes.
 */
export type SiteName = "gmail" | "salesforce" | "calendar" | "outlook" | "hubspot" | "linkedin";

/** Where a record's id comes from (a CRM, or LinkedIn's company pages), as the lookup API matches partners by it. */
export type CrmName = "salesforce" | "hubspot" | "linkedin";

/** An email client showing a conversation (Gmail, Outlook on the web). */
export interface EmailContext {
  kind: "email";
  site: SiteName;
  threadId: string;
  /** The messages on screen, by the client's own ids (empty when it shows none). */
  messageIds: string[];
  subject: string | null;
  /** The signed-in user's address; never a partner. */
  ownAddress: string | null;
  /** Every address shown in the open conversation (senders and recipients), lower-cased, unique. */
  emails: string[];
  url: string;
  /** A calendar invitation in the open thread, if it has one: meeting notes offered for that event. */
  event?: CalendarEventFacts | null;
  /**
   * Each message's header (own id, time as shown, sender, recipients) and,
   * for the newest few, their own words: what capture and the promise
   * suggestions read. Headers reach the API; the words never leave the
   * extension. Absent where the site's adapter does not read them.
   */
  messages?: EmailMessage[];
}

/** A calendar event as its page shows it: what meeting notes for it are prefilled with and linked to. */
export interface CalendarEventFacts {
  /** The event's own id, the same for every guest and page (shared/calendar-events/event-id.ts): notes are linked by it. */
  eventId: string;
  title: string | null;
  /** When, in the page's words ("Tuesday, December 1⋅10:00 – 11:00am"); the sidebar reads it into a time. */
  whenText: string | null;
  /** When, where the page says it exactly (an invitation's machine-readable start and end), ISO 8601. */
  startsAt: string | null;
  endsAt: string | null;
  /** The guests' addresses, lower-cased, unique. */
  guests: string[];
  /** The event's own link, saved as the notes' source. */
  url: string;
}

/** A calendar showing one event (Google Calendar's details dialog or the event's own page). */
export interface EventContext {
  kind: "event";
  site: SiteName;
  event: CalendarEventFacts;
  /** The signed-in address, when the page shows it; never a partner. */
  ownAddress: string | null;
  /** The guests: who is looked up. */
  emails: string[];
  url: string;
}

/** One message of a conversation, as its header shows it. */
export interface EmailMessage {
  /** The message's own id: the RFC Message-ID where the page shows it, else the client's (Gmail's hex id). */
  id: string;
  /** The time as the header shows it ("Mon, Nov 16, 2026, 9:14 AM"), in the viewer's time zone; null when not shown. */
  timeText: string | null;
  from: string | null;
  /** To and Cc, lower-cased. */
  to: string[];
  /** The message's own text, quotes left out, for the newest messages only (null for the others). */
  text: string | null;
}

/**
 * A CRM showing one company record (a Salesforce Account, a HubSpot company, a
 * LinkedIn company page by its slug), or a record of a person at a company (a
 * HubSpot contact: objectName "contact", looked up by their address and their
 * company's domain, never linked by its id).
 */
export interface RecordContext {
  kind: "record";
  site: SiteName;
  crm: CrmName;
  recordId: string;
  objectName: string | null;
  /** The record's display name, when the page shows it. */
  name: string | null;
  /** The company's website as a bare domain, when the page shows it. */
  websiteDomain: string | null;
  /** A person's record: their addresses, lower-cased (looked up as on a thread). */
  emails?: string[];
  url: string;
}

export type PageContext =
  | EmailContext
  | RecordContext
  | EventContext
  /** A page of a supported site that shows no conversation or record (the inbox, a list): "no partner here". */
  | { kind: "nothing-to-show"; site: SiteName }
  /**
   * The page should show a conversation or record but the selector table no
   * longer matches it: "couldn't read this page", never "no partner here".
   * `selector` names the table entry that found nothing.
   */
  | { kind: "unreadable"; site: SiteName; selector: string; reason: string };

/** The "unreadable" context for a selector table entry that matched nothing. */
export function unreadable(site: SiteName, name: string, alternatives: readonly string[], prefix = ""): PageContext {
  const selector = `${site} ${name}`;
  return { kind: "unreadable", site, selector, reason: `${prefix}unreadable: ${selector} (${alternatives.join(" | ")})` };
}
