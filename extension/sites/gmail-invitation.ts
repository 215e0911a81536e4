/**
 * A Google Calendar invitation in an open Gmail thread: which event, its
 * title, when, and its guests, so meeting notes can be offered for it.
 *
 * The invitation is a message body written by Calendar, not Gmail's own
 * markup, so it has its own small selector table. Calendar's invitations
 * carry schema.org microdata (an Event with eventId/googleCalendar,
 * startDate/endDate in iCalendar form, attendees with their email) and
 * links to the event (…/calendar/event?action=RESPOND|VIEW&eid=…); Gmail
 * may drop <meta> elements from what it shows, so the links and the
 * thread's subject ("Invitation: Q1 review @ Tue Dec 1, 2026 10am - 11am
 * (GMT) (dana@fabrikam.com)") are the fallbacks. Reading only: a body's
 * markup is the sender's, and none of it is trusted beyond these values.
 */
import { calendarEidFromUrl, calendarEventKey } from "../../shared/calendar-events/event-id.ts";
import { instantFromBasicIso } from "../../shared/calendar-events/event-time.ts";
import { isEmailAddress } from "../../shared/email-address.ts";
import type { CalendarEventFacts } from "./page-context.ts";
import { cleanText } from "./page-text.ts";

export const gmailInvitationSelectors = {
  /** The event's id in the invitation's microdata. */
  eventIdMeta: [
    "[itemprop=\"eventId/googleCalendar\"][content]", // added 2026-12; Calendar's invitation mails, 2013 on
  ],
  /** Links to the event (RSVP buttons, "more options", "View all guest info"), each with its eid. */
  eventLink: [
    "a[href*=\"/calendar/event?\"][href*=\"eid=\"]", // added 2026-12; calendar.google.com and www.google.com forms
  ],
  /** The event's name in its microdata (hidden text in the mail). */
  eventName: [
    "[itemtype$=\"schema.org/Event\"] > [itemprop=name]", // added 2026-12
  ],
  startDate: ["time[itemprop=startDate][datetime]"], // added 2026-12
  endDate: ["time[itemprop=endDate][datetime]"], // added 2026-12
  /** Each guest's address: microdata first, the guest list's mailto links second. */
  guestEmail: [
    "[itemprop=attendee] [itemprop=email][content]", // added 2026-12
    "[itemprop=attendee] a[href^=\"mailto:\"]", // added 2026-12; if Gmail drops the <meta>
  ],
} as const satisfies Record<string, readonly string[]>;

type Name = keyof typeof gmailInvitationSelectors;

const firstOf = (root: ParentNode, name: Name): Element | null => root.querySelector(gmailInvitationSelectors[name].join(", "));
function allOf(root: ParentNode, name: Name): Element[] {
  for (const selector of gmailInvitationSelectors[name]) {
    const found = [...root.querySelectorAll(selector)];
    if (found.length > 0) return found;
  }
  return [];
}

/** "Invitation: <title> @ <when> (<address>)", "Updated invitation: …", as Calendar names its mails. */
const invitationSubject = /^(?:updated\s+)?invitation(?:\s+with\s+note)?:\s*(.+?)\s+@\s+(.+?)(?:\s+\([^()]*@[^()]*\))?$/i;

/** The eid of the first link to an event in the body. */
function eventLink(body: ParentNode): { eid: string } | null {
  for (const link of allOf(body, "eventLink")) {
    const eid = calendarEidFromUrl(link.getAttribute("href") ?? "");
    if (eid) return { eid };
  }
  return null;
}

function guestsIn(body: ParentNode): string[] {
  const addresses = allOf(body, "guestEmail").map((element) =>
    (element.getAttribute("content") ?? element.getAttribute("href")?.replace(/^mailto:/i, "").split("?", 1)[0] ?? "").trim().toLowerCase());
  return [...new Set(addresses.filter(isEmailAddress))];
}

/**
 * The invitation in a thread's messages (the newest that has one), or null.
 * `bodies` are the messages' bodies, oldest first; `subject` the thread's.
 */
export function readInvitation(bodies: readonly Element[], subject: string | null): CalendarEventFacts | null {
  for (const body of [...bodies].reverse()) {
    const link = eventLink(body);
    const metaId = firstOf(body, "eventIdMeta")?.getAttribute("content") ?? null;
    const eventId = (metaId ? calendarEventKey(metaId) : null) ?? (link ? calendarEventKey(link.eid) : null);
    if (!eventId) continue;
    const fromSubject = invitationSubject.exec(subject ?? "");
    return {
      eventId,
      title: cleanText(firstOf(body, "eventName")?.textContent) ?? cleanText(fromSubject?.[1]),
      whenText: cleanText(fromSubject?.[2]),
      startsAt: instantFromBasicIso(firstOf(body, "startDate")?.getAttribute("datetime")),
      endsAt: instantFromBasicIso(firstOf(body, "endDate")?.getAttribute("datetime")),
      guests: guestsIn(body),
      // The event's own link, never the RSVP link itself: its tok answers for the invitee.
      url: `https://calendar.google.com/calendar/event?eid=${encodeURIComponent(link?.eid ?? eventId)}`,
    };
  }
  return null;
}

/** The thread's `event` field: present only when the thread holds an invitation. */
export function invitationIn(bodies: readonly Element[], subject: string | null): { event?: CalendarEventFacts } {
  const event = readInvitation(bodies, subject);
  return event ? { event } : {};
}
