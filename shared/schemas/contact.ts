import { z } from "zod";
import { email, instant, nonEmptyPatch, recordId, utcTimestamp, visibility } from "./common.ts";

const contactFields = {
  email,
  name: z.string().trim().min(1).max(200).nullable(),
  title: z.string().trim().min(1).max(200).nullable(),
  phone: z.string().trim().min(3).max(50).nullable(),
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
