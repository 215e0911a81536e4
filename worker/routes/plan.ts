import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { applyPlanPatch } from "../../shared/plan/edit.ts";
import {
  planHistoryQuery, planPatch, planResource, planVersion, planVersionParams, planVersionWhole, type PartnershipPlan,
} from "../../shared/schemas/plan.ts";
import { notFound } from "../api-error.ts";
import { rescoreAfterWrite } from "../db/health-store.ts";
import { loadPartnerRow } from "../db/partner-record.ts";
import { planAtVersion, planHistory, planResourceOf, planUpdate } from "../db/plan-store.ts";
import type { TrackedDb } from "../db/tracked-db.ts";
import type { AppEnv } from "../env.ts";
import { bodyWriteErrors, idParam, jsonBody, jsonResponse, readErrors, security } from "../http/openapi-parts.ts";
import { patchWithRetry } from "../http/patch-with-retry.ts";
import { respond } from "../http/respond.ts";

const tags = ["Partnership plan"];

/** The partner with its plan version where patchWithRetry looks for a version: If-Match names the plan's. */
export const loadForPlan = (db: TrackedDb, workspaceId: string, id: string) =>
  loadPartnerRow(db, workspaceId, id).then((row) => row && { row, version: row.plan_version });

export function registerPlanRoutes(app: OpenAPIHono<AppEnv>): void {
  registerRead(app);
  registerPatch(app);
  registerHistory(app);
  registerVersion(app);
}

function registerRead(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get", path: "/v1/partners/{id}/plan", tags, security, operationId: "getPartnershipPlan", summary: "Get the partnership plan",
      description: "The written plan with its own version, which is also the ETag to send as If-Match when changing it.",
      request: { params: idParam },
      responses: { 200: jsonResponse(planResource, "The plan"), ...readErrors },
    }),
    async (c) => {
      const row = await loadPartnerRow(c.get("db"), c.get("caller").workspaceId, c.req.valid("param").id);
      if (!row) throw notFound("Partner");
      c.header("ETag", `"${row.plan_version}"`);
      return c.json(planResourceOf(row), 200);
    },
  );
}

function registerPatch(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "patch", path: "/v1/partners/{id}/plan", tags, security, operationId: "updatePartnershipPlan", summary: "Change the partnership plan",
      description: "Send only the fields to change (null clears one; terms, lists and documents are replaced whole). Every change is a new version, kept with who changed which fields. With If-Match (the plan's ETag) a plan changed since is 412; without it the change is applied to the plan as it is now, so another person's edit to other fields is never lost.",
      request: { params: idParam, body: jsonBody(planPatch) },
      responses: { 200: jsonResponse(planResource, "The plan as stored"), ...bodyWriteErrors },
    }),
    async (c) => {
      const patch = c.req.valid("json");
      const db = c.get("db");
      const { workspaceId, memberId } = c.get("caller");
      const id = c.req.valid("param").id;
      const answer = await patchWithRetry(c, () => loadForPlan(db, workspaceId, id), "Partnership plan", (current) => {
        const now = c.get("now").toISOString();
        const before = JSON.parse(current.row.plan_json) as PartnershipPlan;
        const after = applyPlanPatch(before, patch);
        const body = planResourceOf({ ...current.row, plan_json: JSON.stringify(after), plan_version: current.version + 1, updated_at: now });
        return respond(c, {
          statements: planUpdate(db, current.row, after, memberId, now),
          audit: [{ entity: "partner", entityId: id, action: "update", before: { plan: before }, after: { plan: after } }],
          status: 200,
          body,
          version: body.version,
        });
      });
      await rescoreAfterWrite(db, workspaceId, id, c.get("now"));
      return answer;
    },
  );
}

function registerHistory(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get", path: "/v1/partners/{id}/plan/history", tags, security, operationId: "listPartnershipPlanVersions",
      summary: "The plan's versions: who changed which fields, and when",
      description: "Newest first; `before` pages back. Each version lists its field-level changes; fetch any version whole to compare two.",
      request: { params: idParam, query: planHistoryQuery },
      responses: { 200: jsonResponse(z.object({ items: z.array(planVersion) }), "Versions, newest first"), ...readErrors },
    }),
    async (c) => {
      const db = c.get("db");
      const { workspaceId } = c.get("caller");
      const id = c.req.valid("param").id;
      if (!(await loadPartnerRow(db, workspaceId, id))) throw notFound("Partner");
      const query = c.req.valid("query");
      return c.json({ items: await planHistory(db, workspaceId, id, query.limit, query.before) }, 200);
    },
  );
}

function registerVersion(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get", path: "/v1/partners/{id}/plan/versions/{version}", tags, security, operationId: "getPartnershipPlanVersion",
      summary: "One version of the plan, whole",
      request: { params: planVersionParams },
      responses: { 200: jsonResponse(planVersionWhole, "The plan as it was at that version"), ...readErrors },
    }),
    async (c) => {
      const db = c.get("db");
      const { workspaceId } = c.get("caller");
      const { id, version } = c.req.valid("param");
      if (!(await loadPartnerRow(db, workspaceId, id))) throw notFound("Partner");
      const found = await planAtVersion(db, workspaceId, id, version);
      if (!found) throw notFound("Plan version");
      return c.json(found, 200);
    },
  );
}
