/**
 * What a site adapter reads off the page: the people on screen (an email
 * client) or the record on screen (a CRM). The sidebar needs nothing else
 * from the host page, and knows nothing of which site it came from beyond
 * these two shapes.
 */
export type SiteName = "gmail" | "salesforce";

/** The CRMs whose record ids the lookup API matches partners by. */
export type CrmName = "salesforce";

/** An email client showing a conversation (Gmail today; Outlook on the same shape). */
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
  /**
   * Each message's header (own id, time as shown, sender, recipients) and,
   * for the newest few, their own words: what capture and the promise
   * suggestions read. Headers reach the API; the words never leave the
   * extension. Absent where the site's adapter does not read them.
   */
  messages?: EmailMessage[];
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

/** A CRM showing one company record (a Salesforce Account; a HubSpot company on the same shape). */
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
  url: string;
}

export type PageContext =
  | EmailContext
  | RecordContext
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
