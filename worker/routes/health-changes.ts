import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { healthChanges } from "../../shared/health/changes.ts";
import { healthChanges as healthChangesSchema, healthChangesQuery } from "../../shared/schemas/health-changes.ts";
import { invalidField } from "../api-error.ts";
import { loadHealthSettings } from "../db/health-store.ts";
import { loadHistories } from "../db/partnership-history.ts";
import type { AppEnv } from "../env.ts";
import { callerScope } from "../http/caller-scope.ts";
import { idParam, jsonResponse, operation, readErrors } from "../http/openapi-parts.ts";
import { partnerInScope } from "./plan.ts";

const dayMs = 86_400_000;
const defaultDays = 7;
const maxDays = 365;

const changesRoute = createRoute({
  method: "get", path: "/v1/partners/{id}/health/changes", request: { params: idParam, query: healthChangesQuery },
  ...operation("Health", "getPartnerHealthChanges", "Why the partner's health changed since a day: per trait, the move and the signals that appeared or went",
    `since (YYYY-MM-DD, UTC, default ${defaultDays} days ago, at most ${maxDays} days back) is compared with now. Both scores are computed from the records as they are, read as they stood then (later records left out, promises completed later still open, referrals at the stage they had reached), so the comparison never depends on which days were snapshotted. causes lists the facts that changed in words; headline is the move with its main cause ("↓ 7: 2 promises to Brightpath became overdue").`),
  responses: { 200: jsonResponse(healthChangesSchema, "The change and its causes"), ...readErrors },
});

export function registerHealthChangesRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(changesRoute, async (c) => {
    const row = await partnerInScope(c, c.req.valid("param").id);
    const { db, workspaceId, now } = callerScope(c);
    const asked = c.req.valid("query").since;
    const since = asked ? new Date(`${asked}T00:00:00.000Z`) : new Date(now.getTime() - defaultDays * dayMs);
    const today = now.toISOString().slice(0, 10);
    if (asked && asked >= today) throw invalidField("since", "must be a day before today");
    if (now.getTime() - since.getTime() > maxDays * dayMs) throw invalidField("since", `must be at most ${maxDays} days ago`);
    const [settings, histories] = await Promise.all([loadHealthSettings(db, workspaceId), loadHistories(db, workspaceId, [row], now)]);
    return c.json({ partner_id: row.id, ...healthChanges(histories.get(row.id)!, since, now, settings) }, 200);
  });
}
