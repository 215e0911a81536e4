/**
 * Every Google Calendar selector the extension relies on, in one table, each
 * alternative dated. Attribute-based forms first (Calendar's own ids and
 * data-* attributes, slower to change), ARIA labels after (English UI only).
 *
 * Sources: SITES.md (jitsi/jidesha's view families and edit-page ids,
 * c19yamamoto's #xDetDlg with data-eventid), the details bubble's markup
 * and the guest-list selectors other public extensions read
 * (test/extension/fixtures/README.md names them); the real saved edit page
 * (test/extension/fixtures/real/calendar-2022-event-edit-details-tab.html)
 * has none of the dialog's parts. test/extension/calendar-selectors.test.ts
 * checks every entry on saved pages with expected counts, zero included.
 */
export const calendarSelectors = {
  /** The event details dialog opened from the grid; carries the event's eid in data-eventid. */
  eventDialog: [
    "#xDetDlg[data-eventid]", // added 2026-12; the 2025–26 bubble, SITES.md
    "[role=dialog] [data-eventid]", // added 2026-12; same attribute if the id goes, review 2027-12
  ],

  /** The dialog's title: the dialog is labelled by it (aria-labelledby), else its first heading. */
  dialogTitle: [
    "[role=heading]", // added 2026-12; read inside the dialog, after its aria-labelledby target
    "#rAECCd", // added 2026-12; the heading's id in the 2025–26 bubble, review 2027-12
  ],

  /** The dialog's "when" line, as people read it. */
  dialogWhen: [
    "#xDetDlgWhen", // added 2026-12; the 2025–26 bubble
  ],

  /** The guests, each with the address in data-email (the dialog and the edit page's guest panel). */
  guest: [
    "#xDetDlgAtt [data-email]", // added 2026-12; the dialog's guests section
    "[aria-label=\"Guests invited to this event.\"] [data-email]", // added 2026-12; the edit page's guest list, English UI
    "[data-hovercard-id*=\"@\"]", // added 2026-12; Google's person chips elsewhere, review 2027-12
  ],

  /** The event's own page (/r/eventedit/<eid>): the details tab, present whatever the event. */
  eventPage: [
    "#tabEventDetails", // added 2026-12; the real 2022 edit page (brave-talk fixture)
    "body[data-viewfamily^=EVENT]", // added 2026-12; EVENT and EVENT_EDIT, SITES.md (jidesha)
  ],

  /** The edit page's title field. */
  pageTitle: [
    "#xTiIn", // added 2026-12; jidesha's edit-page ids
    "input[aria-label=\"Title\"]", // added 2026-12; English UI, review 2027-12
  ],

  /** The edit page's start and end, as four inputs (date, time, time, date). */
  pageStartDate: ["#xStDaIn", "input[aria-label=\"Start date\"]"], // added 2026-12; jidesha's ids, English UI second
  pageStartTime: ["#xStTiIn", "input[aria-label=\"Start time\"]"], // added 2026-12
  pageEndTime: ["#xEnTiIn", "input[aria-label=\"End time\"]"], // added 2026-12
  pageEndDate: ["#xEnDaIn", "input[aria-label=\"End date\"]"], // added 2026-12

  /** Google's account button names the signed-in address ("Google Account: Dana (dana@x.com)"). */
  account: [
    "a[aria-label^=\"Google Account:\"]", // added 2026-12; the bar every Google app shares, English UI
  ],
} as const satisfies Record<string, readonly string[]>;

export type CalendarSelectorName = keyof typeof calendarSelectors;
