import type { PartnershipHistory } from "./history.ts";
import { judged, negative, neutral, plural, positive, possessive, weightedMean, type ActionCandidate, type TraitAssessment } from "./assessment.ts";
import { daysToAnswer } from "./referral-timing.ts";
import { ageInDays, clamp, confidenceFrom, evidenceWeight, recencyWeight } from "./recency.ts";

const quarterDays = 90;

/** 100 up to `good` days, falling to 0 at `bad` days. */
function speedScore(days: number, good: number, bad: number): number {
  if (days <= good) return 100;
  return clamp(100 * (1 - (days - good) / (bad - good)));
}

type Findings = Pick<TraitAssessment, "signals" | "actions">;

/** Rhythm: days since the last contact against the cadence target. */
function rhythmOf(history: PartnershipHistory, now: Date, cadenceDays: number, found: Findings) {
  const name = history.partner.name;
  let latest: string | null = null;
  for (const interaction of history.interactions) {
    if (latest === null || interaction.occurred_at > latest) latest = interaction.occurred_at;
  }
  const partnerAge = ageInDays(history.partner.created_at, now);
  // Always counted once anything speaks to collaboration, so that more
  // contact can only raise the trait, never change which parts it averages.
  let rhythm = 0;
  if (latest !== null) {
    const daysSince = Math.floor(ageInDays(latest, now));
    rhythm = speedScore(daysSince, cadenceDays, cadenceDays * 3);
    const text = `Last contact ${plural(daysSince, "day")} ago; your cadence is ${cadenceDays} days`;
    found.signals.push(daysSince <= cadenceDays ? positive(text) : negative(text));
    if (daysSince > cadenceDays) {
      found.actions.push({ text: `Get in touch with ${name}: last contact ${plural(daysSince, "day")} ago`, trait: "collaboration", gain: (100 - rhythm) * 0.35 });
    }
  } else if (partnerAge > cadenceDays) {
    found.signals.push(negative(`No contact with ${name} logged yet`));
    found.actions.push({ text: `Log your first conversation with ${name}`, trait: "collaboration", gain: 35 });
  }
  return { rhythm, latest, partnerAge };
}

/** Frequency and two-way flow over the last quarter, each side on its own: more contact from either side can only help. */
function twoWayFlow(history: PartnershipHistory, now: Date, cadenceDays: number, latest: string | null, found: Findings) {
  const name = history.partner.name;
  const expectedPerQuarter = Math.max(1, quarterDays / cadenceDays);
  const flow = { inbound: 0, outbound: 0 };
  const count = { inbound: 0, outbound: 0 };
  let evidence = 0;
  for (const interaction of history.interactions) {
    const weight = recencyWeight(interaction.occurred_at, now) || 0;
    evidence += evidenceWeight(interaction.occurred_at, now);
    if (ageInDays(interaction.occurred_at, now) > quarterDays) continue;
    for (const side of ["inbound", "outbound"] as const) {
      // "both" counts for each side.
      if (interaction.direction === side || interaction.direction === "both") {
        flow[side] += weight;
        count[side] += 1;
      }
    }
  }
  const sideScore = (amount: number) => clamp(100 * Math.min(1, amount / (expectedPerQuarter / 2)));
  const twoWay = (sideScore(flow.inbound) + sideScore(flow.outbound)) / 2;
  found.signals.push(...flowSignals(name, count, latest, twoWay));
  return { twoWay, evidence };
}

/**
 * What the quarter's contact means, in words that match the counts: "both
 * ways" only when both sides wrote; a single contact is too little to call the
 * flow one-way (it is neutral); one-way is said as one-way.
 */
function flowSignals(name: string, count: { inbound: number; outbound: number }, latest: string | null, twoWay: number) {
  const total = count.inbound + count.outbound;
  if (total === 0) return latest === null ? [] : [negative(`No contact either way in the last ${quarterDays} days`)];
  if (count.inbound > 0 && count.outbound > 0) {
    return [judged(`Contact both ways this quarter: ${count.inbound} from ${name}, ${count.outbound} from you`, twoWay, 70, 40)];
  }
  if (total === 1) {
    const from = count.inbound > 0 ? `from ${name}` : "from you";
    return [neutral(`Only 1 contact this quarter, ${from}: too little to judge whether it flows both ways`)];
  }
  return [negative(count.inbound > 0
    ? `Contact has been one-way this quarter: ${count.inbound} from ${name}, nothing from you`
    : `Contact has been one-way this quarter: ${count.outbound} from you, nothing from ${name}`)];
}

