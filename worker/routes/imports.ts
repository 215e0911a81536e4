import { createRoute, type OpenAPIHono, type RouteHandler } from "@hono/zod-openapi";
import { importBatch, importResult, maxImportRows, type ImportResult } from "../../shared/schemas/import.ts";
import { ApiError } from "../api-error.ts";
import { backfillPartners } from "../db/health-backfill.ts";
import type { AppEnv } from "../env.ts";
import { bodyWriteErrors, jsonBody, jsonResponse, operation } from "../http/openapi-parts.ts";
import { requireOwnerOrAdmin } from "../http/owner-or-admin.ts";
import { respond } from "../http/respond.ts";
import { planHistoryRows } from "./import-history.ts";
import { planPartnerRows } from "./import-partners.ts";
import type { PlannedRow } from "./import-plan.ts";
import { refreshLastContact } from "./interactions.ts";

const importRoute = createRoute({
  method: "post", path: "/v1/imports", request: { body: jsonBody(importBatch) },
  ...operation("Import and export", "importRows", "Import a batch of partners, contacts or history rows (owners and admins)",
    `Up to ${maxImportRows} rows of one kind. Partners are matched by Salesforce id, HubSpot id or domain (by exact name when a ` +
    "row has none), contacts by email, history rows by source_id or, without one, by their content: a matched record is " +
    "updated with the fields the row has, or left unchanged. With dry_run the answer says what each row would do and " +
    "nothing is written. Without it, a batch with any error row is refused whole (400, each issue naming rows.<i>.<field> " +
    "and the row number); otherwise every row lands in one all-or-nothing batch. After history rows land, the partners' " +
    "daily health for the past 180 days is recomputed from the history as it stood each day (backfilled snapshots)."),
  responses: { 200: jsonResponse(importResult, "What each row did (or would do, with dry_run)"), ...bodyWriteErrors },
});

function resultOf(kind: ImportResult["kind"], dryRun: boolean, planned: PlannedRow[], backfilled: number): ImportResult {
  const count = (action: string) => planned.filter((plan) => plan.outcome.action === action).length;
  return {
    kind, dry_run: dryRun, created: count("create"), updated: count("update"), unchanged: count("unchanged"), errors: count("error"),
    rows: planned.map((plan) => plan.outcome), backfilled_partners: backfilled,
  };
}

/** A real run with bad rows writes none of them, and says which and why. */
function refuseErrors(rows: PlannedRow[]): void {
  const bad = rows.flatMap((plan, index) => (plan.outcome.action === "error" ? [{ index, outcome: plan.outcome }] : []));
  if (bad.length === 0) return;
  const issues = bad.map(({ index, outcome }) => ({ path: `rows.${index}.${outcome.field}`, message: `row ${outcome.row}: ${outcome.message}` }));
  throw new ApiError(400, "invalid_request", `${bad.length} row${bad.length === 1 ? "" : "s"} can't be imported; first: ${issues[0]!.message}`, issues);
}

const importRows: RouteHandler<typeof importRoute, AppEnv> = async (c) => {
  const caller = c.get("caller");
  requireOwnerOrAdmin(caller, "import records");
  const batch = c.req.valid("json");
  const db = c.get("db");
  const now = c.get("now");
  const context = { db, workspaceId: caller.workspaceId, memberId: caller.memberId, now: now.toISOString() };
  const planned = batch.kind === "partners" ? await planPartnerRows(batch.rows, context) : await planHistoryRows(batch.kind, batch.rows, context);
  if (batch.dry_run) return c.json(resultOf(batch.kind, true, planned, 0), 200);
  refuseErrors(planned);
  const written = planned.filter((plan) => plan.outcome.action === "create" || plan.outcome.action === "update");
  const touched = [...new Set(written.flatMap((plan) => (plan.partnerId ? [plan.partnerId] : [])))];
  const lastContact = batch.kind === "interactions" ? touched.flatMap((partnerId) => refreshLastContact({ ...context, partnerId, now: context.now })) : [];
  const answer = await respond(c, {
    statements: [...written.flatMap((plan) => plan.statements), ...lastContact],
    audit: written.flatMap((plan) => plan.audit),
    status: 200,
    body: resultOf(batch.kind, false, planned, 0),
    answer: async () => {
      // Derived: if the backfill fails the rows still stand, and the nightly job scores them from tomorrow.
      let backfilled = 0;
      if (batch.kind !== "partners" && batch.kind !== "contacts") {
        try {
          backfilled = await backfillPartners(db, caller.workspaceId, touched, now);
        } catch (error) {
          console.error("backfilling imported partners failed; their trends start today", error);
        }
      }
      return { body: resultOf(batch.kind, false, planned, backfilled), version: 1 };
    },
  });
  return answer;
};

export function registerImportRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(importRoute, importRows);
}
