import type { Signal, TraitName } from "../schemas/health.ts";

/** A next step that would raise a trait, with how many points (0–100 on that trait) it would add. */
export interface ActionCandidate {
  text: string;
  trait: TraitName;
  gain: number;
}

/** What one trait concluded: a score (null when nothing speaks to it), how sure, and why. */
export interface TraitAssessment {
  score: number | null;
  confidence: number;
  signals: Signal[];
  actions: ActionCandidate[];
}

export const positive = (text: string): Signal => ({ text, effect: "positive" });
export const negative = (text: string): Signal => ({ text, effect: "negative" });
export const neutral = (text: string): Signal => ({ text, effect: "neutral" });

/** Positive at or above `good`, negative below `bad`, neutral between. */
export function judged(text: string, value: number, good: number, bad: number): Signal {
  return value >= good ? positive(text) : value < bad ? negative(text) : neutral(text);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Averages the components that have something to say, by their weights. */
export function weightedMean(components: { value: number | null; weight: number }[]): number | null {
  let total = 0;
  let weights = 0;
  for (const { value, weight } of components) {
    if (value === null || !Number.isFinite(value)) continue;
    total += value * weight;
    weights += weight;
  }
  return weights > 0 ? total / weights : null;
}

/** "Acme's", but "Thriving Systems'": a name ending in s takes the apostrophe alone. */
export function possessive(name: string): string {
  return /s$/i.test(name.trim()) ? `${name}'` : `${name}'s`;
}

export function money(amountMinor: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: 0 }).format(amountMinor / 100);
  } catch {
    return `${currency} ${Math.round(amountMinor / 100)}`;
  }
}
