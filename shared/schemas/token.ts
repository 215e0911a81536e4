import { z } from "zod";
import { email, instant, listCursor, recordId, utcTimestamp } from "./common.ts";
import { memberRole } from "./me.ts";
import { lineText } from "./text.ts";

/** "read" tokens may only read; "write" tokens may do what their member's role allows. */
export const tokenScope = z.enum(["read", "write"]);
export type TokenScope = z.infer<typeof tokenScope>;

/** An API token as owners and admins see it: never the secret, never its hash. */
export const apiToken = z
  .object({
    id: recordId("tok"),
    prefix: z.string(),
    label: z.string().nullable(),
    member: z.object({ id: recordId("mem"), email: z.string(), role: memberRole }),
    scope: tokenScope,
    created_at: utcTimestamp,
    expires_at: utcTimestamp.nullable(),
    last_used_at: utcTimestamp.nullable(),
    revoked_at: utcTimestamp.nullable(),
  })
  .meta({ id: "ApiToken" });
export type ApiToken = z.infer<typeof apiToken>;

/** The answer to creating a token: the only time its secret is shown. */
export const apiTokenCreated = apiToken
  .extend({ token: z.string().meta({ description: "The secret: shown once, stored only as a hash" }) })
  .meta({ id: "ApiTokenCreated" });

export const apiTokenCreate = z
  .strictObject({
    label: lineText(1, 200),
    // Whose token it is; the caller when neither is given.
    member_email: email.optional(),
    member_id: recordId("mem").optional(),
    scope: tokenScope.default("write"),
    expires_at: instant.nullable().optional(),
  })
  .refine((value) => value.member_email === undefined || value.member_id === undefined, {
    message: "send member_email or member_id, not both",
    path: ["member_id"],
  })
  .meta({ id: "ApiTokenCreate" });
export type ApiTokenCreate = z.infer<typeof apiTokenCreate>;

export const tokenListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: listCursor.optional(),
});
