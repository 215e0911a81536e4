import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { partnerPlan, planSharing, planSharingState } from "../../shared/schemas/sharing.ts";
import { setPlanVisibility, theirSharedPlan } from "../db/shared-plan.ts";
import type { AppEnv } from "../env.ts";
import { bodyWriteErrors, idParam, jsonBody, jsonResponse, readErrors } from "../http/openapi-parts.ts";
import { respond } from "../http/respond.ts";
import { partnerInScope, planRoute } from "./plan.ts";

const shareRoute = createRoute({
  method: "post", path: "/v1/partners/{id}/plan/sharing",
  ...planRoute("sharePartnershipPlan", "Share the plan with the connected partner company, or keep it private",
    "One action: {\"visibility\":\"shared\"} lets the partner company's workspace read the plan (GET /v1/partners/:id/partner-plan on their side) while connected; \"private\" takes it back at once."),
  request: { params: idParam, body: jsonBody(planSharing) },
  responses: { 200: jsonResponse(planSharingState, "Who sees the plan now"), ...bodyWriteErrors },
});

const theirPlanRoute = createRoute({
  method: "get", path: "/v1/partners/{id}/partner-plan",
  ...planRoute("getPartnerCompanyPlan", "The connected partner company's own plan for this partnership, if they share it",
    "shared is null when the partner is not connected or keeps its plan private."),
  request: { params: idParam },
  responses: { 200: jsonResponse(partnerPlan, "Their plan, or null"), ...readErrors },
});

export function registerPlanSharingRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(shareRoute, async (c) => {
    const row = await partnerInScope(c, c.req.valid("param").id);
    const { visibility } = c.req.valid("json");
    const body = { partner_id: row.id, visibility, plan_version: row.plan_version };
    // Already so: nothing to write, no audit entry.
    if (row.plan_visibility === visibility) return c.json(body, 200);
    return respond(c, {
      statements: [setPlanVisibility(c.get("db"), row.workspace_id, row.id, visibility)],
      audit: [{ entity: "partner", entityId: row.id, action: "update", before: { plan_visibility: row.plan_visibility }, after: { plan_visibility: visibility } }],
      status: 200,
      body,
    });
  });

  app.openapi(theirPlanRoute, async (c) => {
    const row = await partnerInScope(c, c.req.valid("param").id);
    return c.json({ partner_id: row.id, shared: await theirSharedPlan(c.get("db"), row.workspace_id, row.id) }, 200);
  });
}
