import { describe, expect, it } from "vitest";
import { calendarSelectors } from "../../extension/sites/calendar-selectors.ts";
import { loadFixture, ownFixture, realFixture } from "./fixtures/load-fixture.ts";

/**
 * Every alternative of every Calendar selector on saved pages, with the
 * number of elements it must match on each, zero included. The real page
 * (the 2022 edit page's details tab) has none of the dialog or guest parts:
 * its zeros say the adapter must not find an event there by accident.
 */
const pages = {
  /** real: brave-talk's saved 2022 edit page, "Event details" tab only. */
  edit2022: () => loadFixture(realFixture("calendar-2022-event-edit-details-tab.html")),
  /** synthetic: our 2026 week grid with an event's details dialog open. */
  dialog2026: () => loadFixture(ownFixture("calendar-2026-event-dialog.html")),
  /** synthetic: our 2026 event page (/r/eventedit/<eid>) with its guest panel. */
  edit2026: () => loadFixture(ownFixture("calendar-2026-event-edit-page.html")),
};
type Page = keyof typeof pages;

const expected: Record<string, Record<Page, number>> = {
  "#xDetDlg[data-eventid]": { edit2022: 0, dialog2026: 1, edit2026: 0 },
  // The grid's chips carry data-eventid too, but outside any dialog.
  "[role=dialog] [data-eventid]": { edit2022: 0, dialog2026: 1, edit2026: 0 },
  "[role=heading]": { edit2022: 0, dialog2026: 1, edit2026: 0 },
  "#rAECCd": { edit2022: 0, dialog2026: 1, edit2026: 0 },
  "#xDetDlgWhen": { edit2022: 0, dialog2026: 1, edit2026: 0 },
  "#xDetDlgAtt [data-email]": { edit2022: 0, dialog2026: 4, edit2026: 0 },
  "[aria-label=\"Guests invited to this event.\"] [data-email]": { edit2022: 0, dialog2026: 4, edit2026: 3 },
  "[data-hovercard-id*=\"@\"]": { edit2022: 0, dialog2026: 4, edit2026: 0 },
  "#tabEventDetails": { edit2022: 1, dialog2026: 0, edit2026: 1 },
  "body[data-viewfamily^=EVENT]": { edit2022: 0, dialog2026: 0, edit2026: 1 },
  "#xTiIn": { edit2022: 0, dialog2026: 0, edit2026: 1 },
  "input[aria-label=\"Title\"]": { edit2022: 0, dialog2026: 0, edit2026: 1 },
  "#xStDaIn": { edit2022: 0, dialog2026: 0, edit2026: 1 },
  "input[aria-label=\"Start date\"]": { edit2022: 0, dialog2026: 0, edit2026: 1 },
  "#xStTiIn": { edit2022: 0, dialog2026: 0, edit2026: 1 },
  "input[aria-label=\"Start time\"]": { edit2022: 0, dialog2026: 0, edit2026: 1 },
  "#xEnTiIn": { edit2022: 0, dialog2026: 0, edit2026: 1 },
  "input[aria-label=\"End time\"]": { edit2022: 0, dialog2026: 0, edit2026: 1 },
  "#xEnDaIn": { edit2022: 0, dialog2026: 0, edit2026: 1 },
  "input[aria-label=\"End date\"]": { edit2022: 0, dialog2026: 0, edit2026: 1 },
  "a[aria-label^=\"Google Account:\"]": { edit2022: 0, dialog2026: 1, edit2026: 1 },
};

const alternatives = Object.entries(calendarSelectors).flatMap(([name, list]) => list.map((selector) => ({ name, selector })));

describe("the Calendar selector table on saved pages", () => {
  it("has expected counts for exactly the selectors in the table", () => {
    expect(alternatives.map((entry) => entry.selector).sort()).toEqual(Object.keys(expected).sort());
  });

  const loaded = Object.fromEntries(Object.entries(pages).map(([page, load]) => [page, load()])) as Record<Page, Document>;
  const cases = alternatives.flatMap(({ name, selector }) =>
    (Object.keys(pages) as Page[]).map((page) => ({ name, selector, page, count: expected[selector]?.[page] })),
  );

  it.each(cases)("$name $selector matches $count on $page", ({ selector, page, count }) => {
    expect(loaded[page].querySelectorAll(selector).length).toBe(count);
  });
});
