/**
 * Every Gmail selector the extension relies on, in one table. Each entry is
 * tried in order: attribute-based forms first (Gmail's own data, slower to
 * change), layout classes after (obfuscated, renamed without notice).
 *
 * Each alternative is dated: when we added it, and what markup it is known
 * from, so a fallback that hasn't been needed for a year can be dropped.
 * test/extension/gmail-selectors.test.ts checks every entry against saved
 * pages, real (test/extension/fixtures/real/) and hand-written, with the
 * number of matches expected on each, zero included.
 */
export const gmailSelectors = {
  /** The pane that shows the thread list or the open thread; the only part of Gmail we read. */
  mainPane: [
    "div[role=main]", // added 2026-11; ARIA landmark, also in the 2014 InboxSDK fixture
  ],

  /** The open thread's subject. Thread-list headings (a bare h2 "Conversations") must not match. */
  threadSubject: [
    "h2[data-thread-perm-id]", // added 2026-11; newer markup (2018 redesign on)
    "h2[data-legacy-thread-id]", // added 2026-11; older markup, hex thread id
    "h2.hP", // added 2026-11; layout-class fallback, review 2027-11
  ],

  /** One element per message of the open thread (expanded or collapsed). */
  message: [
    "div.adn[data-message-id]", // added 2026-11; current markup
    "div[data-message-id]", // added 2026-11; same attribute if the class goes
    "div.adn", // added 2026-11; layout-class fallback, review 2027-11
  ],

  /**
   * Everyone Gmail shows in a message header: Gmail renders each address
   * as span[email][name]. This covers the sender and recipients below.
   */
  person: [
    "span[email]", // added 2026-11; Gmail's own attribute, since at least 2014
  ],

  /** A message's sender. Not read on its own (person covers it); kept so tests notice layout moves. */
  sender: [
    "h3.iw span[email].gD", // added 2026-11; current markup
    "td.gF span[email]", // added 2026-11; layout fallback, review 2027-11
    // added 2026-12: the real 2022 thread (defuddle's reduced copy) has its
    // senders as span.gD[email] with neither h3.iw nor td.gF around them, so
    // both forms above find none there; the element itself is the stable part.
    "span.gD[email]",
  ],

  /** A message's recipients (to/cc). Not read on its own; kept so tests notice layout moves. */
  recipients: [
    ".hb span[email].g2", // added 2026-11; current markup
  ],

  /**
   * A message's body. Its markup is written by whoever sent the mail, so a
   * span[email] inside it is never trusted as a person on the thread.
   */
  messageBody: [
    "div.a3s", // added 2026-11; current markup (inside div.ii.gt)
  ],

  /**
   * A message's time as its header shows it, in the viewer's time zone and
   * language: span.g3's title is the full date ("Mon, Nov 16, 2026, 9:14 AM",
   * "20 Aug 2025, 13:19"), its text a short form with "(2 days ago)".
   */
  messageTime: [
    "span.g3[title]", // added 2026-12; 2019 and 2025 captures, the 2022 thread, the 2026 fixture
    "td.gH span[title]", // added 2026-12; layout fallback (the header's date cell), review 2027-12
  ],

  /**
   * Quoted earlier mail inside a body: never read for promises (the words are
   * someone else's, or old). The detector also drops "On … wrote:" blocks.
   */
  quotedText: [
    "div.gmail_quote, blockquote, div.gmail_attr", // added 2026-12; the 2022 thread, Gmail's own reply markup
  ],

  /** Gmail's own controls inside a body (an inline image's Download / Add to Drive bar): not the sender's words. */
  bodyControls: [
    "div.a6S", // added 2026-12; the 2022 thread's inline image
  ],
} as const satisfies Record<string, readonly string[]>;

export type GmailSelectorName = keyof typeof gmailSelectors;

/**
 * A thread id at the end of the hash path: 16 hex characters in old URLs
 * (#inbox/14a5f1c6f7aeeebc), 32 or so letters and digits now (#inbox/FMfcgz…).
 */
export const gmailThreadIdPattern = /^[0-9A-Za-z]{16,}$/;

/**
 * Views whose first path segment is an argument (a label name, a search
 * query, a category), so a thread id can only come after it: a label named
 * "PartnerOnboarding2026" or a search for "internationalization" is not a thread.
 */
export const gmailViewsWithArgument: ReadonlySet<string> = new Set(["label", "search", "category", "advanced-search"]);

/** Views that never show a thread, whatever follows them. */
export const gmailViewsWithoutThreads: ReadonlySet<string> = new Set(["settings", "create-filter"]);
