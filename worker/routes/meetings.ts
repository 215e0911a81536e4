import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { newId } from "../../shared/ids.ts";
import { calendarEventId, meeting, meetingCreate, meetingCreated, meetingPatch, type Meeting, type MeetingCreated } from "../../shared/schemas/meeting.ts";
import { ApiError, notFound } from "../api-error.ts";
import {
  commitmentToApi, interactionToApi, meetingToApi, type CommitmentRow, type InteractionRow, type MeetingRow,
} from "../db/child-records.ts";
import type { AuditEntry } from "../db/commit-write.ts";
import { rescoreAfterWrite } from "../db/health-store.ts";
import { findMeetingByEvent } from "../db/meetings.ts";
import { loadPartnerRow } from "../db/partner-record.ts";
import type { TrackedDb } from "../db/tracked-db.ts";
import { insertRow } from "../db/sql.ts";
import type { AppEnv } from "../env.ts";
import { idParam, jsonBody, jsonResponse, security, bodyWriteErrors } from "../http/openapi-parts.ts";
import { respond } from "../http/respond.ts";
import { copyDefined, type ChildResource } from "./child-resource.ts";
import { refreshLastContact } from "./interactions.ts";

/** Reading and editing meetings; creating one is the special route below. */
export const meetingsResource: ChildResource<MeetingRow, Meeting, never, typeof meetingPatch> = {
  collection: "meetings",
  entity: "meeting",
  label: "Meeting",
  tag: "Meetings",
  table: "meetings",
  affectsHealth: true,
  prefix: "mtg",
  listOrder: "occurred_at",
  apiSchema: meeting,
  patchSchema: meetingPatch,
  toApi: meetingToApi,
  listFilters: { calendar_event_id: calendarEventId },
  patchColumns: (_current, patch) =>
    copyDefined(patch, { attendees: "attendees_json", decisions: "decisions_json" }, ["attendees", "decisions"]),
  // Its interaction goes and comes back with it, so last contact and the score move with the meeting.
  afterWrite: refreshLastContact,
  async deleteAlong(row, { db, workspaceId }) {
    const interaction = await db.first<InteractionRow>("SELECT * FROM interactions WHERE id = ? AND workspace_id = ?", row.interaction_id, workspaceId);
    return interaction ? [{ table: "interactions", recordType: "interaction", row: interaction, deletedWith: row.id }] : [];
  },
};

/** Opening the same calendar event again continues its notes: a second meeting for it is 409 naming the first. */
async function refuseSecondMeetingForEvent(db: TrackedDb, workspaceId: string, partnerId: string, calendarEventId: string): Promise<void> {
  const existing = await findMeetingByEvent(db, workspaceId, partnerId, calendarEventId);
  if (existing) {
    throw new ApiError(409, "conflict", `calendar_event_id: this event already has meeting ${existing.id}; continue it with PATCH /v1/meetings/${existing.id}`, [
      { path: "calendar_event_id", message: `already has meeting ${existing.id}` },
    ]);
  }
}

export function registerMeetingCreate(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "post", path: "/v1/partners/{id}/meetings", tags: ["Meetings"], security,
      operationId: "createMeeting",
      summary: "Save meeting notes",
      description: "Writes the meeting, its interaction (so last contact moves) and one commitment per action item, all or nothing. An action item we owe without owner_email is the caller's. With calendar_event_id, a second meeting for the same event and partner is 409 naming the existing meeting (find it with GET /v1/partners/{id}/meetings?calendar_event_id=…).",
      request: { params: idParam, body: jsonBody(meetingCreate) },
      responses: { 201: jsonResponse(meetingCreated, "What was written"), ...bodyWriteErrors },
    }),
    async (c) => {
      const partnerId = c.req.valid("param").id;
      const input = c.req.valid("json");
      const db = c.get("db");
      const { workspaceId, email: callerEmail } = c.get("caller");
      if (!(await loadPartnerRow(db, workspaceId, partnerId))) throw notFound("Partner");
      const calendarEventId = input.calendar_event_id ?? null;
      if (calendarEventId !== null) await refuseSecondMeetingForEvent(db, workspaceId, partnerId, calendarEventId);
      const now = c.get("now").toISOString();
      const base = { workspace_id: workspaceId, partner_id: partnerId, visibility: input.visibility, version: 1, created_at: now, updated_at: now };
      const meetingId = newId("mtg");
      const interactionId = newId("int");
      const attendees = [...new Set(input.attendees)];
      const meetingRow: MeetingRow = {
        ...base, id: meetingId, title: input.title, occurred_at: input.occurred_at, attendees_json: JSON.stringify(attendees),
        agenda: input.agenda, notes: input.notes, decisions_json: JSON.stringify(input.decisions),
        source_url: input.source_url ?? null, interaction_id: interactionId, calendar_event_id: calendarEventId,
      };
      const interactionRow: InteractionRow = {
        ...base, id: interactionId, kind: "meeting", direction: "both", occurred_at: input.occurred_at,
        summary: input.decisions.length > 0 ? `${input.title}. Decided: ${input.decisions.join("; ")}` : input.title,
        participants_json: JSON.stringify(attendees), source_url: input.source_url ?? null, meeting_id: meetingId,
      };
      const commitmentRows: CommitmentRow[] = input.action_items.map((item) => ({
        // Ours default to the member saving the notes: every action item has someone to chase.
        ...base, id: newId("cmt"), title: item.title, owed_by: item.owed_by,
        owner_email: item.owner_email ?? (item.owed_by === "us" ? callerEmail.toLowerCase() : null),
        due_on: item.due_on ?? null, status: "open", completed_at: null, source_url: input.source_url ?? null,
        meeting_id: meetingId,
      }));
      const body: MeetingCreated = {
        meeting: meetingToApi(meetingRow),
        interaction: interactionToApi(interactionRow),
        commitments: commitmentRows.map(commitmentToApi),
      };
      const audit: AuditEntry[] = [
        { entity: "meeting", entityId: meetingId, action: "create", after: body.meeting },
        { entity: "interaction", entityId: interactionId, action: "create", after: body.interaction },
        ...body.commitments.map((after): AuditEntry => ({ entity: "commitment", entityId: after.id, action: "create", after })),
      ];
      c.header("Location", `/v1/meetings/${meetingId}`);
      const answer = await respond(c, {
        statements: [
          insertRow(db, "meetings", meetingRow),
          insertRow(db, "interactions", interactionRow),
          ...commitmentRows.map((row) => insertRow(db, "commitments", row)),
          ...refreshLastContact({ db, workspaceId, partnerId, now }),
        ],
        audit,
        status: 201,
        body,
        version: 1,
      });
      await rescoreAfterWrite(db, workspaceId, partnerId, c.get("now"));
      return answer;
    },
  );
}
