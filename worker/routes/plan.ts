import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { applyPlanPatch } from "../../shared/plan/edit.ts";
import {
  planHistoryQuery, planPatch, planResource, planVersion, planVersionParams, planVersionWhole, type PartnershipPlan,
} from "../../shared/schemas/plan.ts";
import { notFound } from "../api-error.ts";
import { rescoreAfterWrite } from "../db/health-store.ts";
import { loadPartnerRow, type PartnerRow } from "../db/partner-record.ts";
import { planAtVersion, planHistory, planResourceOf, planUpdate } from "../db/plan-store.ts";
import type { AppEnv } from "../env.ts";
import { bodyWriteErrors, idParam, jsonBody, jsonResponse, readErrors, security } from "../http/openapi-parts.ts";
import { patchWithRetry } from "../http/patch-with-retry.ts";
import { respond } from "../http/respond.ts";

/** What every plan route says of itself. */
export const planRoute = (operationId: string, summary: string, description?: string) => ({
  tags: ["Partnership plan"], security, operationId, summary, ...(description ? { description } : {}),
});

/** The caller's partner named by the path, or 404: every plan route starts here. */
export async function partnerInScope(c: Context<AppEnv>, id: string): Promise<PartnerRow> {
  const row = await loadPartnerRow(c.get("db"), c.get("caller").workspaceId, id);
  if (!row) throw notFound("Partner");
  return row;
}

/**
 * Writes a new version of the plan: `change` turns the plan as it is now into
 * the next one, and is applied again to a fresh read if another edit landed
 * first (If-Match, when sent, makes that a 412 instead). The score reads the
 * plan, so the partner is re-scored after.
 */
export async function writePlan<Status extends ContentfulStatusCode>(
  c: Context<AppEnv>, id: string, status: Status, change: (plan: PartnershipPlan) => PartnershipPlan, meetingId?: string,
) {
  const db = c.get("db");
  const { workspaceId, memberId } = c.get("caller");
  const load = () => loadPartnerRow(db, workspaceId, id).then((row) => row && { row, version: row.plan_version });
  const answer = await patchWithRetry(c, load, "Partnership plan", (current) => {
    const now = c.get("now").toISOString();
    const before = JSON.parse(current.row.plan_json) as PartnershipPlan;
    const after = change(before);
    const body = planResourceOf({ ...current.row, plan_json: JSON.stringify(after), plan_version: current.version + 1, updated_at: now });
    if (meetingId) c.header("Location", `/v1/partners/${id}/plan/versions/${body.version}`);
    return respond(c, {
      statements: planUpdate(db, current.row, after, memberId, now, meetingId),
      audit: [{ entity: "partner", entityId: id, action: "update", before: { plan: before }, after: { plan: after, ...(meetingId ? { meeting_id: meetingId } : {}) } }],
      status, body, version: body.version,
    });
  });
  await rescoreAfterWrite(db, workspaceId, id, c.get("now"));
  return answer;
}

const readRoute = createRoute({
  method: "get", path: "/v1/partners/{id}/plan", ...planRoute("getPartnershipPlan", "Get the partnership plan", "The written plan with its own version, which is also the ETag to send as If-Match when changing it."),
  request: { params: idParam },
  responses: { 200: jsonResponse(planResource, "The plan"), ...readErrors },
});

const patchRoute = createRoute({
  method: "patch", path: "/v1/partners/{id}/plan", ...planRoute("updatePartnershipPlan", "Change the partnership plan", "Send only the fields to change (null clears one; terms, lists and documents are replaced whole). Every change is a new version, kept with who changed which fields. With If-Match (the plan's ETag) a plan changed since is 412; without it the change is applied to the plan as it is now, so another person's edit to other fields is never lost."),
  request: { params: idParam, body: jsonBody(planPatch) },
  responses: { 200: jsonResponse(planResource, "The plan as stored"), ...bodyWriteErrors },
});

const historyRoute = createRoute({
  method: "get", path: "/v1/partners/{id}/plan/history", ...planRoute("listPartnershipPlanVersions", "The plan's versions: who changed which fields, and when", "Newest first; `before` pages back. Each version lists its field-level changes; fetch any version whole to compare two."),
  request: { params: idParam, query: planHistoryQuery },
  responses: { 200: jsonResponse(z.object({ items: z.array(planVersion) }), "Versions, newest first"), ...readErrors },
});

const versionRoute = createRoute({
  method: "get", path: "/v1/partners/{id}/plan/versions/{version}", ...planRoute("getPartnershipPlanVersion", "One version of the plan, whole"),
  request: { params: planVersionParams },
  responses: { 200: jsonResponse(planVersionWhole, "The plan as it was at that version"), ...readErrors },
});

export function registerPlanRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(readRoute, async (c) => {
    const row = await partnerInScope(c, c.req.valid("param").id);
    c.header("ETag", `"${row.plan_version}"`);
    return c.json(planResourceOf(row), 200);
  });
  app.openapi(patchRoute, async (c) => {
    const patch = c.req.valid("json");
    return writePlan(c, c.req.valid("param").id, 200, (plan) => applyPlanPatch(plan, patch));
  });
  app.openapi(historyRoute, async (c) => {
    const row = await partnerInScope(c, c.req.valid("param").id);
    const query = c.req.valid("query");
    return c.json({ items: await planHistory(c.get("db"), row, query.limit, query.before) }, 200);
  });
  app.openapi(versionRoute, async (c) => {
    const { id, version } = c.req.valid("param");
    const row = await partnerInScope(c, id);
    const found = await planAtVersion(c.get("db"), row, version);
    if (!found) throw notFound("Plan version");
    return c.json(found, 200);
  });
}
