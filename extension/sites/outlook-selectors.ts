/**
 * Every Outlook on the web selector the extension relies on, in one table.
 * Each entry is tried in order: Outlook's own data-* attributes and ARIA
 * first, generated class names last (Outlook renames most of them with each
 * build). Each alternative is dated, with the markup it is known from:
 *
 * - "real 2025": Outlook.com's reading pane and list row saved in April 2025
 *   (test/extension/fixtures/real/outlook-2025-*.html);
 * - "2024 notes": mailvelope's trimmed outlook.office.com templates, recorded
 *   as facts only (AGPL; ../shared/fixtures/outlook/README.md);
 * - "SITES.md": public extensions' selectors for older builds.
 *
 * test/extension/outlook-selectors.test.ts checks every alternative against
 * the real pages and ours, with the number of matches on each, zero included.
 */
export const outlookSelectors = {
  /** The reading pane (or the full-width "immersive" message, or a popped-out window's): the only part of Outlook we read. */
  readingPane: [
    '[data-app-section="MailReadCompose"]', // added 2026-12; real 2025, also SITES.md (fperezdev 2024)
    "#ReadingPaneContainerId", // added 2026-12; real 2025, inside the above
    '[data-automationid="ReadingPaneContainer"]', // added 2026-12; SITES.md, older builds; review 2027-12
  ],

  /** The open conversation's subject, a level-2 heading; its span's title is the whole subject. */
  subject: [
    '[role="heading"][aria-level="2"] span[title]', // added 2026-12; real 2025
    '[role="heading"][aria-level="2"]', // added 2026-12; ARIA only, if the span goes
  ],

  /**
   * One element per message shown: each of a conversation's messages
   * (expanded or collapsed), else the one message of the single-item view.
   */
  message: [
    '[data-app-section="ConversationContainer"] > div', // added 2026-12; 2024 notes (one child per message)
    '[data-app-section="ItemContainer"]', // added 2026-12; real 2025, the one message when the pane shows items
  ],

  /**
   * A message's sender: its text is "Name<address>" on an expanded message,
   * the name alone on a collapsed one (no address: not read).
   */
  sender: [
    "span.OZZZK", // added 2026-12; real 2025, 2024 notes, and a 2023 capture quoted in better-outlook: one class kept for three years
    '[data-automationid="From"]', // added 2026-12; SITES.md, older builds; review 2027-12
    '[role="button"][aria-label^="From:"]', // added 2026-12; real 2025; English UI only, so last
  ],

  /** A message's To and Cc: chips whose text, label or title shows an address when Outlook shows one. */
  recipients: [
    '[data-testid="RecipientWell"]', // added 2026-12; real 2025, 2024 notes
    '[role="edit"][aria-label^="To:"], [role="edit"][aria-label^="Cc:"]', // added 2026-12; real 2025; English UI only
  ],

  /** A message's time as shown ("Wed 4/30/2025 3:03 PM"), in the viewer's time zone: no machine-readable form. */
  messageTime: [
    '[data-testid="SentReceivedSavedTime"]', // added 2026-12; real 2025
  ],

  /** A message's body: the sender's markup, never read for people. */
  messageBody: [
    '[id^="UniqueMessageBody"]', // added 2026-12; real 2025, 2024 notes
    '[role="document"]', // added 2026-12; real 2025, the body's ARIA wrapper
  ],

  /** Quoted earlier mail inside a body: Outlook's reply header (#divRplyFwdMsg, "x_"-prefixed once shown) and blockquotes. Never read for promises. */
  quotedText: [
    '[id$="divRplyFwdMsg"], blockquote', // added 2026-12; Outlook's own reply markup
  ],

  /** The marker Outlook puts before a reply's quoted mail: it and all that follows it in its parent are earlier mail. */
  replyMarker: [
    '[id$="appendonsend"]', // added 2026-12; Outlook's own reply markup ("x_appendonsend" once shown)
  ],

  /** The selected message-list row: its data-convid is the conversation's id when the URL names one of its items. */
  selectedRow: [
    '[role="option"][aria-selected="true"][data-convid]', // added 2026-12; real 2025 list row, SITES.md (fperezdev)
  ],

  /** The signed-in mailbox in the folder pane; its title is the address. */
  ownMailbox: [
    '[id^="primaryMailboxRoot_"][title*="@"]', // added 2026-12; 2024 notes
  ],
} as const satisfies Record<string, readonly string[]>;

export type OutlookSelectorName = keyof typeof outlookSelectors;
