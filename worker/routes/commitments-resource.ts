import { commitment, commitmentCreate, commitmentPatch, type Commitment } from "../../shared/schemas/commitment.ts";
import { invalidField } from "../api-error.ts";
import { commitmentToApi, type CommitmentRow } from "../db/child-records.ts";
import { copyDefined, type ChildResource } from "./child-resource.ts";

/**
 * completed_at belongs to done promises only: marking one done stamps it
 * (unless history supplies the real time), reopening or cancelling clears it.
 */
function completionTime(status: Commitment["status"], given: string | null | undefined, previous: string | null, now: string) {
  if (status !== "done") {
    if (given) throw invalidField("completed_at", `only a done commitment has a completion time (status is ${status})`);
    return null;
  }
  return given ?? previous ?? now;
}

export const commitmentsResource: ChildResource<CommitmentRow, Commitment, typeof commitmentCreate, typeof commitmentPatch> = {
  collection: "commitments",
  entity: "commitment",
  label: "Commitment",
  tag: "Commitments",
  table: "commitments",
  affectsHealth: true,
  prefix: "cmt",
  listOrder: "created_at",
  apiSchema: commitment,
  createSchema: commitmentCreate,
  patchSchema: commitmentPatch,
  toApi: commitmentToApi,
  insertColumns: (input, context) => ({
    title: input.title, owed_by: input.owed_by, owner_email: input.owner_email ?? null, due_on: input.due_on ?? null,
    status: input.status, completed_at: completionTime(input.status, input.completed_at, null, context.now),
    source_url: input.source_url ?? null, meeting_id: null, visibility: input.visibility,
    created_at: input.created_at ?? context.now,
  }),
  patchColumns(current, patch, context) {
    const columns = copyDefined(patch);
    if (patch.status !== undefined || patch.completed_at !== undefined) {
      const status = patch.status ?? current.status;
      const previous = current.status === "done" ? current.completed_at : null;
      columns.completed_at = completionTime(status, patch.completed_at, previous, context.now);
    }
    return columns;
  },
};
