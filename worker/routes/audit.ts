import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { auditEntry, auditQuery } from "../../shared/schemas/audit.ts";
import { listEnvelope } from "../../shared/schemas/common.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../api-error.ts";
import { jsonResponse, readErrors, security, writeErrors } from "../http/openapi-parts.ts";
import { readAuditLog } from "../db/audit-log.ts";

export function registerAuditRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get", path: "/v1/audit", tags: ["Audit"], security, operationId: "listAuditEntries",
      summary: "Who changed what, newest first",
      description: "Owners and admins only. Filter by record (record_type and record_id), by member, and by time " +
        "(since inclusive, until exclusive). Each entry names the token and the request that made it.",
      request: { query: auditQuery },
      responses: { 200: jsonResponse(listEnvelope(auditEntry), "A page of audit entries"), ...readErrors, 403: writeErrors[403] },
    }),
    async (c) => {
      const { role, workspaceId } = c.get("caller");
      if (role !== "owner" && role !== "admin") {
        throw new ApiError(403, "forbidden", "Only the workspace's owners and admins read the audit log");
      }
      const query = c.req.valid("query");
      const page = await readAuditLog(
        c.get("db"), workspaceId,
        { recordType: query.record_type, recordId: query.record_id, memberId: query.member_id, since: query.since, until: query.until },
        { limit: query.limit, cursor: query.cursor },
      );
      return c.json({ items: page.items, next_cursor: page.nextCursor }, 200);
    },
  );
}
