import { z } from "zod";
import { lineText } from "./text.ts";
import { createOf, email, instant, partnerRecord, patchOf, visibility } from "./common.ts";

const contactFields = {
  email,
  name: lineText(1, 200).nullable(),
  title: lineText(1, 200).nullable(),
  phone: lineText(3, 50).nullable(),
  visibility,
};

export const contactPatch = patchOf(contactFields).meta({ id: "ContactPatch" });

export const contactCreate = createOf(contactFields, { created_at: instant.optional() }).meta({ id: "ContactCreate" });

export const contact = partnerRecord("con", {
  email: z.string(),
  name: z.string().nullable(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
}).meta({ id: "Contact" });
export type Contact = z.infer<typeof contact>;
