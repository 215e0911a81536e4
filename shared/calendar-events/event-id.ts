/**
 * Google Calendar names one event in several ways: the page's `eid` (in
 * /r/eventedit/<eid>, /event?eid=, an invitation's links and `data-eventid`)
 * is base64url of "<event id> <calendar id>", and the calendar id is the
 * viewer's own address for an invited guest. So the same meeting has a
 * different eid for each teammate, and the invitation email's eid differs
 * from the organiser's. The event id before the space is what they share:
 * meeting notes are linked by it, so whoever opens the event, from whichever
 * page, continues the same notes.
 */

/** Event ids are base32hex-like ([a-v0-9]), an imported event's may hold _ and -, a recurring instance adds _<start>. */
const eventIdPattern = /^[A-Za-z0-9_-]{5,1024}$/;

function decodeBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(text)) return null;
  try {
    const standard = text.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
    const binary = atob(standard + "=".repeat((4 - (standard.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The event id an eid (or a bare event id) names, or null when it names none.
 * "NWc2…ZQ" (base64 of "5g6thmr0f8bv dana@northwind.example") → "5g6thmr0f8bv".
 */
export function calendarEventKey(eidOrId: string): string | null {
  const text = decodeURIComponent(eidOrId.trim());
  const decoded = decodeBase64Url(text);
  const parts = decoded?.split(" ") ?? [];
  if (parts.length === 2 && eventIdPattern.test(parts[0]!) && /[@.]/.test(parts[1]!)) return parts[0]!;
  return eventIdPattern.test(text) ? text : null;
}

/**
 * The eid a Calendar URL names: /r/eventedit/<eid>, /event?eid=<eid> (also
 * the invitation's links, …/calendar/event?action=VIEW&eid=…), or null.
 */
export function calendarEidFromUrl(href: string): string | null {
  if (!URL.canParse(href)) return null;
  const url = new URL(href);
  const fromQuery = url.searchParams.get("eid");
  if (fromQuery && /\/event$/.test(url.pathname)) return fromQuery;
  const edit = /\/r\/eventedit\/([^/?#]+)/.exec(url.pathname);
  return edit ? decodeURIComponent(edit[1]!) : null;
}
