import { contact, contactCreate, contactPatch, type Contact } from "../../shared/schemas/contact.ts";
import { conflictOnField } from "../http/api-error.ts";
import type { ChildResource, ChildRow, WriteContext } from "./child-resource.ts";
import { copyDefined } from "./child-resource.ts";

interface ContactRow extends ChildRow {
  email: string;
  name: string | null;
  title: string | null;
  phone: string | null;
  visibility: "private" | "shared";
}

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
  toApi: (row) => ({
    id: row.id, partner_id: row.partner_id, email: row.email, name: row.name, title: row.title, phone: row.phone,
    visibility: row.visibility, version: row.version, created_at: row.created_at, updated_at: row.updated_at,
  }),
  async insertColumns(input, context) {
    await assertEmailFree(context, input.email, null);
    return {
      email: input.email, name: input.name ?? null, title: input.title ?? null, phone: input.phone ?? null,
      visibility: input.visibility,
      created_at: input.created_at ?? context.now,
    };
  },
  async patchColumns(current, patch, context) {
    if (patch.email !== undefined) await assertEmailFree(context, patch.email, current.id);
    return copyDefined(patch);
  },
};
