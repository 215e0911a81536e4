import { useEffect, useState } from "preact/hooks";
import { meetingPeople } from "../../../shared/calendar-events/attendees.ts";
import { freeMailDomains } from "../../../shared/free-mail-domains.ts";
import type { LookupMatch } from "../../../shared/schemas/lookup.ts";
import type { Meeting } from "../../../shared/schemas/meeting.ts";
import { send } from "../../messaging/send.ts";
import type { CalendarEventFacts } from "../../sites/page-context.ts";
import { askSignedIn, signedInEmail } from "../signed-in.ts";
import { MeetingNotesForm } from "./MeetingNotesForm.tsx";
import { eventPrefill, type MeetingEventPrefill } from "./meeting-event.ts";

export interface EventMeetingNotesProps {
  match: LookupMatch;
  event: CalendarEventFacts;
  sourceUrl: string;
  /** Everyone the page shows but the user: the event's guests, or the invitation's thread. */
  people: string[];
  ownAddress: string | null;
  agenda: string;
  /** The connected partner company's name, when notes can be shared with it. */
  shareWith?: string | null;
  onDone: () => void;
}

/** This partner's people among those shown, and ours: nobody from another partner. */
export function meetingPeopleFor(match: LookupMatch, shown: string[], signedIn: string | null) {
  const matchedEmails = match.matched_by.filter((reason) => reason.type === "email").map((reason) => reason.value);
  return meetingPeople(shown, signedIn, { domains: match.partner.domains, matchedEmails }, (domain) => freeMailDomains.has(domain));
}

type Saved = { state: "looking" } | { state: "found"; existing: Meeting | null; prefill: MeetingEventPrefill } | { state: "unknown"; message: string; prefill: MeetingEventPrefill };

/** The notes saved for this event and partner, if any (one at most: the API refuses a second). */
async function savedNotes(partnerId: string, eventId: string): Promise<{ state: "found"; existing: Meeting | null } | { state: "unknown"; message: string }> {
  const reply = await send({ type: "api", path: `/v1/partners/${partnerId}/meetings?calendar_event_id=${encodeURIComponent(eventId)}` });
  if (!reply.ok) return { state: "unknown", message: reply.error.message };
  const items = (reply.data as { items?: Meeting[] } | null)?.items ?? [];
  return { state: "found", existing: items[0] ?? null };
}

/** Meeting notes for a calendar event: continues the notes saved for it, else starts them prefilled from the event. */
export function EventMeetingNotes({ match, event, sourceUrl, people, ownAddress, agenda, shareWith = null, onDone }: EventMeetingNotesProps) {
  const [saved, setSaved] = useState<Saved>({ state: "looking" });
  // Bumped to look again: someone saved notes for the event while these were typed.
  const [looks, setLooks] = useState(0);
  const partnerId = match.partner.id;
  useEffect(() => {
    let live = true;
    setSaved({ state: "looking" });
    // Who "we" are is known before the form opens, so it starts with them as attendee and owner.
    void Promise.all([savedNotes(partnerId, event.eventId), eventPrefill(event, new Date()), askSignedIn()])
      .then(([result, prefill]) => live && setSaved({ ...result, prefill }));
    return () => {
      live = false;
    };
  }, [partnerId, event.eventId, looks]);
  if (saved.state === "looking") return <p class="muted" role="status">Looking for notes saved for this event…</p>;

  const meeting = meetingPeopleFor(match, event.guests.length > 0 ? event.guests : people, signedInEmail.value ?? ownAddress);
  const existing = saved.state === "found" ? saved.existing : null;
  return (
    <>
      {looks > 0 && existing && <p class="notice" role="status">Someone saved notes for this event while you typed: what you typed is kept here, and saving puts it in their place. Compare before you save.</p>}
      {saved.state === "unknown" && <p class="notice" role="status">Couldn't check for notes saved for this event ({saved.message}); saving starts them, or names the notes already saved.</p>}
      <MeetingNotesForm key={`${event.eventId}:${existing?.id ?? "new"}`} partnerId={partnerId} partnerName={match.partner.name} sourceUrl={sourceUrl}
        attendees={meeting.attendees} agenda={agenda} shareWith={shareWith} onDone={onDone} event={saved.prefill} existing={existing} owners={meeting.owners}
        onRefused={(error) => error.code === "conflict" && !existing && setLooks((n) => n + 1)} />
    </>
  );
}
