import type { HealthSettings } from "../schemas/health.ts";

/**
 * Bumped whenever a change to the formula would move a score. Snapshots record
 * it so a trend never silently compares two formulas.
 */
export const formulaVersion = "2026.12-2";

/** Trust and collaboration are what practitioners check first; goals matter once agreed. */
export const defaultHealthSettings: HealthSettings = {
  weights: { trust: 3, respect: 2, collaboration: 3, success: 2, goals: 1.5 },
  default_cadence_days: 30,
};

export const bandThresholds = { healthy: 70, watch: 45 } as const;

/** An event loses half its weight every 90 days: last quarter counts, last year barely. */
export const halfLifeDays = 90;

/** Below this overall confidence the score is withheld: too little happened to judge. */
export const minimumConfidence = 0.3;
