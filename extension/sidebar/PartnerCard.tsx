import { buildMeetingAgenda } from "../../shared/meeting-agenda.ts";
import type { LookupMatch } from "../../shared/schemas/lookup.ts";
import { Glance, isNewPartner } from "./Glance.tsx";
import { PartnerSections } from "./PartnerSections.tsx";
import { PlanSection } from "./PlanSection.tsx";
import { LogPromiseForm } from "./forms/LogPromiseForm.tsx";
import { MeetingNotesForm } from "./forms/MeetingNotesForm.tsx";
import { TouchpointForm } from "./forms/TouchpointForm.tsx";
import { openForm } from "./store.ts";
import { partnerKindLabels, partnerStatusLabels } from "./vocabulary.ts";
import { submitWrite } from "./submit-write.ts";

export interface PageFacts {
  sourceUrl: string;
  people: string[];
  ownAddress: string | null;
  /** On a Salesforce Account: its id, to offer linking a partner matched by domain only. */
  salesforceAccountId: string | null;
}


export function PartnerCard({ match, page }: { match: LookupMatch; page: PageFacts }) {
  const { partner } = match;
  const form = openForm.value?.partnerId === partner.id ? openForm.value.form : null;
  const close = () => (openForm.value = null);
  const open = (which: "promise" | "meeting" | "touchpoint") => (openForm.value = { form: which, partnerId: partner.id });
  const linkable = page.salesforceAccountId !== null && !match.matched_by.some((reason) => reason.type === "salesforce");
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
      {linkable && (
        <button type="button" class="link-account" onClick={() => void submitWrite(
          { action: "patchPartner", partnerId: partner.id, body: { salesforce_account_id: page.salesforceAccountId } },
          `Linked this account to ${partner.name}`,
        )}>Link this account</button>
      )}
      <div class="actions" role="group" aria-label={`Actions for ${partner.name}`}>
        <button type="button" aria-expanded={form === "promise"} onClick={() => open("promise")}>Log a promise</button>
        <button type="button" aria-expanded={form === "meeting"} onClick={() => open("meeting")}>Meeting notes</button>
        <button type="button" aria-expanded={form === "touchpoint"} onClick={() => open("touchpoint")}>Log touchpoint</button>
      </div>
      {form === "promise" && <LogPromiseForm partnerId={partner.id} partnerName={partner.name} sourceUrl={page.sourceUrl} ownerEmail={page.ownAddress} onDone={close} />}
      {form === "meeting" && <MeetingNotesForm partnerId={partner.id} partnerName={partner.name} sourceUrl={page.sourceUrl} attendees={[...(page.ownAddress ? [page.ownAddress] : []), ...page.people]} agenda={agenda} onDone={close} />}
      {form === "touchpoint" && <TouchpointForm partnerId={partner.id} partnerName={partner.name} sourceUrl={page.sourceUrl} participants={page.people} onDone={close} />}
      <PlanSection partnerId={partner.id} partnerName={partner.name} sourceUrl={page.sourceUrl} attendees={[...(page.ownAddress ? [page.ownAddress] : []), ...page.people]} />
      {!isNewPartner(match) && <PartnerSections match={match} />}
    </article>
  );
}
