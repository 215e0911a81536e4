/**
 * What a connected partner company recorded itself, in the records it shares
 * with us, said as evidence in each trait with whose record it came from:
 * "Brightpath marked 3 of their 4 promises kept". The facts already count in
 * the scores (they are in the history); these sentences say where they came from.
 */
import type { Signal, TraitName } from "../schemas/health.ts";
import { judged, plural } from "./assessment.ts";
import type { PartnershipHistory } from "./history.ts";
import { daysToAnswer } from "./referral-timing.ts";
import { judgeCommitment } from "./trust.ts";

type Commitment = PartnershipHistory["commitments"][number];
type Referral = PartnershipHistory["referrals"][number];

function keptSentence(company: string, promises: Commitment[], whose: "their" | "your", now: Date): Signal | null {
  // Judged as trust judges them: kept, or due and still open; one not yet due is neither.
  const judgedOnes = promises.filter((promise) => judgeCommitment(promise, now) !== null);
  if (judgedOnes.length === 0) return null;
  const kept = judgedOnes.filter((promise) => promise.status === "done").length;
  const what = whose === "their" ? `their ${plural(judgedOnes.length, "promise")}` : `your ${plural(judgedOnes.length, "promise")} to them`;
  return judged(`${company} marked ${kept} of ${what} kept, in their shared records`, kept / judgedOnes.length, 0.8, 0.5);
}

function answeredSentence(company: string, sent: Referral[], now: Date): Signal | null {
  if (sent.length === 0) return null;
  const answered = sent.filter((referral) => daysToAnswer(referral, now).answered).length;
  return judged(`${company} answered ${answered} of the ${plural(sent.length, "referral")} you sent them, in their shared records`, answered / sent.length, 0.8, 0.5);
}

function wonSentence(company: string, sent: Referral[]): Signal | null {
  const closed = sent.filter((referral) => referral.stage === "won" || referral.stage === "lost");
  if (closed.length === 0) return null;
  const won = closed.filter((referral) => referral.stage === "won").length;
  return judged(`${company} marked ${won} of the ${plural(closed.length, "referral")} you sent them won, in their shared records`, won / closed.length, 0.35, 0.15);
}

/** Per trait, the sentences about the partner company's own shared records; empty when there are none. */
export function partnerRecordSignals(history: PartnershipHistory, now: Date): Partial<Record<TraitName, Signal[]>> {
  const signals: Partial<Record<TraitName, Signal[]>> = {};
  const add = (trait: TraitName, signal: Signal | null) => {
    if (signal) (signals[trait] ??= []).push(signal);
  };
  const theirPromises = history.commitments.filter((promise) => promise.recorded_by !== undefined);
  const theirReferrals = history.referrals.filter((referral) => referral.recorded_by !== undefined);
  const company = theirPromises[0]?.recorded_by ?? theirReferrals[0]?.recorded_by;
  if (company === undefined) return signals;
  add("trust", keptSentence(company, theirPromises.filter((promise) => promise.owed_by === "partner"), "their", now));
  add("trust", keptSentence(company, theirPromises.filter((promise) => promise.owed_by === "us"), "your", now));
  const sentToThem = theirReferrals.filter((referral) => referral.direction === "to_partner");
  add("respect", answeredSentence(company, sentToThem, now));
  add("success", wonSentence(company, sentToThem));
  return signals;
}
