import type { PartnershipHistory } from "./history.ts";
import { judged, money, negative, plural, possessive, type ActionCandidate, type TraitAssessment } from "./assessment.ts";
import { closedAt } from "./referral-timing.ts";
import { clamp, confidenceFrom, evidenceWeight, recencyWeight } from "./recency.ts";

// Half an imaginary closed referral at a typical 30% win rate steadies small samples.
const priorWeight = 0.5;
const priorWinRate = 0.3;
// Partner referrals that close at 60% or better are as good as it gets.
const excellentWinRate = 0.6;

interface SideTally {
  won: number;
  closed: number;
  wonCount: number;
  closedCount: number;
  value: Map<string, number>;
}

const tally = (): SideTally => ({ won: 0, closed: 0, wonCount: 0, closedCount: 0, value: new Map() });

/**
 * Both sides winning: referrals won in each direction and what they were
 * worth. A vendor winning while its partner loses is not mutual success, so
 * the weaker side counts as much as the average.
 */
export function assessSuccess(history: PartnershipHistory, now: Date): TraitAssessment {
  const name = history.partner.name;
  const sides = { to_us: tally(), to_partner: tally() };
  let evidence = 0;
  for (const referral of history.referrals) {
    const closed = closedAt(referral);
    if (!closed) continue;
    const weight = recencyWeight(closed, now) || 0;
    const side = sides[referral.direction];
    side.closed += weight;
    side.closedCount += 1;
    evidence += evidenceWeight(closed, now);
    if (referral.stage === "won") {
      side.won += weight;
      side.wonCount += 1;
      if (referral.amount_minor !== null && referral.currency) {
        side.value.set(referral.currency, (side.value.get(referral.currency) ?? 0) + referral.amount_minor);
      }
    }
  }
  const rate = (side: SideTally) => clamp((100 * (side.won + priorWinRate * priorWeight)) / (side.closed + priorWeight) / excellentWinRate);
  if (sides.to_us.closedCount + sides.to_partner.closedCount === 0) return { score: null, confidence: 0, signals: [], actions: [] };
  // A direction with nothing closed yet sits at the prior: unknown, not a loss.
  const ours = rate(sides.to_us);
  const theirs = rate(sides.to_partner);
  const score = clamp(((ours + theirs) / 2 + Math.min(ours, theirs)) / 2);

  const signals = [];
  const actions: ActionCandidate[] = [];
  const worth = (side: SideTally) =>
    side.value.size === 0 ? "" : `, worth ${[...side.value].map(([currency, amount]) => money(amount, currency)).join(" + ")}`;
  const { to_us: toUs, to_partner: toPartner } = sides;
  if (toUs.closedCount > 0) {
    signals.push(judged(`Referrals from ${name}: ${toUs.wonCount} of ${toUs.closedCount} closed won${worth(toUs)}`, toUs.wonCount / toUs.closedCount, 0.35, 0.15));
  }
  if (toPartner.closedCount > 0) {
    signals.push(judged(`Referrals you sent ${name}: ${toPartner.wonCount} of ${toPartner.closedCount} closed won${worth(toPartner)}`, toPartner.wonCount / toPartner.closedCount, 0.35, 0.15));
    if (toPartner.wonCount === 0 && toPartner.closedCount >= 2) {
      actions.push({ text: `Help ${name} win: none of the ${plural(toPartner.closedCount, "referral")} you sent closed`, trait: "success", gain: (100 - score) / 2 });
    }
  }
  if (toUs.wonCount > 0 && toPartner.closedCount === 0) {
    signals.push(negative(`You have won deals from ${possessive(name)} referrals but sent them none that closed`));
  }
  return { score, confidence: confidenceFrom(evidence, 3), signals, actions };
}
