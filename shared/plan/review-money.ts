import type { Money } from "../schemas/plan.ts";
import type { PlanReview } from "../schemas/plan-review.ts";
import type { ReferralDirection } from "../schemas/referral.ts";
import { within, type Period, type PlanReviewFacts, type ReviewReferral } from "./review-facts.ts";

/** Amounts summed per currency, in currency order: money in two currencies is never added up. */
export function totals(amounts: (Money | null)[]): Money[] {
  const sums = new Map<string, number>();
  for (const amount of amounts) if (amount) sums.set(amount.currency, (sums.get(amount.currency) ?? 0) + amount.amount_minor);
  return [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount_minor]) => ({ amount_minor, currency }));
}

/** When a referral was won, or null if it is not won. */
export function wonAt(referral: ReviewReferral): string | null {
  if (referral.stage !== "won") return null;
  return referral.stage_history.findLast((change) => change.stage === "won")?.at ?? referral.submitted_at;
}

const valueOf = (referral: ReviewReferral): Money | null =>
  referral.amount_minor !== null && referral.currency !== null ? { amount_minor: referral.amount_minor, currency: referral.currency } : null;

function referralTally(facts: PlanReviewFacts, direction: ReferralDirection, period: Period): PlanReview["referrals"]["to_us"] {
  const mine = facts.referrals.filter((referral) => referral.direction === direction);
  const won = mine.filter((referral) => within(wonAt(referral), period));
  const wonValue = totals(won.map(valueOf));
  const target = facts.plan.referral_targets?.find((entry) => entry.direction === direction)?.amount ?? null;
  const reached = target ? (wonValue.find((sum) => sum.currency === target.currency)?.amount_minor ?? 0) : 0;
  return {
    submitted: mine.filter((referral) => within(referral.submitted_at, period)).length,
    won: won.length,
    lost: mine.filter((referral) => referral.stage === "lost" && within(referral.stage_history.at(-1)?.at, period)).length,
    won_value: wonValue,
    target,
    target_percent: target && target.amount_minor > 0 ? Math.round((100 * reached) / target.amount_minor) : null,
  };
}

export function referralTallies(facts: PlanReviewFacts, period: Period): PlanReview["referrals"] {
  return { to_us: referralTally(facts, "to_us", period), to_partner: referralTally(facts, "to_partner", period) };
}

/** The fee the plan's terms set for one won referral: fixed, or a percent of its value (null if it has none). */
function feeFor(referral: ReviewReferral, percent: number | null, fixed: Money | null): Money | null {
  if (fixed) return fixed;
  const value = valueOf(referral);
  if (percent === null || !value) return null;
  return { amount_minor: Math.round((value.amount_minor * percent) / 100), currency: value.currency };
}

/**
 * Referral fees under the plan's terms: one per won referral in the fee's
 * direction that was won in the period or is still unpaid, since an unpaid
 * fee from before the last review is still owed.
 */
export function referralFees(facts: PlanReviewFacts, period: Period): PlanReview["fees"] {
  const terms = facts.plan.terms ?? {};
  const direction = terms.referral_fee_direction ?? "to_us";
  const percent = terms.referral_fee_percent ?? null;
  const fixed = terms.referral_fee_fixed ?? null;
  const priced = percent !== null || fixed !== null;
  const items = facts.referrals
    .filter((referral) => referral.direction === direction && referral.stage === "won")
    .map((referral) => ({ referral, won: wonAt(referral)! }))
    .filter(({ referral, won }) => priced && won <= period.to && (won >= period.from || referral.fee_paid_at === null))
    .sort((a, b) => a.won.localeCompare(b.won))
    .map(({ referral, won }) => ({
      referral_id: referral.id, account_name: referral.account_name, won_at: won,
      fee: feeFor(referral, percent, fixed), paid_at: referral.fee_paid_at,
    }));
  return {
    direction, percent, fixed, items,
    due: totals(items.map((item) => item.fee)),
    paid: totals(items.filter((item) => item.paid_at !== null).map((item) => item.fee)),
    unpaid: totals(items.filter((item) => item.paid_at === null).map((item) => item.fee)),
  };
}
