import { traitNames, type Health, type HealthBand, type HealthSettings, type Signal, type TraitName } from "../schemas/health.ts";
import type { TraitAssessment } from "./assessment.ts";
import { assessCollaboration } from "./collaboration.ts";
import { bandThresholds, defaultHealthSettings, formulaVersion, minimumConfidence } from "./formula.ts";
import { assessGoals } from "./goals.ts";
import type { PartnershipHistory } from "./history.ts";
import { partnerRecordSignals } from "./partner-records.ts";
import { ageInDays, clamp, round } from "./recency.ts";
import { assessRespect } from "./respect.ts";
import { assessSuccess } from "./success.ts";
import { assessTrust } from "./trust.ts";

export function bandFor(score: number | null): HealthBand {
  if (score === null) return "insufficient_data";
  if (score >= bandThresholds.healthy) return "healthy";
  if (score >= bandThresholds.watch) return "watch";
  return "at_risk";
}

/**
 * A partnership that has gone quiet must not keep its old score: past the
 * cadence, a good score slides toward the middle of "watch" (about 55), fully
 * by three cadence periods. A poor score stays where it is.
 */
function quietDecay(score: number, history: PartnershipHistory, now: Date, cadenceDays: number): number {
  const latest = history.interactions.reduce<string | null>((max, i) => (max === null || i.occurred_at > max ? i.occurred_at : max), null);
  if (latest === null) return score;
  const overdueBy = ageInDays(latest, now) - cadenceDays;
  const quietness = clamp(overdueBy / (2 * cadenceDays), 0, 1);
  const floor = (bandThresholds.watch + bandThresholds.healthy) / 2 - 2.5;
  return score > floor ? score - quietness * (score - floor) : score;
}

/**
 * The Mutual health score of one partnership: five traits, each explained by
 * the signals behind it, combined by the workspace's weights and each trait's
 * confidence, with the next actions that would raise it most.
 */
export function scorePartnership(history: PartnershipHistory, now: Date, settings: HealthSettings = defaultHealthSettings): Health {
  const cadenceDays = history.partner.cadence_days ?? settings.default_cadence_days;
  const assessments: Record<TraitName, TraitAssessment> = {
    trust: assessTrust(history, now),
    respect: assessRespect(history, now),
    collaboration: assessCollaboration(history, now, cadenceDays),
    success: assessSuccess(history, now),
    goals: assessGoals(history, now),
  };
  for (const [trait, extra] of Object.entries(partnerRecordSignals(history, now)) as [TraitName, Signal[]][]) assessments[trait].signals.push(...extra);

  let weighted = 0;
  let confidenceWeights = 0;
  let totalWeight = 0;
  for (const trait of traitNames) {
    const weight = settings.weights[trait];
    const { score, confidence } = assessments[trait];
    totalWeight += weight;
    if (score === null) continue;
    weighted += weight * confidence * score;
    confidenceWeights += weight * confidence;
  }
  const confidence = totalWeight > 0 ? clamp(confidenceWeights / totalWeight, 0, 1) : 0;
  const raw = confidenceWeights > 0 ? weighted / confidenceWeights : null;
  const score = raw === null || confidence < minimumConfidence ? null : round(clamp(quietDecay(raw, history, now, cadenceDays)));

  const actions = traitNames
    .flatMap((trait) => assessments[trait].actions.map((action) => ({ ...action, impact: action.gain * settings.weights[trait] })))
    .filter((action) => action.impact > 0)
    .sort((a, b) => b.impact - a.impact)
    .slice(0, 3)
    .map(({ text, trait }) => ({ text, trait }));

  const traits = Object.fromEntries(
    traitNames.map((trait) => {
      const { score: traitScore, confidence: traitConfidence, signals } = assessments[trait];
      return [trait, { score: traitScore === null ? null : round(clamp(traitScore)), confidence: round(clamp(traitConfidence, 0, 1), 2), signals }];
    }),
  ) as Health["traits"];

  return {
    score,
    band: bandFor(score),
    confidence: round(confidence, 2),
    version: formulaVersion,
    as_of: now.toISOString(),
    traits,
    next_actions: actions,
  };
}
