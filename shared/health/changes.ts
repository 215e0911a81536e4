/**
 * "Why did it change": the score then and now, per trait the move and the
 * signals that appeared or went, and the facts in the records behind it
 * ("2 promises to Brightpath became overdue"). Pure: both scores come from
 * the same history, read as it stood then (as-of.ts) and as it is now.
 */
import { traitNames, type HealthSettings, type Signal } from "../schemas/health.ts";
import type { HealthCause, HealthChanges } from "../schemas/health-changes.ts";
import { plural } from "./assessment.ts";
import { historyAsOf } from "./as-of.ts";
import type { PartnershipHistory } from "./history.ts";
import { scorePartnership } from "./score-partnership.ts";

const delta = (before: number | null, after: number | null) => (before === null || after === null ? null : Math.round(after - before));

function signalDiff(before: Signal[], after: Signal[]): { appeared: Signal[]; went: Signal[] } {
  const had = new Set(before.map((signal) => signal.text));
  const has = new Set(after.map((signal) => signal.text));
  return { appeared: after.filter((signal) => !had.has(signal.text)), went: before.filter((signal) => !has.has(signal.text)) };
}

const inWindow = (at: string | null, since: string, now: string) => at !== null && at > since && at <= now;

/** The facts that changed between `since` and `now`, in words, negative ones first. */
export function changeCauses(history: PartnershipHistory, since: Date, now: Date): HealthCause[] {
  const name = history.partner.name;
  const [from, to] = [since.toISOString(), now.toISOString()];
  const [fromDay, today] = [from.slice(0, 10), to.slice(0, 10)];
  const causes: HealthCause[] = [];
  const add = (count: number, text: string, effect: HealthCause["effect"], trait: string) => {
    if (count > 0) causes.push({ text, effect, trait });
  };
  const open = history.commitments.filter((c) => c.status === "open" && c.due_on !== null && c.due_on >= fromDay && c.due_on < today);
  const newlyLate = (side: "us" | "partner") => open.filter((c) => c.owed_by === side).length;
  add(newlyLate("us"), `${plural(newlyLate("us"), "promise")} to ${name} became overdue`, "negative", "trust");
  add(newlyLate("partner"), `${plural(newlyLate("partner"), "promise")} ${name} owes you became overdue`, "negative", "trust");
  const keptNow = (side: "us" | "partner") => history.commitments.filter((c) => c.owed_by === side && c.status === "done" && inWindow(c.completed_at, from, to)).length;
  add(keptNow("us"), `You kept ${plural(keptNow("us"), "promise")} to ${name}`, "positive", "trust");
  add(keptNow("partner"), `${name} kept ${plural(keptNow("partner"), "promise")} to you`, "positive", "trust");
  const reached = (stage: string) => history.referrals.filter((r) => r.stage_history.some((change) => change.stage === stage && inWindow(change.at, from, to))).length;
  add(reached("won"), `${plural(reached("won"), "referral")} closed won`, "positive", "success");
  add(reached("lost") + reached("rejected"), `${plural(reached("lost") + reached("rejected"), "referral")} lost or turned down`, "negative", "success");
  const sent = (direction: "to_us" | "to_partner") => history.referrals.filter((r) => r.direction === direction && inWindow(r.submitted_at, from, to)).length;
  add(sent("to_us"), `${name} sent you ${plural(sent("to_us"), "referral")}`, "positive", "respect");
  add(sent("to_partner"), `You sent ${name} ${plural(sent("to_partner"), "referral")}`, "positive", "respect");
  const touches = history.interactions.filter((i) => inWindow(i.occurred_at, from, to)).length;
  add(touches, `${plural(touches, "touchpoint")} with ${name}`, "positive", "collaboration");
  if (touches === 0 && history.interactions.length > 0) causes.push({ text: `No contact with ${name} since ${fromDay}`, effect: "negative", trait: "collaboration" });
  return causes.sort((a, b) => (a.effect === b.effect ? 0 : a.effect === "negative" ? -1 : 1));
}

/** The move in one line, with the cause that goes the same way: "↓ 7: 2 promises to Brightpath became overdue". */
export function changeHeadline(change: number | null, causes: HealthCause[], traits: HealthChanges["traits"]): string | null {
  if (change === null || change === 0) return null;
  const down = change < 0;
  const arrow = `${down ? "↓" : "↑"} ${Math.abs(change)}`;
  const cause = causes.find((candidate) => candidate.effect === (down ? "negative" : "positive"));
  if (cause) return `${arrow}: ${cause.text}`;
  const biggest = traitNames
    .map((trait) => ({ trait, move: traits[trait].change ?? 0 }))
    .sort((a, b) => (down ? a.move - b.move : b.move - a.move))[0]!;
  return biggest.move === 0 ? arrow : `${arrow}: ${biggest.trait} ${down ? "fell" : "rose"} ${Math.abs(biggest.move)}`;
}

export function healthChanges(history: PartnershipHistory, since: Date, now: Date, settings: HealthSettings): Omit<HealthChanges, "partner_id"> {
  const before = scorePartnership(historyAsOf(history, since), since, settings);
  const after = scorePartnership(history, now, settings);
  const traits = Object.fromEntries(traitNames.map((trait) => {
    const [was, is] = [before.traits[trait], after.traits[trait]];
    return [trait, { before: was.score, after: is.score, change: delta(was.score, is.score), ...signalDiff(was.signals, is.signals) }];
  })) as HealthChanges["traits"];
  const change = delta(before.score, after.score);
  const causes = changeCauses(history, since, now);
  return { since: since.toISOString().slice(0, 10), before: before.score, after: after.score, change, traits, causes, headline: changeHeadline(change, causes, traits) };
}
