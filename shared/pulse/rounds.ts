/**
 * The quarterly pulse's rules, pure so the worker, the extension and the
 * tests apply the same ones. A round is a calendar quarter (UTC). Each side
 * answers it once; its answer can be changed until the other side has
 * answered the same round (after that, a change could only be a reaction to
 * their ratings) or the quarter has ended (answers always go to the current
 * round). An answer older than 120 days no longer counts.
 */
import { traitNames, type Health, type TraitName } from "../schemas/health.ts";
import type { Pulse, PulseAnswer, PulseRoundView } from "../schemas/pulse.ts";

export const pulseCountsForDays = 120;
const dayMs = 86_400_000;

/** The round `now` falls in: "2026-Q4". */
export function roundOf(now: Date): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

/** The last day of a round, "2026-12-31". */
export function roundEndsOn(round: string): string {
  const year = Number(round.slice(0, 4));
  const quarter = Number(round.slice(6));
  return new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
}

export function isStale(answeredAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(answeredAt) > pulseCountsForDays * dayMs;
}

/** Why our answer to the current round can't be given or changed now, or null if it can. */
export function cannotAnswerBecause(oursAnswered: boolean, theirsAnswered: boolean, partnerName: string): string | null {
  if (oursAnswered && theirsAnswered) return `${partnerName} has answered this round too, so your answer is final until next quarter`;
  return null;
}

/** A side's stored answer, before the rules decide what the reader sees of it. */
export type StoredAnswer = Omit<PulseAnswer, "stale">;

/**
 * One round as the reader sees it: the other side's ratings only once both
 * have answered; their comment only if they shared it (the store already
 * blanks it otherwise; this is the second lock).
 */
export function roundView(round: string, ours: StoredAnswer | null, theirs: StoredAnswer | null, connected: boolean, now: Date): PulseRoundView {
  const seen = (answer: StoredAnswer): PulseAnswer => ({ ...answer, stale: isStale(answer.answered_at, now) });
  let state: PulseRoundView["their_state"] = "not_connected";
  if (connected) state = theirs === null ? "not_answered" : ours === null ? "answered_hidden" : "shown";
  const shown = state === "shown" && theirs !== null ? { ...seen(theirs), comment: theirs.comment_shared ? theirs.comment : null } : null;
  return { round, ours: ours ? seen(ours) : null, theirs: shown, their_state: state };
}

type Comparison = NonNullable<Pulse["latest"]>["traits"];

/** Per trait: our rating, theirs, the gap, and the score the records give it. */
export function compareTraits(view: PulseRoundView, health: Health | null): Comparison {
  const entry = (trait: TraitName) => {
    const ours = view.ours?.ratings[trait] ?? null;
    const theirs = view.theirs?.ratings[trait] ?? null;
    return { ours, theirs, gap: ours !== null && theirs !== null ? ours - theirs : null, behavioural: health?.traits[trait].score ?? null };
  };
  return Object.fromEntries(traitNames.map((trait) => [trait, entry(trait)])) as Comparison;
}

/** The newest round with an answer that still counts, and a note for a newer-but-stale one passed over. */
export function latestCounting(views: PulseRoundView[], health: Health | null): Pick<Pulse, "latest" | "stale_note"> {
  const counts = (view: PulseRoundView) => (view.ours !== null && !view.ours.stale) || (view.theirs !== null && !view.theirs.stale);
  const latest = views.find(counts) ?? null;
  const newest = views.find((view) => view.ours !== null || view.theirs !== null) ?? null;
  const staleNote = newest && newest !== latest
    ? `The ${newest.round} pulse is over ${pulseCountsForDays} days old and no longer counts; answer this quarter's`
    : null;
  return { latest: latest ? { round: latest.round, traits: compareTraits(latest, health) } : null, stale_note: staleNote };
}
