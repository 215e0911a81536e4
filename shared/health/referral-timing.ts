import type { PartnershipHistory } from "./history.ts";
import { ageInDays } from "./recency.ts";

type Referral = PartnershipHistory["referrals"][number];

/** How long a referral waited for its first answer (any stage after "submitted"), or has waited so far. */
export function daysToAnswer(referral: Referral, now: Date): { days: number; answered: boolean } {
  const answer = referral.stage_history.find((change) => change.stage !== "submitted");
  if (answer) {
    const days = Math.max(0, (Date.parse(answer.at) - Date.parse(referral.submitted_at)) / 86_400_000);
    return { days: Number.isFinite(days) ? days : 0, answered: true };
  }
  if (referral.stage !== "submitted") return { days: 0, answered: true };
  return { days: ageInDays(referral.submitted_at, now), answered: false };
}

/** When the referral reached its final stage, if it has. */
export function closedAt(referral: Referral): string | null {
  if (referral.stage !== "won" && referral.stage !== "lost" && referral.stage !== "rejected") return null;
  const last = referral.stage_history[referral.stage_history.length - 1];
  return last && last.stage === referral.stage ? last.at : referral.submitted_at;
}

/** A referral left without an answer this long is being ignored. */
export const answerExpectedWithinDays = 7;
