import { z } from "zod";
import { multiLineText } from "./text.ts";
import { createOf, email, httpUrl, instant, partnerRecord, patchOf, utcTimestamp, visibility } from "./common.ts";

export const interactionKind = z.enum(["email", "meeting", "call", "event", "note"]);
export const interactionDirection = z.enum(["inbound", "outbound", "both"]);

const interactionFields = {
  kind: interactionKind,
  direction: interactionDirection,
  occurred_at: instant,
  summary: multiLineText(5_000),
  participants: z.array(email).max(100),
  source_url: httpUrl.nullable(),
  visibility,
};

export const interactionPatch = patchOf(interactionFields).meta({ id: "InteractionPatch" });

export const interactionCreate = createOf(interactionFields, {
  summary: interactionFields.summary.default(""),
  participants: interactionFields.participants.default([]),
}).meta({ id: "InteractionCreate" });

// The API has never shown an interaction's updated_at; clients read it by occurred_at.
export const interaction = partnerRecord("int", {
  kind: interactionKind,
  direction: interactionDirection,
  occurred_at: utcTimestamp,
  summary: z.string(),
  participants: z.array(z.string()),
  source_url: z.string().nullable(),
  meeting_id: z.string().nullable(),
})
  .omit({ updated_at: true })
  .meta({ id: "Interaction" });
export type Interaction = z.infer<typeof interaction>;
export type InteractionKind = Interaction["kind"];
export type InteractionDirection = Interaction["direction"];
