import { useEffect, useState } from "preact/hooks";
import { relativeDay } from "../../../shared/display-format.ts";
import { healthHistory, type HealthHistory } from "../../../shared/schemas/health.ts";
import { partner as partnerSchema, type Partner } from "../../../shared/schemas/partner.ts";
import type { ErrorInfo } from "../../messaging/protocol.ts";
import { Sparkline } from "../../pages/Sparkline.tsx";
import { HealthPanel } from "../../sidebar/HealthPanel.tsx";
import { PulseSection } from "../../sidebar/PulseSection.tsx";
import { Toast } from "../../sidebar/Toast.tsx";
import { partnerKindLabels, partnerStatusLabels } from "../../sidebar/vocabulary.ts";
import { Contacts, Goals, OpenCommitments, Referrals, Timeline } from "./PartnerRecords.tsx";
import { PartnerSharing } from "./PartnerSharing.tsx";
import { api } from "./use-pages.ts";
import { recordsVersion } from "./use-records.ts";

/** "Healthy at 78, up 6 over 180 days": the trend said in words beside its line. */
function trendWords(history: HealthHistory): string | null {
  const scores = history.items.map((point) => point.score).filter((score): score is number => score !== null);
  if (scores.length < 2) return scores.length === 1 ? "One day of history so far." : null;
  const change = scores.at(-1)! - scores[0]!;
  const days = history.items.length;
  return change === 0 ? `Unchanged over ${days} days.` : `${change > 0 ? "Up" : "Down"} ${Math.abs(change)} over ${days} days.`;
}

/** The partner page: what the sidebar shows and more, each record correctable with Undo. */
export function PartnerDetail({ id }: { id: string }) {
  const [partner, setPartner] = useState<Partner | null>(null);
  const [history, setHistory] = useState<HealthHistory | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const version = recordsVersion.value;
  useEffect(() => {
    void api(`/v1/partners/${id}`, partnerSchema).then((reply) => (reply.ok ? setPartner(reply.data) : setError(reply.error)));
    void api(`/v1/partners/${id}/health/history?days=180`, healthHistory).then((reply) => reply.ok && setHistory(reply.data));
  }, [id, version]);
  if (error) return <main><a href="#">← All partners</a><p class="status problem" role="alert">{error.message}</p></main>;
  if (!partner) return <main><a href="#">← All partners</a><p class="muted" role="status">Loading…</p></main>;
  const props = { partnerId: partner.id, partnerName: partner.name };
  return (
    <main class="partner-page">
      <a href="#">← All partners</a>
      <h1>{partner.name}</h1>
      <p class="muted">
        {partnerKindLabels[partner.kind]} · {partner.tier ?? "no tier"} · {partnerStatusLabels[partner.status]} · {partner.domains.join(", ")}
        {" · "}last contact {partner.last_contact_at ? relativeDay(partner.last_contact_at, new Date()) : "never"}
      </p>
      {/* The partnership plan has its own page. */}
      <p><a href={`#plan/${partner.id}`}>Partnership plan →</a></p>
      <section aria-labelledby="health"><h2 id="health">Health</h2>
        {history && partner.health && (
          <p class="trend"><Sparkline points={history.items.map((point) => point.score)} backfilled={history.items.map((point) => point.backfilled)} label="Health over 180 days" /> {trendWords(history)}</p>
        )}
        <HealthPanel health={partner.health} />
      </section>
      <PulseSection partnerId={partner.id} partnerName={partner.name} />
      <section aria-labelledby="promises"><h2 id="promises">Open promises</h2><OpenCommitments {...props} /></section>
      <section aria-labelledby="timeline"><h2 id="timeline">Interactions and meetings</h2><Timeline {...props} /></section>
      <section aria-labelledby="referrals"><h2 id="referrals">Referrals</h2><Referrals {...props} /></section>
      <section aria-labelledby="goals"><h2 id="goals">Shared goals</h2><Goals {...props} /></section>
      <section aria-labelledby="contacts"><h2 id="contacts">Contacts</h2><Contacts {...props} /></section>
      <section aria-labelledby="sharing"><h2 id="sharing">Sharing with {partner.name}</h2><PartnerSharing {...props} /></section>
      {partner.objectives && <><h2>Their objectives</h2><p>{partner.objectives}</p></>}
      {partner.business_model && <><h2>Their business</h2><p>{partner.business_model}</p></>}
      <div class="page-toast"><Toast /></div>
    </main>
  );
}
