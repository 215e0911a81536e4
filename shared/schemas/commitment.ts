import { z } from "zod";
import {
  calendarDate, createOf, httpUrl, instant, listCursor, partnerRecord, patchOf, recordId, shortText, utcTimestamp, visibility,
} from "./common.ts";

export const owedBy = z.enum(["us", "partner"]);
export const commitmentStatus = z.enum(["open", "done", "cancelled"]);

const commitmentFields = {
  title: shortText,
  owed_by: owedBy,
  owner_email: z.email().max(254).nullable(),
  due_on: calendarDate.nullable(),
  status: commitmentStatus,
  completed_at: instant.nullable(),
  source_url: httpUrl.nullable(),
  visibility,
};

export const commitmentPatch = patchOf(commitmentFields).meta({ id: "CommitmentPatch" });

export const commitmentCreate = createOf(commitmentFields, {
  status: commitmentStatus.default("open"),
  created_at: instant.optional(),
}).meta({ id: "CommitmentCreate" });
export type CommitmentCreate = z.infer<typeof commitmentCreate>;

export const commitment = partnerRecord("cmt", {
  title: z.string(),
  owed_by: owedBy,
  owner_email: z.string().nullable(),
  due_on: calendarDate.nullable(),
  status: commitmentStatus,
  completed_at: utcTimestamp.nullable(),
  source_url: z.string().nullable(),
  meeting_id: z.string().nullable(),
}).meta({ id: "Commitment" });
export type Commitment = z.infer<typeof commitment>;
// The vocabulary's types are read off the record, so they cannot drift from what the API returns.
export type OwedBy = Commitment["owed_by"];
export type CommitmentStatus = Commitment["status"];

export const commitmentListQuery = z.strictObject({
  status: commitmentStatus.optional(),
  owed_by: owedBy.optional(),
  overdue: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
  partner_id: recordId("ptr").optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: listCursor.optional(),
});
