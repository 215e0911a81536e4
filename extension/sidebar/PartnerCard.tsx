import { buildMeetingAgenda } from "../../shared/meeting-agenda.ts";
import type { LookupMatch } from "../../shared/schemas/lookup.ts";
import { Glance, isNewPartner } from "./Glance.tsx";
import { PartnerSections } from "./PartnerSections.tsx";
import type { CalendarEventFacts } from "../sites/page-context.ts";
import { NewFromPartner } from "./NewFromPartner.tsx";
import { PlanSection } from "./PlanSection.tsx";
import { PulseSection } from "./PulseSection.tsx";
import { LogPromiseForm } from "./forms/LogPromiseForm.tsx";
import { MeetingNotesForm } from "./forms/MeetingNotesForm.tsx";
import { EventMeetingNotes, meetingPeopleFor } from "./forms/EventMeetingNotes.tsx";
import { TouchpointForm } from "./forms/TouchpointForm.tsx";
import { openForm } from "./store.ts";
import { partnerKindLabels, partnerStatusLabels } from "./vocabulary.ts";
import { submitWrite } from "./submit-write.ts";
import type { RecordLink } from "../content/record-link.ts";

export interface PageFacts {
  sourceUrl: string;
  people: string[];
  ownAddress: string | null;
  /** On a company's record (Salesforce, HubSpot, LinkedIn): its id, to offer linking a partner matched otherwise. */
  link: RecordLink | null;
  /** A calendar event on the page (Calendar, or an invitation in the thread): meeting notes are for it. */
  event?: CalendarEventFacts | null;
}


/** A thread's meeting: you and this partner's people on it (not another partner's), each side's owners for action items. */
function threadMeeting(match: LookupMatch, page: PageFacts) {
  const people = meetingPeopleFor(match, page.people, page.ownAddress);
  return { attendees: people.attendees, owners: people.owners };
}

export function PartnerCard({ match, page }: { match: LookupMatch; page: PageFacts }) {
  const { partner } = match;
  const form = openForm.value?.partnerId === partner.id ? openForm.value.form : null;
  const close = () => (openForm.value = null);
  // Only a partner connected to its company's workspace has someone to share with.
  const shareWith = match.new_from_partner?.workspace_name ?? null;
  const open = (which: "promise" | "meeting" | "touchpoint") => (openForm.value = { form: which, partnerId: partner.id });
  const link = page.link;
  const linkable = link !== null && !match.matched_by.some((reason) => reason.type === link.matchedBy);
  const agenda = buildMeetingAgenda({
    partnerName: partner.name,
    now: new Date(),
    openCommitments: match.open_commitments,
    pendingReferrals: match.referrals.recent.filter((r) => r.stage === "submitted" || r.stage === "accepted"),
    goals: match.goals,
  });

  return (
    <article class="partner" aria-label={partner.name}>
      <header>
        <h2>{partner.name}</h2>
        <p class="muted">{partnerKindLabels[partner.kind]}{partner.tier ? ` · ${partner.tier}` : ""} · {partnerStatusLabels[partner.status]}</p>
        <Glance match={match} />
      </header>
      <NewFromPartner facts={match.new_from_partner} />
      {linkable && (
        <button type="button" class="link-account" onClick={() => void submitWrite(
          { action: "patchPartner", partnerId: partner.id, body: { [link.field]: link.value } },
          `${link.label.replace(/^Link/, "Linked")} to ${partner.name}`,
        )}>{link.label}</button>
      )}
      <div class="actions" role="group" aria-label={`Actions for ${partner.name}`}>
        <button type="button" aria-expanded={form === "promise"} onClick={() => open("promise")}>Log a promise</button>
        <button type="button" aria-expanded={form === "meeting"} onClick={() => open("meeting")}>Meeting notes</button>
        <button type="button" aria-expanded={form === "touchpoint"} onClick={() => open("touchpoint")}>Log touchpoint</button>
      </div>
      {form === "promise" && <LogPromiseForm partnerId={partner.id} partnerName={partner.name} sourceUrl={page.sourceUrl} ownerEmail={page.ownAddress} shareWith={shareWith} onDone={close} />}
      {form === "meeting" && (page.event
        ? <EventMeetingNotes match={match} event={page.event} sourceUrl={page.sourceUrl} people={page.people} ownAddress={page.ownAddress} agenda={agenda} shareWith={shareWith} onDone={close} />
        : <MeetingNotesForm partnerId={partner.id} partnerName={partner.name} sourceUrl={page.sourceUrl} {...threadMeeting(match, page)} agenda={agenda} shareWith={shareWith} onDone={close} />)}
      {form === "touchpoint" && <TouchpointForm partnerId={partner.id} partnerName={partner.name} sourceUrl={page.sourceUrl} participants={page.people} shareWith={shareWith} onDone={close} />}
      <PulseSection partnerId={partner.id} partnerName={partner.name} />
      <PlanSection partnerId={partner.id} partnerName={partner.name} sourceUrl={page.sourceUrl} attendees={threadMeeting(match, page).attendees} />
      {!isNewPartner(match) && <PartnerSections match={match} />}
    </article>
  );
}
