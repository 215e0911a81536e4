import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { applyPlanPatch } from "../../shared/plan/edit.ts";
import { reviewPlan } from "../../shared/plan/review.ts";
import { planReview } from "../../shared/schemas/plan-review.ts";
import { planResource, planReviewCreate, type PartnershipPlan } from "../../shared/schemas/plan.ts";
import { invalidField, notFound } from "../api-error.ts";
import { loadHealthSettings, rescoreAfterWrite } from "../db/health-store.ts";
import { loadPartnerRow } from "../db/partner-record.ts";
import { loadPlanReviewFacts } from "../db/plan-review-facts.ts";
import { planResourceOf, planUpdate } from "../db/plan-store.ts";
import type { AppEnv } from "../env.ts";
import { bodyWriteErrors, idParam, jsonBody, jsonResponse, readErrors, security } from "../http/openapi-parts.ts";
import { patchWithRetry } from "../http/patch-with-retry.ts";
import { respond } from "../http/respond.ts";
import { loadForPlan } from "./plan.ts";

const tags = ["Partnership plan"];

export function registerPlanReviewRoutes(app: OpenAPIHono<AppEnv>): void {
  registerReview(app);
  registerRecordReview(app);
}

function registerReview(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get", path: "/v1/partners/{id}/plan/review", tags, security, operationId: "getPartnershipPlanReview",
      summary: "The plan against what happened since it was last reviewed",
      description: "For the period since last_reviewed_at (or the last review_every_days): each goal's progress and pace, promises made and kept both ways, referrals both ways against the plan's targets, referral fees due under the plan's terms and whether paid, contact against the cadence, and each side's roles beside what the record shows each side did.",
      request: { params: idParam },
      responses: { 200: jsonResponse(planReview, "The review"), ...readErrors },
    }),
    async (c) => {
      const db = c.get("db");
      const { workspaceId } = c.get("caller");
      const row = await loadPartnerRow(db, workspaceId, c.req.valid("param").id);
      if (!row) throw notFound("Partner");
      const cadenceDays = row.cadence_days ?? (await loadHealthSettings(db, workspaceId)).default_cadence_days;
      const facts = await loadPlanReviewFacts(db, row, cadenceDays, c.get("now"));
      return c.json(reviewPlan(facts, row.name, c.get("now")), 200);
    },
  );
}

function registerRecordReview(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "post", path: "/v1/partners/{id}/plan/reviews", tags, security, operationId: "recordPartnershipPlanReview",
      summary: "Record that the plan was reviewed in a meeting",
      description: "Save the meeting first (POST /v1/partners/{id}/meetings: its action items become commitments), then record the review here: last_reviewed_at becomes the meeting's time and the decisions, if any, change the plan. The new plan version names the meeting. If-Match (the plan's ETag) applies as for PATCH.",
      request: { params: idParam, body: jsonBody(planReviewCreate) },
      responses: { 201: jsonResponse(planResource, "The plan as reviewed"), ...bodyWriteErrors },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const db = c.get("db");
      const { workspaceId, memberId } = c.get("caller");
      const id = c.req.valid("param").id;
      if (!(await loadPartnerRow(db, workspaceId, id))) throw notFound("Partner");
      const meeting = await db.first<{ occurred_at: string }>(
        "SELECT occurred_at FROM meetings WHERE id = ? AND workspace_id = ? AND partner_id = ?", input.meeting_id, workspaceId, id,
      );
      if (!meeting) throw invalidField("meeting_id", "is not a meeting with this partner; save the meeting first");
      const answer = await patchWithRetry(c, () => loadForPlan(db, workspaceId, id), "Partnership plan", (current) => {
        const now = c.get("now").toISOString();
        const before = JSON.parse(current.row.plan_json) as PartnershipPlan;
        const after = { ...applyPlanPatch(before, input.decisions ?? {}), last_reviewed_at: meeting.occurred_at };
        const body = planResourceOf({ ...current.row, plan_json: JSON.stringify(after), plan_version: current.version + 1, updated_at: now });
        c.header("Location", `/v1/partners/${id}/plan/versions/${body.version}`);
        return respond(c, {
          statements: planUpdate(db, current.row, after, memberId, now, input.meeting_id),
          audit: [{ entity: "partner", entityId: id, action: "update", before: { plan: before }, after: { plan: after, meeting_id: input.meeting_id } }],
          status: 201,
          body,
          version: body.version,
        });
      });
      await rescoreAfterWrite(db, workspaceId, id, c.get("now"));
      return answer;
    },
  );
}
