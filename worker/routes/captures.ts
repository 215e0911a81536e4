import { createRoute, type OpenAPIHono, type RouteHandler } from "@hono/zod-openapi";
import { captureBatch, captureResult, type CaptureResult } from "../../shared/schemas/capture.ts";
import { newId } from "../../shared/ids.ts";
import { ApiError, notFound } from "../api-error.ts";
import {
  captureStatements, interactionsByExternalId, interactionsOfCapture, loadCapture, loadCaptureSettings, undoCaptureStatements,
} from "../db/captures.ts";
import { interactionToApi } from "../db/child-records.ts";
import { rescoreAfterWrite } from "../db/health-store.ts";
import { loadPartnerRow } from "../db/partner-record.ts";
import { StaleWriteError } from "../db/stale-write-guard.ts";
import type { AppEnv } from "../env.ts";
import { bodyWriteErrors, idParam, jsonBody, jsonResponse, security, writeErrors } from "../http/openapi-parts.ts";
import { respond, respondNoContent, writerOf } from "../http/respond.ts";
import { refreshLastContact } from "./interactions.ts";

/** What both capture routes say of themselves. */
const described = (summary: string, description: string) => ({ tags: ["Interactions"], security, summary, description });

const captureRoute = createRoute({
  method: "post", path: "/v1/partners/{id}/interactions/batch", operationId: "captureInteractions",
  request: { params: idParam, body: jsonBody(captureBatch) },
  ...described("Log the emails of a thread on screen, once each",
    "Up to 100 emails (metadata only) as one capture. Idempotent by external_id per workspace: a message already logged, " +
    "by anyone, is listed under existing and not counted again. Subjects are kept only if the workspace's capture.subjects " +
    "setting is on (subjects_dropped says when they were not); 409 capture_disabled when capture.email is off. Last contact " +
    "and the health score are updated in the same request. DELETE /v1/captures/{capture_id} undoes it."),
  responses: { 201: jsonResponse(captureResult, "What was logged and what already was"), ...bodyWriteErrors },
});

const captureEmails: RouteHandler<typeof captureRoute, AppEnv> = async (c) => {
  const partnerId = c.req.valid("param").id;
  const { items } = c.req.valid("json");
  const db = c.get("db");
  const writer = writerOf(c);
  const { workspaceId } = writer;
  const partner = await loadPartnerRow(db, workspaceId, partnerId);
  if (!partner) throw notFound("Partner");
  const settings = await loadCaptureSettings(db, workspaceId);
  if (!settings.email) {
    throw new ApiError(409, "capture_disabled", "Email capture is turned off for this workspace (workspace setting capture.email)");
  }
  const captureId = newId("cap");
  const externalIds = items.map((item) => item.external_id);
  const subjectsDropped = !settings.subjects && items.some((item) => (item.subject ?? "") !== "");
  const resultFrom = (rows: Awaited<ReturnType<typeof interactionsByExternalId>>, lastContactAt: string | null): CaptureResult => {
    const listed = (mine: boolean) => externalIds.flatMap((externalId) => {
      const row = rows.get(externalId);
      return row && (row.capture_id === captureId) === mine ? [{ external_id: externalId, interaction_id: row.id }] : [];
    });
    return { capture_id: captureId, partner_id: partnerId, created: listed(true), existing: listed(false), subjects_dropped: subjectsDropped, last_contact_at: lastContactAt };
  };
  // The stored answer for an Idempotency-Key retry is this prediction; the
  // live answer below is read back, so a teammate's capture of the same
  // message landing in between is reported as it really fell.
  const predicted = await interactionsByExternalId(db, workspaceId, externalIds);
  const fresh = items.filter((item) => !predicted.has(item.external_id)).map((item) => ({ ...item, id: newId("int") }));
  for (const item of fresh) predicted.set(item.external_id, { id: item.id, external_id: item.external_id, capture_id: captureId });
  const now = writer.now;
  c.header("Location", `/v1/captures/${captureId}`);
  const answer = await respond(c, {
    statements: [
      ...captureStatements({ db, workspaceId, partnerId, memberId: writer.memberId, captureId, now, keepSubjects: settings.subjects, audit: auditorOf(writer) }, fresh),
      ...refreshLastContact({ db, workspaceId, partnerId, now }),
    ],
    audit: [{ entity: "capture", entityId: captureId, action: "create", after: { partner_id: partnerId, external_ids: externalIds } }],
    status: 201,
    body: resultFrom(predicted, latestOf([partner.last_contact_at, ...fresh.map((item) => item.occurred_at)])),
    answer: async () => {
      const after = await interactionsByExternalId(db, workspaceId, externalIds);
      const stored = await loadPartnerRow(db, workspaceId, partnerId);
      return { body: resultFrom(after, stored?.last_contact_at ?? null), version: 1 };
    },
  });
  await rescoreAfterWrite(db, workspaceId, partnerId, c.get("now"));
  return answer;
};

/** The newest of these ISO 8601 UTC times (text order is time order). */
function latestOf(times: (string | null)[]): string | null {
  return times.reduce<string | null>((latest, at) => (at !== null && (latest === null || at > latest) ? at : latest), null);
}

function auditorOf(writer: ReturnType<typeof writerOf>) {
  return { workspaceId: writer.workspaceId, actorMemberId: writer.memberId, tokenId: writer.tokenId, requestId: writer.requestId, at: writer.now };
}

const undoRoute = createRoute({
  method: "delete", path: "/v1/captures/{id}", operationId: "undoCapture", request: { params: idParam },
  ...described("Undo a capture: remove exactly the interactions it created",
    "Deletes the interactions this capture created (each audited with what it was) and nothing else: messages it found " +
    "already logged stay. Last contact and the health score are recomputed. 404 once undone."),
  responses: { 204: { description: "Undone" }, ...writeErrors },
});

const undoCapture: RouteHandler<typeof undoRoute, AppEnv> = async (c) => {
  const db = c.get("db");
  const { workspaceId } = c.get("caller");
  const captureId = c.req.valid("param").id;
  const capture = await loadCapture(db, workspaceId, captureId);
  if (!capture || capture.undone_at !== null) throw notFound("Capture");
  const rows = await interactionsOfCapture(db, workspaceId, captureId);
  const now = c.get("now").toISOString();
  let answer: Response;
  try {
    answer = await respondNoContent(c, {
      statements: [
        ...undoCaptureStatements(db, workspaceId, captureId, rows.map((row) => row.id), now),
        ...refreshLastContact({ db, workspaceId, partnerId: capture.partner_id, now }),
      ],
      audit: [
        { entity: "capture", entityId: captureId, action: "update", before: { undone_at: null }, after: { undone_at: now } },
        ...rows.map((row) => ({ entity: "interaction", entityId: row.id, action: "archive" as const, before: interactionToApi(row) })),
      ],
      status: 204,
      body: null,
    });
  } catch (error) {
    // Another request undid it between our read and our write.
    if (error instanceof StaleWriteError) throw notFound("Capture");
    throw error;
  }
  await rescoreAfterWrite(db, workspaceId, capture.partner_id, c.get("now"));
  return answer;
};

export function registerCaptureRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(captureRoute, captureEmails);
  app.openapi(undoRoute, undoCapture);
}
