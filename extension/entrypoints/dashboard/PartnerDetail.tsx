import { useEffect, useState } from "preact/hooks";
import { healthHistory, type HealthHistory } from "../../../shared/schemas/health.ts";
import { partner as partnerSchema, type Partner } from "../../../shared/schemas/partner.ts";
import type { ErrorInfo } from "../../messaging/protocol.ts";
import { api } from "./use-pages.ts";
import { Sparkline } from "../../pages/Sparkline.tsx";
import { HealthPanel } from "../../sidebar/HealthPanel.tsx";
import { partnerKindLabels, partnerStatusLabels } from "../../sidebar/vocabulary.ts";

export function PartnerDetail({ id }: { id: string }) {
  const [partner, setPartner] = useState<Partner | null>(null);
  const [history, setHistory] = useState<HealthHistory | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  useEffect(() => {
    void api(`/v1/partners/${id}`, partnerSchema).then((reply) => (reply.ok ? setPartner(reply.data) : setError(reply.error)));
    void api(`/v1/partners/${id}/health/history?days=180`, healthHistory).then((reply) => reply.ok && setHistory(reply.data));
  }, [id]);
  if (error) return <main><a href="#">← All partners</a><p class="status problem" role="alert">{error.message}</p></main>;
  if (!partner) return <main><a href="#">← All partners</a><p class="muted" role="status">Loading…</p></main>;
  return (
    <main>
      <a href="#">← All partners</a>
      <h1>{partner.name}</h1>
      <p class="muted">{partnerKindLabels[partner.kind]} · {partner.tier ?? "no tier"} · {partnerStatusLabels[partner.status]} · {partner.domains.join(", ")}</p>
      {history && partner.health && <Sparkline points={history.items.map((point) => point.score)} backfilled={history.items.map((point) => point.backfilled)} label="Health over 180 days" />}
      <p><a href={`#plan/${partner.id}`}>Partnership plan →</a></p>
      <HealthPanel health={partner.health} />
      {partner.objectives && <><h2>Their objectives</h2><p>{partner.objectives}</p></>}
      {partner.business_model && <><h2>Their business</h2><p>{partner.business_model}</p></>}
    </main>
  );
}
