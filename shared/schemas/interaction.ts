import { z } from "zod";
import { multiLineText } from "./text.ts";
import { email, httpUrl, instant, nonEmptyPatch, recordId, utcTimestamp, visibility } from "./common.ts";

export const interactionKind = z.enum(["email", "meeting", "call", "event", "note"]);
export const interactionDirection = z.enum(["inbound", "outbound", "both"]);
export type InteractionKind = z.infer<typeof interactionKind>;
export type InteractionDirection = z.infer<typeof interactionDirection>;

const interactionFields = {
  kind: interactionKind,
  direction: interactionDirection,
  occurred_at: instant,
  summary: multiLineText(5_000),
  participants: z.array(email).max(100),
  source_url: httpUrl.nullable(),
  visibility,
};

export const interactionCreate = z
  .strictObject({
    ...interactionFields,
    summary: interactionFields.summary.default(""),
    participants: interactionFields.participants.default([]),
    source_url: interactionFields.source_url.optional(),
    visibility: visibility.default("private"),
  })
  .meta({ id: "InteractionCreate" });

export const interactionPatch = nonEmptyPatch(z.strictObject(interactionFields).partial()).meta({
  id: "InteractionPatch",
});

export const interaction = z
  .object({
    id: recordId("int"),
    partner_id: recordId("ptr"),
    kind: interactionKind,
    direction: interactionDirection,
    occurred_at: utcTimestamp,
    summary: z.string(),
    participants: z.array(z.string()),
    source_url: z.string().nullable(),
    meeting_id: z.string().nullable(),
    visibility,
    version: z.number(),
    created_at: utcTimestamp,
  })
  .meta({ id: "Interaction" });
export type Interaction = z.infer<typeof interaction>;
