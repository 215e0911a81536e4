import { z } from "zod";
import { commitment } from "./commitment.ts";
import { listCursor, utcTimestamp } from "./common.ts";
import { contact } from "./contact.ts";
import { goal } from "./goal.ts";
import { interaction } from "./interaction.ts";
import { meeting } from "./meeting.ts";
import { partner } from "./partner.ts";
import { referral } from "./referral.ts";

/** Partners per page of GET /v1/export: each comes with its whole history. */
export const maxExportPartners = 100;

export const exportQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(maxExportPartners).default(50),
  cursor: listCursor.optional(),
});

/** A partner as exported: the record as the API shows it (without the derived score) and everything that belongs to it. */
export const exportedPartner = partner
  .omit({ health: true })
  .extend({
    contacts: z.array(contact),
    interactions: z.array(interaction),
    commitments: z.array(commitment),
    referrals: z.array(referral),
    goals: z.array(goal),
    meetings: z.array(meeting),
  })
  .meta({ id: "ExportedPartner" });
export type ExportedPartner = z.infer<typeof exportedPartner>;

export const exportPage = z
  .object({
    workspace: z.object({ id: z.string(), name: z.string() }),
    exported_at: utcTimestamp,
    items: z.array(exportedPartner),
    next_cursor: z.string().nullable(),
  })
  .meta({ id: "ExportPage" });
export type ExportPage = z.infer<typeof exportPage>;
