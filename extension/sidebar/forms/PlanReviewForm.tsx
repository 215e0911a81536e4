import { useEffect, useState } from "preact/hooks";
import { planReviewAgenda } from "../../../shared/plan/review-agenda.ts";
import { z } from "zod";
import type { PlanResource } from "../../../shared/schemas/plan.ts";
import { decisionsPatch, type ReviewDecisions as Decisions } from "../../../shared/plan/review-decisions.ts";
import type { ErrorInfo } from "../../messaging/protocol.ts";
import { recordPlanReview, readPlanReview } from "../plan-client.ts";
import { announcement } from "../store.ts";
import type { WriteOutcome } from "../submit-write.ts";
import { MeetingNotesForm } from "./MeetingNotesForm.tsx";

export interface PlanReviewFormProps {
  partnerId: string;
  partnerName: string;
  plan: PlanResource;
  sourceUrl: string;
  attendees: string[];
  /** After the review is recorded, with the plan as it now stands. */
  onReviewed: (plan: PlanResource) => void;
  onClose: () => void;
}

/** All the review needs of the meeting's answer (a MeetingCreated): its id. */
const savedMeeting = z.object({ meeting: z.object({ id: z.string().regex(/^mtg_[0-9a-z]{24}$/) }) });

function PlanDecisions({ plan, decisions, onChange }: { plan: PlanResource; decisions: Decisions; onChange: (next: Decisions) => void }) {
  const open = (plan.plan.milestones ?? []).map((m, index) => ({ ...m, index })).filter((m) => !m.done);
  return (
    <fieldset>
      <legend>Changes to the plan decided</legend>
      <label for="review-renewal">Renewal date</label>
      <input id="review-renewal" type="date" value={decisions.renewal_on} onInput={(e) => onChange({ ...decisions, renewal_on: e.currentTarget.value })} />
      <label for="review-every">Review every (days)</label>
      <input id="review-every" type="number" min={7} max={730} value={decisions.review_every_days} onInput={(e) => onChange({ ...decisions, review_every_days: e.currentTarget.value })} />
      {open.map((m) => (
        <label class="inline" key={m.index}>
          <input type="checkbox" checked={decisions.done.includes(m.index)}
            onChange={(e) => onChange({ ...decisions, done: e.currentTarget.checked ? [...decisions.done, m.index] : decisions.done.filter((i) => i !== m.index) })} />
          Milestone done: {m.title}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * "Review the plan": the meeting notes form with the review as its agenda.
 * Saving writes the meeting (its action items become promises), then records
 * the review against it, with any change to the plan decided there.
 */
export function PlanReviewForm({ partnerId, partnerName, plan, sourceUrl, attendees, onReviewed, onClose }: PlanReviewFormProps) {
  const [agenda, setAgenda] = useState<string | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [decisions, setDecisions] = useState<Decisions>({ renewal_on: plan.plan.renewal_on ?? "", review_every_days: String(plan.review_every_days), done: [] });
  useEffect(() => {
    void readPlanReview(partnerId).then((reply) => (reply.ok ? setAgenda(planReviewAgenda(reply.data, partnerName)) : setError(reply.error)));
  }, [partnerId, partnerName]);
  if (error) return <p class="field-error" role="alert">The review could not be prepared: {error.message}</p>;
  if (agenda === null) return <p class="muted" role="status">Preparing the review…</p>;

  const afterSave = async (outcome: WriteOutcome): Promise<WriteOutcome> => {
    if (outcome.state === "failed") return outcome;
    if (outcome.state === "queued") {
      // The review needs the meeting's id, which only the API gives: say plainly that it is still to be recorded.
      announcement.value = "The meeting is saved on this computer and will sync as meeting notes; the plan review is not recorded yet. Review the plan again once Mutual's API answers.";
      return outcome;
    }
    const response = outcome.response;
    const saved = savedMeeting.safeParse(response);
    if (!saved.success) return { state: "failed", error: { code: "unexpected_reply", message: "The meeting is saved, but its answer was not understood; the review was not recorded." } };
    const reply = await recordPlanReview(partnerId, saved.data.meeting.id, decisionsPatch(plan.plan, plan.review_every_days, decisions));
    if (!reply.ok || reply.data.result !== "saved") {
      // The meeting is in; asking again would save it twice, so say what is missing instead.
      announcement.value = `The meeting is saved, but the review was not recorded: ${reply.ok ? "the plan changed meanwhile" : reply.error.message}. Review the plan again to record it.`;
      return { state: "synced", response };
    }
    announcement.value = "Plan review saved: meeting, promises and plan recorded.";
    onReviewed(reply.data.plan);
    return { state: "synced", response };
  };
  return (
    <MeetingNotesForm
      partnerId={partnerId} partnerName={partnerName} sourceUrl={sourceUrl} attendees={attendees} agenda={agenda} onDone={onClose}
      purpose={{
        heading: "Plan review", title: `Plan review with ${partnerName}`, draftKey: `plan-review:${partnerId}`, afterSave,
        fields: <PlanDecisions plan={plan} decisions={decisions} onChange={setDecisions} />,
      }}
    />
  );
}
