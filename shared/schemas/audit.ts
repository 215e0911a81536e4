import { z } from "zod";
import { instant, listCursor, utcTimestamp } from "./common.ts";

/** The kinds of record the audit log names, as `record_type`. */
export const auditRecordType = z.enum([
  "partner", "contact", "interaction", "commitment", "referral", "goal", "meeting", "workspace", "api_token",
  "guest_link",
]);

export const auditEntry = z
  .object({
    id: z.string(),
    at: utcTimestamp,
    action: z.enum(["create", "update", "archive", "system"]),
    record_type: z.string(),
    record_id: z.string(),
    // null for changes the nightly job made.
    member_id: z.string().nullable(),
    // null for entries written before tokens and requests were recorded.
    token_id: z.string().nullable(),
    request_id: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = z
  .strictObject({
    record_type: auditRecordType.optional(),
    record_id: z.string().regex(/^[a-z]{3}_[0-9a-z]{24}$/, "must be a record id such as ptr_…").optional(),
    member_id: z.string().regex(/^mem_[0-9a-z]{24}$/, "must be a mem_… id").optional(),
    // Inclusive lower and exclusive upper bound on the entry's time.
    since: instant.optional(),
    until: instant.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: listCursor.optional(),
  })
  .refine((value) => value.record_id === undefined || value.record_type !== undefined, {
    message: "send record_type with record_id",
    path: ["record_type"],
  })
  .refine((value) => value.since === undefined || value.until === undefined || value.since < value.until, {
    message: "must be later than since",
    path: ["until"],
  });
