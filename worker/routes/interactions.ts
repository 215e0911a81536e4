import { interaction, interactionCreate, interactionPatch, type Interaction } from "../../shared/schemas/interaction.ts";
import { interactionToApi, type InteractionRow } from "../db/child-records.ts";
import { copyDefined, type ChildResource, type WriteContext } from "./child-resource.ts";

/** partners.last_contact_at is the newest interaction; recomputed so edits to old ones stay right. */
export function refreshLastContact({ db, workspaceId, partnerId }: WriteContext): D1PreparedStatement[] {
  return [
    db.prepare(
      `UPDATE partners SET last_contact_at =
         (SELECT MAX(occurred_at) FROM interactions WHERE workspace_id = ? AND partner_id = ?)
        WHERE id = ? AND workspace_id = ?`,
      workspaceId, partnerId, partnerId, workspaceId,
    ),
  ];
}

export const interactionsResource: ChildResource<InteractionRow, Interaction, typeof interactionCreate, typeof interactionPatch> = {
  collection: "interactions",
  entity: "interaction",
  label: "Interaction",
  tag: "Interactions",
  table: "interactions",
  affectsHealth: true,
  prefix: "int",
  listOrder: "occurred_at",
  apiSchema: interaction,
  createSchema: interactionCreate,
  patchSchema: interactionPatch,
  toApi: interactionToApi,
  insertColumns: (input, context) => ({
    kind: input.kind, direction: input.direction, occurred_at: input.occurred_at, summary: input.summary,
    participants_json: JSON.stringify([...new Set(input.participants)]), source_url: input.source_url ?? null,
    meeting_id: null, visibility: input.visibility, created_at: context.now,
  }),
  patchColumns: (_current, patch) =>
    copyDefined({ ...patch, ...(patch.participants ? { participants: [...new Set(patch.participants)] } : {}) }, { participants: "participants_json" }, ["participants"]),
  afterWrite: refreshLastContact,
  refuseDelete: (row) =>
    row.meeting_id ? `This interaction is the record of meeting ${row.meeting_id}; delete the meeting (DELETE /v1/meetings/${row.meeting_id})` : undefined,
};
