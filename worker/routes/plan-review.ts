import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { applyPlanPatch } from "../../shared/plan/edit.ts";
import { reviewPlan } from "../../shared/plan/review.ts";
import { planReview } from "../../shared/schemas/plan-review.ts";
import { planResource, planReviewCreate } from "../../shared/schemas/plan.ts";
import { invalidField } from "../api-error.ts";
import { loadHealthSettings } from "../db/health-store.ts";
import { loadPlanReviewFacts } from "../db/plan-review-facts.ts";
import { meetingOf } from "../db/plan-store.ts";
import type { AppEnv } from "../env.ts";
import { bodyWriteErrors, idParam, jsonBody, jsonResponse, readErrors } from "../http/openapi-parts.ts";
import { partnerInScope, planRoute, writePlan } from "./plan.ts";

export function registerPlanReviewRoutes(app: OpenAPIHono<AppEnv>): void {
  registerReview(app);
  registerRecordReview(app);
}

const reviewRoute = createRoute({
  method: "get", path: "/v1/partners/{id}/plan/review", ...planRoute("getPartnershipPlanReview", "The plan against what happened since it was last reviewed", "For the period since last_reviewed_at (or the last review_every_days): each goal's progress and pace, promises made and kept both ways, referrals both ways against the plan's targets, referral fees due under the plan's terms and whether paid, contact against the cadence, and each side's roles beside what the record shows each side did."),
  request: { params: idParam },
  responses: { 200: jsonResponse(planReview, "The review"), ...readErrors },
});

function registerReview(app: OpenAPIHono<AppEnv>): void {
  app.openapi(reviewRoute, async (c) => {
    const row = await partnerInScope(c, c.req.valid("param").id);
    const cadenceDays = row.cadence_days ?? (await loadHealthSettings(c.get("db"), row.workspace_id)).default_cadence_days;
    const facts = await loadPlanReviewFacts(c.get("db"), row, cadenceDays, c.get("now"));
    return c.json(reviewPlan(facts, row.name, c.get("now")), 200);
  });
}

const recordRoute = createRoute({
  method: "post", path: "/v1/partners/{id}/plan/reviews", ...planRoute("recordPartnershipPlanReview", "Record that the plan was reviewed in a meeting", "Save the meeting first (POST /v1/partners/{id}/meetings: its action items become commitments), then record the review here: last_reviewed_at becomes the meeting's time and the decisions, if any, change the plan. The new plan version names the meeting. If-Match (the plan's ETag) applies as for PATCH."),
  request: { params: idParam, body: jsonBody(planReviewCreate) },
  responses: { 201: jsonResponse(planResource, "The plan as reviewed"), ...bodyWriteErrors },
});

function registerRecordReview(app: OpenAPIHono<AppEnv>): void {
  app.openapi(recordRoute, async (c) => {
    const input = c.req.valid("json");
    const row = await partnerInScope(c, c.req.valid("param").id);
    const meeting = await meetingOf(c.get("db"), row, input.meeting_id);
    if (!meeting) throw invalidField("meeting_id", "is not a meeting with this partner; save the meeting first");
    const reviewed = (plan: Parameters<typeof applyPlanPatch>[0]) => ({ ...applyPlanPatch(plan, input.decisions ?? {}), last_reviewed_at: meeting.occurred_at });
    return writePlan(c, row.id, 201, reviewed, input.meeting_id);
  });
}
