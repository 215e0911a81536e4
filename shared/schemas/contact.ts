import { z } from "zod";
import { lineText } from "./text.ts";
import { email, instant, nonEmptyPatch, recordId, utcTimestamp, visibility } from "./common.ts";

const contactFields = {
  email,
  name: lineText(1, 200).nullable(),
  title: lineText(1, 200).nullable(),
  phone: lineText(3, 50).nullable(),
  visibility,
};

export const contactCreate = z
  .strictObject({
    ...contactFields,
    name: contactFields.name.optional(),
    title: contactFields.title.optional(),
    phone: contactFields.phone.optional(),
    visibility: visibility.default("private"),
    created_at: instant.optional(),
  })
  .meta({ id: "ContactCreate" });

export const contactPatch = nonEmptyPatch(z.strictObject(contactFields).partial()).meta({ id: "ContactPatch" });

export const contact = z
  .object({
    id: recordId("con"),
    partner_id: recordId("ptr"),
    email: z.string(),
    name: z.string().nullable(),
    title: z.string().nullable(),
    phone: z.string().nullable(),
    visibility,
    version: z.number(),
    created_at: utcTimestamp,
    updated_at: utcTimestamp,
  })
  .meta({ id: "Contact" });
export type Contact = z.infer<typeof contact>;
