/**
 * Google Calendar: which event is open (its details dialog over the grid, or
 * its own page), its title, when, and its guests.
 *
 * The dialog opens and closes without the URL changing, so the adapter
 * watches for it (`watch`); the event's own page (/r/eventedit/<eid>,
 * /event?eid=<eid>) is named by its URL. readCalendarPage is pure DOM
 * reading (attributes, input values and textContent only), so it runs on
 * saved pages in tests. The time stays in Calendar's words here; the
 * sidebar reads it (shared/calendar-events/event-time.ts), so the content
 * script carries no date parser.
 *
 * Try it: https://calendar.google.com/calendar/u/0/r/week, click an event
 * with a guest from a partner, close it, open another; then the event's
 * own page (Options → "Edit event", /r/eventedit/<eid>).
 */
import { calendarEidFromUrl, calendarEventKey } from "../../shared/calendar-events/event-id.ts";
import { isEmailAddress } from "../../shared/email-address.ts";
import { calendarSelectors, type CalendarSelectorName } from "./calendar-selectors.ts";
import { unreadable, type CalendarEventFacts, type PageContext } from "./page-context.ts";
import { cleanText } from "./page-text.ts";
import { renderWaitMs, type HostPage, type SiteAdapter } from "./site-adapter.ts";
import { pollUntil } from "./waiting.ts";

/** The event a Calendar URL opens, as a cache key; null for the grid and settings. */
export function calendarPageKey(href: string): string | null {
  const eid = calendarEidFromUrl(href);
  const eventId = eid ? calendarEventKey(eid) : null;
  return eventId ? `calendar:${eventId}` : null;
}

/** The elements matched by the first alternative that matches anything, so alternatives never double count. */
function allOf(root: ParentNode, name: CalendarSelectorName): Element[] {
  for (const selector of calendarSelectors[name]) {
    const found = [...root.querySelectorAll(selector)];
    if (found.length > 0) return found;
  }
  return [];
}
const firstOf = (root: ParentNode, name: CalendarSelectorName): Element | null => allOf(root, name)[0] ?? null;

/** A field's text: an input's value (as typed, or as saved in the page), else what it shows. */
function fieldText(element: Element | null): string | null {
  if (!element) return null;
  const value = element instanceof HTMLInputElement ? element.value : element.getAttribute("value") ?? element.textContent;
  return cleanText(value);
}

function guestsIn(root: ParentNode): string[] {
  const addresses = allOf(root, "guest").map((guest) =>
    (guest.getAttribute("data-email") ?? guest.getAttribute("data-hovercard-id") ?? "").trim().toLowerCase());
  return [...new Set(addresses.filter(isEmailAddress))];
}

/** The signed-in address from Google's account button, "Google Account: Dana Kim (dana@fabrikam.com)". */
function ownAddressIn(doc: Document): string | null {
  const label = firstOf(doc, "account")?.getAttribute("aria-label") ?? "";
  const address = /\(([^()\s]+@[^()\s]+)\)/.exec(label)?.[1]?.toLowerCase() ?? null;
  return address && isEmailAddress(address) ? address : null;
}

function eventContext(doc: Document, event: CalendarEventFacts, url: string): PageContext {
  return { kind: "event", site: "calendar", event, ownAddress: ownAddressIn(doc), emails: event.guests, url };
}

function readDialog(doc: Document, dialog: Element, origin: string): PageContext {
  const eid = dialog.getAttribute("data-eventid") ?? "";
  const eventId = calendarEventKey(eid);
  if (!eventId) return unreadable("calendar", "eventDialog", calendarSelectors.eventDialog, "the dialog's data-eventid names no event: ");
  const box = dialog.closest("[role=dialog]") ?? dialog;
  const labelledBy = box.getAttribute("aria-labelledby");
  const heading = (labelledBy ? doc.getElementById(labelledBy) : null) ?? firstOf(box, "dialogTitle");
  const url = new URL(`/calendar/event?eid=${encodeURIComponent(eid)}`, origin).href;
  return eventContext(doc, {
    eventId, title: cleanText(heading?.textContent), whenText: cleanText(firstOf(box, "dialogWhen")?.textContent),
    startsAt: null, endsAt: null, guests: guestsIn(box), url,
  }, url);
}

/** The edit page's start and end in Calendar's words: "Dec 1, 2026 10:00am – 11:00am", the end date only when it differs. */
function pageWhen(doc: Document): string | null {
  const [startDate, startTime, endTime, endDate] = (["pageStartDate", "pageStartTime", "pageEndTime", "pageEndDate"] as const).map((name) => fieldText(firstOf(doc, name)));
  if (!startDate) return null;
  const end = [endDate && endDate !== startDate ? endDate : null, endTime].filter(Boolean).join(" ");
  return cleanText(`${startDate} ${startTime ?? ""}${end ? ` – ${end}` : ""}`);
}

export function readCalendarPage(doc: Document, location: HostPage["location"]): PageContext {
  const dialog = firstOf(doc, "eventDialog");
  if (dialog) return readDialog(doc, dialog, new URL(location.href).origin);
  const eid = calendarEidFromUrl(location.href);
  if (!eid) return { kind: "nothing-to-show", site: "calendar" };
  const eventId = calendarEventKey(eid);
  if (!eventId || !firstOf(doc, "eventPage")) return unreadable("calendar", "eventPage", calendarSelectors.eventPage);
  return eventContext(doc, {
    eventId, title: fieldText(firstOf(doc, "pageTitle")), whenText: pageWhen(doc),
    startsAt: null, endsAt: null, guests: guestsIn(doc), url: location.href,
  }, location.href);
}

/** How often the open dialog is checked: it comes and goes without a URL change. */
const dialogCheckMs = 400;
/** How long an event drawn without guests is given for its guest list to appear. */
const guestWaitMs = 1_500;

/** Calendar in one tab: the dialog watched, the event page waited for. */
export function createCalendarAdapter({ document: doc, location }: HostPage): SiteAdapter {
  const read = () => readCalendarPage(doc, location);
  const openDialog = () => firstOf(doc, "eventDialog")?.getAttribute("data-eventid") ?? null;
  return {
    site: "calendar",
    // Calendar's top bar (search, account) is 64 px high.
    headerHeightPx: 64,
    pageKey: calendarPageKey,
    async readPage(signal) {
      let context = read();
      if (context.kind === "unreadable") {
        context = (await pollUntil(() => { const next = read(); return next.kind === "unreadable" ? null : next; }, { signal, timeoutMs: renderWaitMs, intervalMs: 250 })) ?? read();
        if (context.kind === "unreadable" && !signal.aborted) console.warn("Mutual: selector not found:", context.reason);
      }
      // The guest list can come a moment after the rest of the event.
      if (context.kind === "event" && context.emails.length === 0) {
        context = (await pollUntil(() => { const next = read(); return next.kind === "event" && next.emails.length > 0 ? next : null; }, { signal, timeoutMs: guestWaitMs, intervalMs: 100 })) ?? read();
      }
      return context;
    },
    watch(onChange, signal) {
      // A poll of one element by id, not an observer: Calendar redraws its
      // grid on every hover, and an observer on the body would run each time.
      let shown = openDialog();
      const timer = setInterval(() => {
        const now = openDialog();
        if (now === shown) return;
        shown = now;
        onChange();
      }, dialogCheckMs);
      signal.addEventListener("abort", () => clearInterval(timer), { once: true });
    },
  };
}
