import { contact, contactCreate, contactPatch, type Contact } from "../../shared/schemas/contact.ts";
import { conflictOnField } from "../api-error.ts";
import { contactToApi, type ContactRow } from "../db/child-records.ts";
import { copyDefined, type ChildResource, type WriteContext } from "./child-resource.ts";

/** One person belongs to one partner; saying so twice is a 409 naming who has them. */
async function assertEmailFree({ db, workspaceId }: WriteContext, email: string, selfId: string | null) {
  const owner = await db.first<{ name: string }>(
    `SELECT p.name FROM contacts c JOIN partners p ON p.id = c.partner_id
      WHERE c.workspace_id = ? AND c.email = ? AND c.id IS NOT ?`,
    workspaceId, email, selfId,
  );
  if (owner) throw conflictOnField("email", `${email} is already a contact at ${owner.name}`);
}

export const contactsResource: ChildResource<ContactRow, Contact, typeof contactCreate, typeof contactPatch> = {
  collection: "contacts",
  entity: "contact",
  label: "Contact",
  tag: "Contacts",
  table: "contacts",
  affectsHealth: false,
  prefix: "con",
  listOrder: "created_at",
  apiSchema: contact,
  createSchema: contactCreate,
  patchSchema: contactPatch,
  toApi: contactToApi,
  async insertColumns(input, context) {
    await assertEmailFree(context, input.email, null);
    return {
      email: input.email, name: input.name ?? null, title: input.title ?? null, phone: input.phone ?? null,
      visibility: input.visibility,
      created_at: input.created_at ?? context.now,
    };
  },
  beforeRestore: (row, context) => assertEmailFree(context, row.email, row.id),
  async patchColumns(current, patch, context) {
    if (patch.email !== undefined) await assertEmailFree(context, patch.email, current.id);
    return copyDefined(patch);
  },
};
