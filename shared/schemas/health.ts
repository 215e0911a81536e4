import { z } from "zod";

export const traitName = z.enum(["trust", "respect", "collaboration", "success", "goals"]);
export type TraitName = z.infer<typeof traitName>;
export const traitNames = traitName.options;

export const healthBand = z.enum(["healthy", "watch", "at_risk", "insufficient_data"]);
export type HealthBand = z.infer<typeof healthBand>;

export const signal = z.object({
  text: z.string(),
  effect: z.enum(["positive", "negative", "neutral"]),
});
export type Signal = z.infer<typeof signal>;

export const traitScore = z.object({
  score: z.number().min(0).max(100).nullable(),
  confidence: z.number().min(0).max(1),
  signals: z.array(signal),
});
export type TraitScore = z.infer<typeof traitScore>;

export const health = z
  .object({
    score: z.number().min(0).max(100).nullable(),
    band: healthBand,
    confidence: z.number().min(0).max(1),
    version: z.string(),
    as_of: z.iso.datetime(),
    traits: z.object({
      trust: traitScore,
      respect: traitScore,
      collaboration: traitScore,
      success: traitScore,
      goals: traitScore,
    }),
    next_actions: z.array(z.object({ text: z.string(), trait: traitName })),
  })
  .meta({ id: "Health" });
export type Health = z.infer<typeof health>;

export const traitWeights = z.strictObject({
  trust: z.number().min(0).max(10),
  respect: z.number().min(0).max(10),
  collaboration: z.number().min(0).max(10),
  success: z.number().min(0).max(10),
  goals: z.number().min(0).max(10),
});
export type TraitWeights = z.infer<typeof traitWeights>;

export const healthSettings = z
  .strictObject({
    weights: traitWeights.refine((w) => Object.values(w).some((value) => value > 0), {
      message: "at least one trait needs a weight above 0",
    }),
    /** Used for partners that have no cadence of their own. */
    default_cadence_days: z.int().min(1).max(365),
  })
  .meta({ id: "HealthSettings" });
export type HealthSettings = z.infer<typeof healthSettings>;

export const healthHistoryPoint = z.object({
  day: z.iso.date(),
  score: z.number().nullable(),
  band: healthBand,
  confidence: z.number(),
  version: z.string(),
  traits: z.object({
    trust: z.number().nullable(),
    respect: z.number().nullable(),
    collaboration: z.number().nullable(),
    success: z.number().nullable(),
    goals: z.number().nullable(),
  }),
  /** True on the first day a new formula version made the snapshot: scores before and after aren't comparable. */
  formula_changed: z.boolean(),
  /** Computed afterwards from the history as it stood that day (after an import), not on the day itself. */
  backfilled: z.boolean(),
});
export const healthHistory = z
  .object({ partner_id: z.string(), items: z.array(healthHistoryPoint) })
  .meta({ id: "HealthHistory" });
export type HealthHistory = z.infer<typeof healthHistory>;

/** Up to 100 partners' scores over the last `days`, for the dashboard's sparklines in one request. */
export const healthTrendsQuery = z.strictObject({
  partner_id: z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.string().trim().min(1).max(100)).min(1).max(100)),
  days: z.coerce.number().int().min(1).max(730).default(90),
});

export const healthTrends = z
  .object({
    items: z.array(z.object({
      partner_id: z.string(),
      points: z.array(z.object({ day: z.iso.date(), score: z.number().nullable(), backfilled: z.boolean() })),
    })),
  })
  .meta({ id: "HealthTrends" });
export type HealthTrends = z.infer<typeof healthTrends>;