/** Meetings with notes: the rhythm practitioners call driving the agenda. */
function meetingsWithNotesScore(history: PartnershipHistory, now: Date, partnerAge: number, latest: string | null, found: Findings): number | null {
  const name = history.partner.name;
  let meetingsWithNotes = 0;
  for (const meeting of history.meetings) {
    if (ageInDays(meeting.occurred_at, now) > quarterDays * 1.5) continue;
    if (meeting.notes.trim() !== "" || meeting.decisions.length > 0) meetingsWithNotes += recencyWeight(meeting.occurred_at, now) || 0;
  }
  const meetings = partnerAge > quarterDays / 2 ? clamp(100 * Math.min(1, meetingsWithNotes)) : null;
  if (meetings !== null && latest !== null) {
    if (meetingsWithNotes === 0) {
      found.signals.push(negative(`No meeting with notes in the last ${quarterDays * 1.5} days`));
      found.actions.push({ text: `Hold a working meeting with ${name} and take notes`, trait: "collaboration", gain: (100 - meetings) * 0.15 });
    } else {
      found.signals.push(positive(`Meetings with notes and decisions in the last ${quarterDays * 1.5} days`));
    }
  }
  return meetings;
}

/** Answer speed, both ways, for referrals of the last two quarters. */
function answerSpeed(history: PartnershipHistory, now: Date, found: Findings) {
  const name = history.partner.name;
  const answer = { to_us: [] as number[], to_partner: [] as number[] };
  for (const referral of history.referrals) {
    if (ageInDays(referral.submitted_at, now) > quarterDays * 2) continue;
    const { days, answered } = daysToAnswer(referral, now);
    if (answered || days > 2) answer[referral.direction].push(days);
  }
  const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const responsiveness: number[] = [];
  if (answer.to_us.length > 0) {
    const days = Math.round(average(answer.to_us));
    responsiveness.push(speedScore(days, 3, 30));
    found.signals.push(judged(`${possessive(name)} ${plural(answer.to_us.length, "referral")} of the last two quarters waited ${plural(days, "day")} on average for your answer`, speedScore(days, 3, 30), 80, 50));
  }
  if (answer.to_partner.length > 0) {
    const days = Math.round(average(answer.to_partner));
    responsiveness.push(speedScore(days, 3, 30));
    found.signals.push(judged(`${name} answered your referrals in ${plural(days, "day")} on average`, speedScore(days, 3, 30), 80, 50));
  }
  return { score: responsiveness.length > 0 ? average(responsiveness) : null, answers: answer.to_us.length + answer.to_partner.length };
}

/**
 * Two-way contact at the agreed rhythm, meetings that leave notes behind, and
 * quick answers to what each side submits.
 */
export function assessCollaboration(history: PartnershipHistory, now: Date, cadenceDays: number): TraitAssessment {
  const found: Findings = { signals: [], actions: [] };
  const { rhythm, latest, partnerAge } = rhythmOf(history, now, cadenceDays, found);
  const { twoWay, evidence } = twoWayFlow(history, now, cadenceDays, latest, found);
  const meetings = meetingsWithNotesScore(history, now, partnerAge, latest, found);
  const response = answerSpeed(history, now, found);
  const { signals, actions } = found;

  if (history.interactions.length === 0 && response.score === null) {
    return { score: null, confidence: 0, signals, actions };
  }
  const score = weightedMean([
    { value: rhythm, weight: 0.35 },
    { value: twoWay, weight: 0.3 },
    { value: meetings, weight: 0.15 },
    { value: response.score, weight: 0.2 },
  ]);
  return { score, confidence: confidenceFrom(evidence + response.answers, 5), signals, actions };
}
