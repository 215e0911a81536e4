/**
 * What a site adapter reads off the page: the people or the CRM record on
 * screen. The sidebar needs nothing else from the host page.
 */
export type PageContext =
  | {
      kind: "gmail-thread";
      threadId: string;
      subject: string | null;
      /** The signed-in user's address, from the page title; never a partner. */
      ownAddress: string | null;
      /** Every address shown in the open thread (senders and recipients), lower-cased, unique. */
      emails: string[];
      url: string;
    }
  | {
      kind: "salesforce-record";
      recordId: string;
      objectName: string | null;
      /** The record's display name, when the page shows it. */
      name: string | null;
      /** The Account's website as a bare domain, when the page shows it. */
      websiteDomain: string | null;
      url: string;
    }
  /** A page of a supported site that shows no thread or record (the inbox, a list). */
  | { kind: "nothing-to-show"; site: "gmail" | "salesforce" }
  /** The page should show a thread or record but our selectors no longer match it. */
  | { kind: "unreadable"; site: "gmail" | "salesforce"; reason: string };
