import { z } from "zod";
import { importKinds } from "../import/columns.ts";
import { lineText } from "./text.ts";

/** Rows per POST /v1/imports: one D1 batch each, all or nothing, within the Worker's limits. */
export const maxImportRows = 200;

export const importKind = z.enum(importKinds);

/** Whose record a history row is: any of these, matched in this order (CRM ids, domain, then an exact name). */
export const importPartnerRef = z
  .strictObject({
    salesforce_account_id: lineText(1, 18).optional(),
    hubspot_company_id: lineText(1, 20).optional(),
    domain: lineText(1, 253).optional(),
    name: lineText(1, 200).optional(),
  })
  .meta({ id: "ImportPartnerRef" });
export type ImportPartnerRef = z.infer<typeof importPartnerRef>;

/**
 * One row. `fields` is checked by the same schema as the record's own POST
 * (PartnerCreate, ContactCreate, …), so an import can't store what the API
 * would refuse; its errors name the row and the field.
 */
export const importRow = z.strictObject({
  row: z.int().min(1).max(10_000_000).describe("The row's line in the file, named in errors"),
  partner: importPartnerRef.optional().describe("Required for every kind but partners"),
  source_id: lineText(1, 200).optional().describe("The row's id where it came from; without one, its content identifies it"),
  fields: z.record(z.string(), z.unknown()),
});
export type ImportRowInput = z.infer<typeof importRow>;

export const importBatch = z
  .strictObject({
    kind: importKind,
    dry_run: z.boolean().default(false),
    rows: z.array(importRow).min(1).max(maxImportRows),
  })
  .meta({ id: "ImportBatch" });
export type ImportBatch = z.infer<typeof importBatch>;

export const importAction = z.enum(["create", "update", "unchanged", "error"]);
export type ImportAction = z.infer<typeof importAction>;

export const importOutcome = z.object({
  row: z.number(),
  action: importAction,
  id: z.string().nullable().describe("The record created, updated or found; null for an error"),
  field: z.string().nullable().describe("For an error: the field at fault (fields.domains.0, partner)"),
  message: z.string().nullable(),
});
export type ImportOutcome = z.infer<typeof importOutcome>;

export const importResult = z
  .object({
    kind: importKind,
    dry_run: z.boolean(),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    errors: z.number(),
    rows: z.array(importOutcome),
    backfilled_partners: z.number().describe("Partners whose past 180 days of health were recomputed from the imported history"),
  })
  .meta({ id: "ImportResult" });
export type ImportResult = z.infer<typeof importResult>;
