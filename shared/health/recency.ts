import { halfLifeDays } from "./formula.ts";

const dayMs = 86_400_000;

export function ageInDays(at: string | Date, now: Date): number {
  const time = typeof at === "string" ? Date.parse(at) : at.getTime();
  return Math.max(0, (now.getTime() - time) / dayMs);
}

/** 1 for today, ½ at one half-life, ¼ at two; future events count as today. */
export function recencyWeight(at: string | Date, now: Date): number {
  return 0.5 ** (ageInDays(at, now) / halfLifeDays);
}

/**
 * How sure we can be given this much (recency-weighted) evidence: 0 with
 * none, about ½ with `half` events, approaching 1.
 */
export function confidenceFrom(evidence: number, half: number): number {
  if (!(evidence > 0)) return 0;
  return evidence / (evidence + half);
}

export function clamp(value: number, low = 0, high = 100): number {
  if (Number.isNaN(value)) return low;
  return Math.min(high, Math.max(low, value));
}

export function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * How much an event still tells us that the partnership is known, for
 * confidence: a year-long half-life, because a long silence after a rich
 * history is itself well-known, not unknown.
 */
export function evidenceWeight(at: string | Date, now: Date): number {
  const weight = 0.5 ** (ageInDays(at, now) / 365);
  return Number.isFinite(weight) ? weight : 0;
}

/** A review's freshness: full marks within its period, sliding to nothing at twice it. */
export function freshness(daysSince: number, everyDays: number): number {
  return daysSince <= everyDays ? 100 : clamp(100 * (1 - (daysSince - everyDays) / everyDays));
}
