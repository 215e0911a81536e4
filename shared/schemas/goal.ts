import { z } from "zod";
import { lineText } from "./text.ts";
import { calendarDate, createOf, goalFigure, instant, partnerRecord, patchOf, shortText, utcTimestamp, visibility } from "./common.ts";

export const milestone = z.strictObject({
  title: shortText,
  due_on: calendarDate.nullable().optional(),
  done: z.boolean().default(false),
});

const goalFields = {
  title: shortText,
  metric: lineText(1, 100).nullable(),
  target: goalFigure.nullable(),
  current: goalFigure.nullable(),
  due_on: calendarDate.nullable(),
  milestones: z.array(milestone).max(50),
  last_reviewed_at: instant.nullable(),
  visibility,
};

export const goalPatch = patchOf(goalFields).meta({ id: "GoalPatch" });

export const goalCreate = createOf(goalFields, {
  milestones: goalFields.milestones.default([]),
  created_at: instant.optional(),
}).meta({ id: "GoalCreate" });

export const goal = partnerRecord("gol", {
  title: z.string(),
  metric: z.string().nullable(),
  target: z.number().nullable(),
  current: z.number().nullable(),
  due_on: calendarDate.nullable(),
  milestones: z.array(z.object({ title: z.string(), due_on: z.string().nullable().optional(), done: z.boolean() })),
  last_reviewed_at: utcTimestamp.nullable(),
}).meta({ id: "Goal" });
export type Goal = z.infer<typeof goal>;
