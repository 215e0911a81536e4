import { goal, goalCreate, goalPatch, type Goal } from "../../shared/schemas/goal.ts";
import type { ChildResource, ChildRow } from "./child-resource.ts";
import { copyDefined } from "./child-resource.ts";

export interface GoalRow extends ChildRow {
  title: string;
  metric: string | null;
  target: number | null;
  current: number | null;
  due_on: string | null;
  milestones_json: string;
  last_reviewed_at: string | null;
  visibility: "private" | "shared";
}

export function goalToApi(row: GoalRow): Goal {
  return {
    id: row.id, partner_id: row.partner_id, title: row.title, metric: row.metric, target: row.target,
    current: row.current, due_on: row.due_on, milestones: JSON.parse(row.milestones_json) as Goal["milestones"],
    last_reviewed_at: row.last_reviewed_at, visibility: row.visibility, version: row.version,
    created_at: row.created_at, updated_at: row.updated_at,
  };
}

export const goalsResource: ChildResource<GoalRow, Goal, typeof goalCreate, typeof goalPatch> = {
  collection: "goals",
  entity: "goal",
  label: "Goal",
  tag: "Goals",
  table: "goals",
  affectsHealth: true,
  prefix: "gol",
  listOrder: "created_at",
  apiSchema: goal,
  createSchema: goalCreate,
  patchSchema: goalPatch,
  toApi: goalToApi,
  insertColumns: (input, context) => ({
    title: input.title, metric: input.metric ?? null, target: input.target ?? null, current: input.current ?? null,
    due_on: input.due_on ?? null, milestones_json: JSON.stringify(input.milestones),
    last_reviewed_at: input.last_reviewed_at ?? null, visibility: input.visibility,
    created_at: input.created_at ?? context.now,
  }),
  patchColumns: (_current, patch) => copyDefined(patch, { milestones: "milestones_json" }, ["milestones"]),
};
