import { z } from "zod";
import { recordId } from "./common.ts";
import { signal } from "./health.ts";

export const healthChangesQuery = z.strictObject({
  /** The day to compare with (UTC), default 7 days ago; at most 365 days back, before today. */
  since: z.iso.date().optional(),
});

const traitChange = z.object({
  before: z.number().nullable(),
  after: z.number().nullable(),
  /** After minus before, in points; null when either is unscored. */
  change: z.number().nullable(),
  appeared: z.array(signal),
  went: z.array(signal),
});

/** A fact that changed in the partnership's records since then, and which way it moves the score. */
export const healthCause = z.object({ text: z.string(), effect: z.enum(["positive", "negative"]), trait: z.string() });
export type HealthCause = z.infer<typeof healthCause>;

export const healthChanges = z
  .object({
    partner_id: recordId("ptr"),
    since: z.iso.date(),
    before: z.number().nullable(),
    after: z.number().nullable(),
    change: z.number().nullable(),
    traits: z.object({ trust: traitChange, respect: traitChange, collaboration: traitChange, success: traitChange, goals: traitChange }),
    causes: z.array(healthCause),
    /** The move and its main cause in one line: "↓ 7: 2 promises to Brightpath became overdue"; null when the score did not move. */
    headline: z.string().nullable(),
  })
  .meta({ id: "HealthChanges" });
export type HealthChanges = z.infer<typeof healthChanges>;
