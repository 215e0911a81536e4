import type { PartnershipHistory } from "./history.ts";
import { judged, negative, plural, type ActionCandidate, type TraitAssessment } from "./assessment.ts";
import { ageInDays, clamp, confidenceFrom, evidenceWeight, recencyWeight } from "./recency.ts";

type Commitment = PartnershipHistory["commitments"][number];

// A late promise is better than a broken one, but far from a kept one.
const lateCredit = 0.4;
// Half an imaginary promise, mostly kept, so that one data point can't make 0 or 100.
const priorWeight = 0.5;
const priorCredit = 0.75;

function dayOf(at: string): string {
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * How a promise has turned out so far: kept (1), kept late (0.4), broken
 * (open past its due date: 0), or not yet judged (open and not due, or
 * cancelled). Weighted by its due date, so marking it done never moves its weight.
 */
export function judgeCommitment(commitment: Commitment, now: Date): { credit: number; weight: number; onTime: boolean } | null {
  if (commitment.status === "cancelled") return null;
  const today = now.toISOString().slice(0, 10);
  const anchor = commitment.due_on ? `${commitment.due_on}T23:59:59.999Z` : (commitment.completed_at ?? commitment.created_at);
  const weight = recencyWeight(anchor, now);
  if (!Number.isFinite(weight)) return null;
  if (commitment.status === "done") {
    const onTime = !commitment.due_on || !commitment.completed_at || dayOf(commitment.completed_at) <= commitment.due_on;
    return { credit: onTime ? weight : weight * lateCredit, weight, onTime };
  }
  if (commitment.due_on && commitment.due_on < today) return { credit: 0, weight, onTime: false };
  return null;
}

type Side = "us" | "partner";
type Tally = Record<Side, { credit: number; weight: number }>;

function sideScore(credit: number, weight: number): number {
  return clamp((100 * (credit + priorCredit * priorWeight)) / (weight + priorWeight));
}

/**
 * Trust is mutual: the side that keeps its word less counts as much as the
 * average of both, so one side's reliability can't hide the other's.
 * Non-decreasing in each side's score, so keeping a promise never lowers it.
 */
function trustScore(tally: Tally): number {
  // A side with no judged promises yet sits at the prior (75): unknown, not perfect.
  const us = sideScore(tally.us.credit, tally.us.weight);
  const partner = sideScore(tally.partner.credit, tally.partner.weight);
  return clamp(((us + partner) / 2 + Math.min(us, partner)) / 2);
}

export function assessTrust(history: PartnershipHistory, now: Date): TraitAssessment {
  const name = history.partner.name;
  const tally: Tally = { us: { credit: 0, weight: 0 }, partner: { credit: 0, weight: 0 } };
  let evidence = 0;
  const recent = { us: { kept: 0, judged: 0 }, partner: { kept: 0, judged: 0 } };
  const overdue = { us: [] as Commitment[], partner: [] as Commitment[] };
  for (const commitment of history.commitments) {
    const judgement = judgeCommitment(commitment, now);
    if (!judgement) continue;
    tally[commitment.owed_by].credit += judgement.credit;
    tally[commitment.owed_by].weight += judgement.weight;
    const anchor = commitment.due_on ?? commitment.completed_at ?? commitment.created_at;
    evidence += evidenceWeight(anchor, now);
    if (ageInDays(anchor, now) <= 90) {
      recent[commitment.owed_by].judged += 1;
      if (commitment.status === "done" && judgement.onTime) recent[commitment.owed_by].kept += 1;
    }
    if (commitment.status === "open") overdue[commitment.owed_by].push(commitment);
  }
  if (tally.us.weight + tally.partner.weight === 0) {
    return { score: null, confidence: 0, signals: [], actions: [] };
  }
  const score = trustScore(tally);
  const signals = [];
  if (recent.us.judged > 0) {
    signals.push(judged(`You kept ${recent.us.kept} of ${plural(recent.us.judged, "promise")} to ${name} on time in the last 90 days`, recent.us.kept / recent.us.judged, 0.8, 0.6));
  }
  if (recent.partner.judged > 0) {
    signals.push(judged(`${name} kept ${recent.partner.kept} of ${plural(recent.partner.judged, "promise")} to you on time in the last 90 days`, recent.partner.kept / recent.partner.judged, 0.8, 0.6));
  }
  if (recent.us.judged + recent.partner.judged === 0) {
    signals.push(judged(`Promises kept on time, all time: ${Math.round(score)}% after weighting for age`, score / 100, 0.8, 0.6));
  }
  const actions: ActionCandidate[] = [];
  // What the overdue promises cost the score now: the points it would have
  // if they had been kept. That is what is at stake in closing them.
  const gainIfClosed = (side: Side, promises: Commitment[]) => {
    const extra = promises.reduce((sum, c) => sum + (judgeCommitment(c, now)?.weight ?? 0), 0);
    return trustScore({ ...tally, [side]: { credit: tally[side].credit + extra, weight: tally[side].weight } }) - score;
  };
  if (overdue.us.length > 0) {
    const oldest = overdue.us.reduce((a, b) => ((a.due_on ?? "") < (b.due_on ?? "") ? a : b));
    signals.push(negative(`${plural(overdue.us.length, "promise")} you owe ${name} ${overdue.us.length === 1 ? "is" : "are"} overdue (oldest due ${oldest.due_on})`));
    actions.push({ text: `Close the ${plural(overdue.us.length, "overdue promise")} to ${name}`, trait: "trust", gain: gainIfClosed("us", overdue.us) });
  }
  if (overdue.partner.length > 0) {
    signals.push(negative(`${name} owes you ${plural(overdue.partner.length, "overdue promise")}`));
    actions.push({ text: `Follow up on the ${plural(overdue.partner.length, "overdue promise")} ${name} owes you`, trait: "trust", gain: gainIfClosed("partner", overdue.partner) });
  }
  return { score, confidence: confidenceFrom(evidence, 3), signals, actions };
}
