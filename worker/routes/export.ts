import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { exportPage, exportQuery } from "../../shared/schemas/export.ts";
import { exportPartners } from "../db/workspace-export.ts";
import type { AppEnv } from "../env.ts";
import { jsonResponse, operation, readErrors, writeErrors } from "../http/openapi-parts.ts";
import { requireOwnerOrAdmin } from "../http/owner-or-admin.ts";

export function registerExportRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get", path: "/v1/export", request: { query: exportQuery },
      ...operation("Import and export", "exportWorkspace", "Export the workspace, a page of partners at a time (owners and admins)",
        "Every live partner in id order, each with its contacts, interactions, commitments, referrals, goals and meetings, " +
        "as the API shows them (without the derived health score). Follow next_cursor until it is null. Paged so each " +
        "request stays within the Worker's limits however large the workspace."),
      responses: { 200: jsonResponse(exportPage, "A page of the export"), ...readErrors, 403: writeErrors[403] },
    }),
    async (c) => {
      const caller = c.get("caller");
      requireOwnerOrAdmin(caller, "export the workspace");
      const db = c.get("db");
      const { limit, cursor } = c.req.valid("query");
      const workspace = await db.first<{ id: string; name: string }>("SELECT id, name FROM workspaces WHERE id = ?", caller.workspaceId);
      const page = await exportPartners(db, caller.workspaceId, limit, cursor);
      return c.json({
        workspace: workspace ?? { id: caller.workspaceId, name: "" }, exported_at: c.get("now").toISOString(),
        items: page.items, next_cursor: page.nextCursor,
      }, 200);
    },
  );
}
