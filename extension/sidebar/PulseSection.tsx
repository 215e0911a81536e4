import { signal } from "@preact/signals";
import { useEffect, useState } from "preact/hooks";
import { traitNames } from "../../shared/schemas/health.ts";
import { pulse as pulseSchema, type Pulse, type PulseRoundView } from "../../shared/schemas/pulse.ts";
import { PulseForm } from "./forms/PulseForm.tsx";
import { whenPageSettled } from "./page-settled.ts";
import { readPulse } from "./pulse-client.ts";
import type { WriteOutcome } from "./submit-write.ts";
import { traitLabels } from "./vocabulary.ts";
import "./pulse.css";

export interface PulseSectionProps {
  partnerId: string;
  partnerName: string;
}

/** Whose pulse form is open: kept outside the component, so a card redrawn by a fresh lookup keeps it open, as the other forms are. */
const answeringFor = signal<string | null>(null);

/** What to show in "They" for a round whose ratings we can't show yet. */
function theirStateText(view: PulseRoundView, partnerName: string): string | null {
  switch (view.their_state) {
    case "not_connected": return `${partnerName} isn't connected to Mutual: only your side is shown.`;
    case "not_answered": return `${partnerName} hasn't answered ${view.round} yet.`;
    case "answered_hidden": return `${partnerName} has answered ${view.round}: answer too to see their ratings.`;
    case "shown": return null;
  }
}

const gapText = (gap: number | null) => (gap === null ? "–" : gap === 0 ? "0" : gap > 0 ? `+${gap}` : `−${-gap}`);

function Comparison({ pulse, partnerName }: { pulse: Pulse; partnerName: string }) {
  if (!pulse.latest) return null;
  const view = pulse.rounds.find((round) => round.round === pulse.latest!.round)!;
  return (
    <>
      <table class="pulse-table">
        <caption>Pulse {pulse.latest.round}</caption>
        <thead><tr><th scope="col">Trait</th><th scope="col">You</th><th scope="col">{partnerName}</th><th scope="col">Gap</th><th scope="col">Score</th></tr></thead>
        <tbody>
          {traitNames.map((trait) => {
            const row = pulse.latest!.traits[trait];
            return (
              <tr key={trait}>
                <th scope="row">{traitLabels[trait]}</th>
                <td>{row.ours ?? "–"}</td><td>{row.theirs ?? "–"}</td><td>{gapText(row.gap)}</td>
                <td title="From the records: the health score's trait, 0–100">{row.behavioural === null ? "–" : Math.round(row.behavioural)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {view.theirs?.comment && <p class="pulse-comment">{partnerName}: “{view.theirs.comment}”</p>}
    </>
  );
}

/**
 * The quarterly pulse on a partner's card and page: both sides' 1–5 ratings
 * per trait, the gap, and the records' score beside them; the other side's
 * only once both have answered. Answering opens a small form.
 */
export function PulseSection({ partnerId, partnerName }: PulseSectionProps) {
  const [pulse, setPulse] = useState<Pulse | null>(null);
  const answering = answeringFor.value === partnerId;
  const setAnswering = (open: boolean) => (answeringFor.value = open ? partnerId : null);
  // A pulse that can't be read (offline, an older API) is left out: the card has the rest.
  // Extra to the first paint: asked once the host page has settled.
  const reload = () => void whenPageSettled().then(() => readPulse(partnerId)).then((reply) => reply.ok && setPulse(reply.data));
  useEffect(reload, [partnerId]);
  const saved = (outcome: WriteOutcome) => {
    const answer = outcome.state === "synced" ? pulseSchema.safeParse(outcome.response) : null;
    if (answer?.success) setPulse(answer.data);
  };
  if (!pulse) return null;
  const current = pulse.rounds.find((round) => round.round === pulse.current_round) ?? null;
  const waiting = current ? theirStateText(current, partnerName) : null;
  return (
    <section class="pulse" aria-label={`Quarterly pulse with ${partnerName}`}>
      <h3>Quarterly pulse</h3>
      <Comparison pulse={pulse} partnerName={partnerName} />
      {pulse.stale_note && <p class="notice">{pulse.stale_note}.</p>}
      {waiting && <p class="muted pulse-waiting">{waiting}</p>}
      {answering
        ? <PulseForm partnerId={partnerId} partnerName={partnerName} shareWith={current?.their_state === "not_connected" ? null : partnerName}
            current={current?.ours?.ratings ?? null} onSaved={saved} onDone={() => setAnswering(false)} />
        : pulse.can_answer
          ? <button type="button" aria-expanded="false" onClick={() => setAnswering(true)}>{current?.ours ? "Change your answer" : `Answer the ${pulse.current_round} pulse`}</button>
          : <p class="muted">{pulse.cannot_answer_because}.</p>}
    </section>
  );
}
