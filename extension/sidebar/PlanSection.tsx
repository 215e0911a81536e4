import { useEffect, useState } from "preact/hooks";
import { storage } from "wxt/utils/storage";
import { planOneLine } from "../../shared/plan/summary.ts";
import type { PlanResource } from "../../shared/schemas/plan.ts";
import type { ErrorInfo } from "../messaging/protocol.ts";
import { PlanDetails } from "./PlanDetails.tsx";
import { PlanReviewForm } from "./forms/PlanReviewForm.tsx";
import { whenPageSettled } from "./page-settled.ts";
import { newerPlan, readPlan } from "./plan-client.ts";

/** Whether the plan section is folded, for every partner and tab: folded until someone opens it. */
export const planFoldedItem = storage.defineItem<boolean>("local:planSectionFolded", { fallback: true });

export interface PlanSectionProps {
  partnerId: string;
  partnerName: string;
  sourceUrl: string;
  attendees: string[];
}

/** The dashboard's plan page for a partner; the sidebar is an extension page, so the path is the extension's own. */
export const planPageUrl = (partnerId: string) => `/dashboard.html#plan/${partnerId}`;

/**
 * The partnership plan on a partner's card: one line when folded ("Plan
 * reviewed 41 days ago · renews 2027-03-01"), the whole plan and "Review the
 * plan" when unfolded. Written and edited on the dashboard.
 */
export function PlanSection({ partnerId, partnerName, sourceUrl, attendees }: PlanSectionProps) {
  const [folded, setFolded] = useState(true);
  const [read, setResource] = useState<PlanResource | null>(null);
  const resource = newerPlan(read, partnerId);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [reviewing, setReviewing] = useState(false);
  useEffect(() => {
    void planFoldedItem.getValue().then(setFolded);
    return planFoldedItem.watch((value) => setFolded(value ?? true));
  }, []);
  useEffect(() => {
    // Extra to the first paint: asked once the host page has settled.
    void whenPageSettled().then(() => readPlan(partnerId)).then((reply) => (reply.ok ? setResource(reply.data) : setError(reply.error)));
  }, [partnerId]);
  const toggle = () => {
    setFolded(!folded);
    void planFoldedItem.setValue(!folded);
  };
  const regionId = `plan-${partnerId}`;
  if (!resource) {
    return <section class="plan" aria-label="Partnership plan"><p class="muted" role="status">{error ? `Plan: ${error.message}` : "Plan…"}</p></section>;
  }
  const line = planOneLine(resource, new Date());
  return (
    <section class={`plan plan-${line.state}`} aria-label="Partnership plan">
      <div class="plan-line">
        <button type="button" class="plan-toggle" aria-expanded={!folded} aria-controls={regionId} onClick={toggle}>{line.text}</button>
        {line.state === "unwritten" && <a href={planPageUrl(partnerId)} target="_blank" rel="noopener">Write it</a>}
      </div>
      {!folded && (
        <div id={regionId}>
          {line.state !== "unwritten" && <PlanDetails resource={resource} partnerName={partnerName} />}
          <div class="actions">
            <button type="button" aria-expanded={reviewing} onClick={() => setReviewing(true)}>Review the plan</button>
            <a class="plan-edit" href={planPageUrl(partnerId)} target="_blank" rel="noopener">Edit on the dashboard</a>
          </div>
        </div>
      )}
      {reviewing && (
        <PlanReviewForm partnerId={partnerId} partnerName={partnerName} plan={resource} sourceUrl={sourceUrl} attendees={attendees}
          onReviewed={setResource} onClose={() => setReviewing(false)} />
      )}
    </section>
  );
}
