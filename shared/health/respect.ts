import type { PartnershipHistory } from "./history.ts";
import { judged, negative, plural, positive, weightedMean, type ActionCandidate, type TraitAssessment } from "./assessment.ts";
import { answerExpectedWithinDays, daysToAnswer } from "./referral-timing.ts";
import { clamp, confidenceFrom, evidenceWeight, recencyWeight } from "./recency.ts";
import { judgeCommitment } from "./trust.ts";

/**
 * 100 when both sides give as much as they take, 30 when it all flows one way:
 * some asymmetry is normal, so one-sidedness lowers respect without zeroing it.
 */
function balanceScore(ours: number, theirs: number): number | null {
  const larger = Math.max(ours, theirs);
  if (!(larger > 0)) return null;
  return clamp(100 * (0.3 + 0.7 * (Math.min(ours, theirs) / larger)));
}

/**
 * Give and take: promises and referrals flowing both ways, and answering what
 * the other side sent. Their business is their own; ignoring what they send is not respect.
 */
export function assessRespect(history: PartnershipHistory, now: Date): TraitAssessment {
  const name = history.partner.name;
  let evidence = 0;
  const promises = { us: 0, partner: 0 };
  const promiseCounts = { us: 0, partner: 0 };
  for (const commitment of history.commitments) {
    // A promise enters give and take when trust can judge it (kept, or due and
    // still open): logging one is not yet giving, so it moves nothing the
    // moment it is made, and cancelled ones never count.
    if (judgeCommitment(commitment, now) === null) continue;
    promises[commitment.owed_by] += recencyWeight(commitment.created_at, now) || 0;
    promiseCounts[commitment.owed_by] += 1;
    evidence += evidenceWeight(commitment.created_at, now);
  }
  const referrals = { to_us: 0, to_partner: 0 };
  const referralCounts = { to_us: 0, to_partner: 0 };
  let theirsAnswered = 0;
  let theirsWaiting = 0;
  let answeredWeight = 0;
  let theirsWeight = 0;
  for (const referral of history.referrals) {
    const weight = recencyWeight(referral.submitted_at, now) || 0;
    referrals[referral.direction] += weight;
    referralCounts[referral.direction] += 1;
    evidence += evidenceWeight(referral.submitted_at, now);
    if (referral.direction === "to_us") {
      const { days, answered } = daysToAnswer(referral, now);
      theirsWeight += weight;
      if (answered) {
        theirsAnswered += 1;
        answeredWeight += weight;
      } else if (days > answerExpectedWithinDays) {
        theirsWaiting += 1;
      } else {
        theirsWeight -= weight; // still within a fair time to answer: not judged yet
      }
    }
  }
  const promiseBalance = promiseCounts.us + promiseCounts.partner >= 2 ? balanceScore(promises.us, promises.partner) : null;
  const referralBalance = referralCounts.to_us + referralCounts.to_partner >= 2 ? balanceScore(referrals.to_partner, referrals.to_us) : null;
  const answering = theirsWeight > 0 ? clamp((100 * (answeredWeight + 0.5)) / (theirsWeight + 0.5)) : null;
  const respectFrom = (promise: number | null, referral: number | null, answer: number | null) =>
    weightedMean([
      { value: promise, weight: 1 },
      { value: referral, weight: 1 },
      { value: answer, weight: 1.5 },
    ]);
  const score = respectFrom(promiseBalance, referralBalance, answering);
  if (score === null) return { score: null, confidence: 0, signals: [], actions: [] };

  const signals = [];
  const actions: ActionCandidate[] = [];
  if (promiseBalance !== null) {
    signals.push(judged(
      `You made ${plural(promiseCounts.us, "promise")} to ${name}; ${name} made ${promiseCounts.partner} to you`,
      promiseBalance, 70, 50,
    ));
  }
  if (referralBalance !== null) {
    signals.push(judged(
      `You sent ${name} ${plural(referralCounts.to_partner, "referral")}; they sent you ${referralCounts.to_us}`,
      referralBalance, 70, 50,
    ));
    if (referralCounts.to_us > referralCounts.to_partner * 2) {
      actions.push({ text: `Send ${name} a referral: they have sent you ${referralCounts.to_us}, you have sent ${referralCounts.to_partner}`, trait: "respect", gain: (respectFrom(promiseBalance, 100, answering)! - score) / 2 });
    }
  }
  if (theirsWaiting > 0) {
    signals.push(negative(`${plural(theirsWaiting, "referral")} from ${name} ${theirsWaiting === 1 ? "has" : "have"} waited over ${answerExpectedWithinDays} days for your answer`));
    actions.push({ text: `Answer the ${plural(theirsWaiting, "referral")} ${name} is waiting on`, trait: "respect", gain: respectFrom(promiseBalance, referralBalance, 100)! - score });
  } else if (theirsAnswered > 0) {
    signals.push(positive(`You answered every referral ${name} sent you`));
  }
  return { score, confidence: confidenceFrom(evidence, 4), signals, actions };
}
