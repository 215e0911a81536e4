import { createRoute, type OpenAPIHono, type RouteHandler } from "@hono/zod-openapi";
import { z } from "zod";

import { healthHistory, healthSettings, healthTrends, healthTrendsQuery, traitWeights } from "../../shared/schemas/health.ts";
import type { AppEnv } from "../env.ts";
import { ApiError, notFound } from "../api-error.ts";
import { idParam, jsonBody, jsonResponse, operation, readErrors, bodyWriteErrors } from "../http/openapi-parts.ts";
import { callerScope } from "../http/caller-scope.ts";
import { captureSettings } from "../../shared/schemas/capture.ts";
import { loadCaptureSettings } from "../db/captures.ts";
import { loadHealthSettings } from "../db/health-store.ts";
import { loadSharingSettings, saveSharingSettings } from "../db/sharing-settings.ts";
import { sharingSettings } from "../../shared/schemas/workspace-settings.ts";
import { loadPartnerRow } from "../db/partner-record.ts";
import { inChunks, placeholders } from "../db/sql.ts";
import { respond } from "../http/respond.ts";

interface SnapshotRow {
  day: string;
  score: number | null;
  band: "healthy" | "watch" | "at_risk" | "insufficient_data";
  confidence: number;
  formula_version: string;
  traits_json: string;
  backfilled: number;
}

const historyQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(730).default(180) });

const settingsBody = z.strictObject({ health: healthSettings, capture: captureSettings, sharing: sharingSettings });
const settingsPatch = z
  .strictObject({
    health: z.strictObject({ weights: traitWeights.partial(), default_cadence_days: healthSettings.shape.default_cadence_days }).partial().optional(),
    capture: captureSettings.partial().optional(),
    sharing: sharingSettings.optional(),
  })
  .refine((patch) => patch.health !== undefined || patch.capture !== undefined || patch.sharing !== undefined, { message: "send health, capture or sharing settings to change" })
  .meta({ id: "WorkspaceSettingsPatch" });

const trendsRoute = createRoute({
  method: "get", path: "/v1/health/trends", request: { query: healthTrendsQuery },
  ...operation("Health", "getHealthTrends", "Several partners' daily scores at once, oldest first",
    "For sparklines: one item per requested partner of this workspace, in the order asked (partner_id repeated, up to 100), each with its days and scores; ids that are not this workspace's partners are left out."),
  responses: { 200: jsonResponse(healthTrends, "The trends"), ...readErrors },
});

const historyRoute = createRoute({
  method: "get", path: "/v1/partners/{id}/health/history", request: { params: idParam, query: historyQuery },
  ...operation("Health", "getPartnerHealthHistory", "A partner's daily health scores, oldest first",
    "One point per day on which the score was computed (every write that changes the partner's history, and nightly). formula_changed marks the first point made by a new formula version: compare across it with care."),
  responses: { 200: jsonResponse(healthHistory, "The trend"), ...readErrors },
});

const settingsReadRoute = createRoute({
  method: "get", path: "/v1/workspace/settings",
  ...operation("Workspace", "getWorkspaceSettings", "The workspace's health-score weights, default cadence and what the extension may capture"),
  responses: { 200: jsonResponse(settingsBody, "Current settings (defaults where never set)"), ...readErrors },
});

const settingsPatchRoute = createRoute({
  method: "patch", path: "/v1/workspace/settings", request: { body: jsonBody(settingsPatch) },
  ...operation("Workspace", "updateWorkspaceSettings", "Change the health-score weights, default cadence or capture settings (owners and admins)",
    "Weights are relative (0–10 each, at least one above 0). Every partner is re-scored with the new settings the next time it is read, and nightly. capture.email (default true) lets the extension log the emails on screen; capture.subjects (default false) lets it keep their subjects. " +
      "sharing.default_visibility (default private) is what the sidebar's Share toggle starts from; a record sent without a visibility is still private."),
  responses: { 200: jsonResponse(settingsBody, "The new settings"), ...bodyWriteErrors },
});

