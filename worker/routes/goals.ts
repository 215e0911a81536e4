import { goal, goalCreate, goalPatch, type Goal } from "../../shared/schemas/goal.ts";
import { goalToApi, type GoalRow } from "../db/child-records.ts";
import { copyDefined, type ChildResource } from "./child-resource.ts";

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
