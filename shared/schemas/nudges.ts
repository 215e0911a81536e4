import { z } from "zod";
import { calendarDate, recordId, utcTimestamp } from "./common.ts";

export const nudgesQuery = z.strictObject({
  /** The caller's own date, so "due today" follows their day rather than UTC's. */
  today: calendarDate.optional(),
  /** mine: promises and partners whose owner is the caller; workspace: everyone's. */
  scope: z.enum(["mine", "workspace"]).default("mine"),
});

export const nudges = z
  .object({
    today: calendarDate,
    scope: z.enum(["mine", "workspace"]),
    /** Open promises we owe: for the toolbar badge (overdue) and the daily notification. */
    promises: z.object({ overdue: z.number().int(), due_today: z.number().int() }),
    /** Active partners past their contact cadence, longest overdue first (at most 50). */
    past_cadence: z.array(z.object({
      partner_id: recordId("ptr"),
      name: z.string(),
      cadence_days: z.number().int(),
      days_since_contact: z.number().int(),
      last_contact_at: utcTimestamp.nullable(),
    })),
  })
  .meta({ id: "Nudges" });
export type Nudges = z.infer<typeof nudges>;