const trends: RouteHandler<typeof trendsRoute, AppEnv> = async (c) => {
  const { db, workspaceId, now } = callerScope(c);
  const query = c.req.valid("query");
  const ids = [...new Set(query.partner_id)];
  const since = new Date(now.getTime() - query.days * 86_400_000).toISOString().slice(0, 10);
  const rows = (await Promise.all(inChunks(ids).map((group) => db.all<{ id: string; day: string | null; score: number | null; backfilled: number | null }>(
    // The partner row says the id is this workspace's; its snapshots (none is fine) come with it.
    `SELECT p.id, s.day, s.score, s.backfilled FROM partners p
       LEFT JOIN health_snapshots s ON s.workspace_id = p.workspace_id AND s.partner_id = p.id AND s.day >= ?
      WHERE p.workspace_id = ? AND p.id IN (${placeholders(group)})
      ORDER BY p.id, s.day`,
    since, workspaceId, ...group,
  )))).flat();
  const points = new Map<string, { day: string; score: number | null; backfilled: boolean }[]>();
  for (const row of rows) {
    const series = points.get(row.id) ?? [];
    if (row.day !== null) series.push({ day: row.day, score: row.score, backfilled: row.backfilled === 1 });
    points.set(row.id, series);
  }
  const items = ids.flatMap((id) => (points.has(id) ? [{ partner_id: id, points: points.get(id)! }] : []));
  return c.json({ items }, 200);
};

const history: RouteHandler<typeof historyRoute, AppEnv> = async (c) => {
  const { db, workspaceId, now } = callerScope(c);
  const partnerId = c.req.valid("param").id;
  if (!(await loadPartnerRow(db, workspaceId, partnerId))) throw notFound("Partner");
  const since = new Date(now.getTime() - c.req.valid("query").days * 86_400_000).toISOString().slice(0, 10);
  const rows = await db.all<SnapshotRow>(
    `SELECT day, score, band, confidence, formula_version, traits_json, backfilled FROM health_snapshots
      WHERE workspace_id = ? AND partner_id = ? AND day >= ? ORDER BY day`,
    workspaceId, partnerId, since,
  );
  const items = rows.map((row, index) => ({
    day: row.day, score: row.score, band: row.band, confidence: row.confidence, version: row.formula_version,
    traits: JSON.parse(row.traits_json) as z.infer<typeof healthHistory>["items"][number]["traits"],
    formula_changed: index > 0 && rows[index - 1]!.formula_version !== row.formula_version,
    backfilled: row.backfilled === 1,
  }));
  return c.json({ partner_id: partnerId, items }, 200);
};

const readSettings: RouteHandler<typeof settingsReadRoute, AppEnv> = async (c) => {
  const { db, workspaceId } = callerScope(c);
  const sharing = await loadSharingSettings(db, workspaceId);
  return c.json({ health: await loadHealthSettings(db, workspaceId), capture: await loadCaptureSettings(db, workspaceId), sharing }, 200);
};

const patchSettings: RouteHandler<typeof settingsPatchRoute, AppEnv> = async (c) => {
  const caller = c.get("caller");
  if (caller.role !== "owner" && caller.role !== "admin") {
    throw new ApiError(403, "forbidden", "Only owners and admins change workspace settings");
  }
  const db = c.get("db");
  const patch = c.req.valid("json");
  const current = {
    health: await loadHealthSettings(db, caller.workspaceId), capture: await loadCaptureSettings(db, caller.workspaceId),
    sharing: await loadSharingSettings(db, caller.workspaceId),
  };
  const merged = settingsBody.safeParse({
    health: {
      weights: { ...current.health.weights, ...patch.health?.weights },
      default_cadence_days: patch.health?.default_cadence_days ?? current.health.default_cadence_days,
    },
    capture: { ...current.capture, ...patch.capture },
    sharing: { ...current.sharing, ...patch.sharing },
  });
  if (!merged.success) {
    throw new ApiError(400, "invalid_request", "health.weights: at least one trait needs a weight above 0", [
      { path: "health.weights", message: "at least one trait needs a weight above 0" },
    ]);
  }
  const workspace = await db.first<{ settings_json: string }>("SELECT settings_json FROM workspaces WHERE id = ?", caller.workspaceId);
  // The sharing default has a column of its own; the rest stays in settings_json.
  const { sharing, ...inJson } = merged.data;
  const settings = { ...(JSON.parse(workspace?.settings_json ?? "{}") as object), ...inJson };
  return respond(c, {
    statements: [
      db.prepare("UPDATE workspaces SET settings_json = ? WHERE id = ?", JSON.stringify(settings), caller.workspaceId),
      // Stored scores were made with the old weights: re-score on next read.
      ...(patch.health ? [db.prepare("UPDATE partners SET health_json = NULL WHERE workspace_id = ?", caller.workspaceId)] : []),
      saveSharingSettings(db, caller.workspaceId, sharing),
    ],
    audit: [{ entity: "workspace", entityId: caller.workspaceId, action: "update", before: current, after: merged.data }],
    status: 200,
    body: merged.data,
  });
};

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(trendsRoute, trends);
  app.openapi(historyRoute, history);
  app.openapi(settingsReadRoute, readSettings);
  app.openapi(settingsPatchRoute, patchSettings);
}
