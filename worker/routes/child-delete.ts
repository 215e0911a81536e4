import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { z } from "zod";
import { isRestorable, restoreWindowDays } from "../../shared/records/restore-window.ts";
import { errorBody } from "../../shared/schemas/common.ts";
import { ApiError, notFound } from "../api-error.ts";
import type { ChildRow } from "../db/child-records.ts";
import { loadDeleted, moveToTrash, restoreFromTrash, type RowToDelete } from "../db/deleted-records.ts";
import { rescoreAfterWrite } from "../db/health-store.ts";
import { loadPartnerRow } from "../db/partner-record.ts";
import type { TrackedDb } from "../db/tracked-db.ts";
import type { AppEnv } from "../env.ts";
import { idParam, jsonResponse, operation, writeErrors } from "../http/openapi-parts.ts";
import { callerScope } from "../http/caller-scope.ts";
import { patchWithRetry } from "../http/patch-with-retry.ts";
import { respond, respondNoContent } from "../http/respond.ts";
import type { ChildResource, WriteContext } from "./child-resource.ts";

/** The six record types and their tables, for putting back what a delete took along. */
const tableOf = (recordType: string) => `${recordType}s`;

const gone = { content: { "application/json": { schema: errorBody } }, description: `Deleted more than ${restoreWindowDays} days ago` };

type LoadRow<Row> = (db: TrackedDb, workspaceId: string, id: string) => Promise<Row | null>;

interface Routes<Row extends ChildRow, Api extends object> {
  app: OpenAPIHono<AppEnv>;
  resource: ChildResource<Row, Api, z.ZodType, z.ZodType>;
  loadRow: LoadRow<Row>;
}

/** DELETE and POST …/restore for one of a partner's records. */
export function registerDeleteAndRestore<Row extends ChildRow, Api extends object, Create extends z.ZodType, Patch extends z.ZodType>(
  app: OpenAPIHono<AppEnv>,
  resource: ChildResource<Row, Api, Create, Patch>,
  loadRow: LoadRow<Row>,
): void {
  const routes: Routes<Row, Api> = { app, resource: resource as unknown as Routes<Row, Api>["resource"], loadRow };
  registerDelete(routes);
  registerRestore(routes);
}

function registerDelete<Row extends ChildRow, Api extends object>({ app, resource, loadRow }: Routes<Row, Api>): void {
  app.openapi(
    createRoute({
      method: "delete", path: `/v1/${resource.collection}/{id}`,
      ...operation(resource.tag, `delete${resource.label}`, `Delete a ${resource.entity}`,
        `Leaves every list, lookup, count and the health score at once; restorable for ${restoreWindowDays} days with POST /v1/${resource.collection}/{id}/restore. Deleting it again is 204. If-Match makes it conditional.`),
      request: { params: idParam },
      responses: { 204: { description: "Deleted (restorable)" }, ...writeErrors },
    }),
    async (c) => {
      const id = c.req.valid("param").id;
      const { db, workspaceId, now: clock } = callerScope(c);
      const now = clock.toISOString();
      const { memberId } = c.get("caller");
      // A retried delete (the outbox resends after a lost answer) is done, not missing.
      if (!(await loadRow(db, workspaceId, id)) && (await loadDeleted(db, workspaceId, resource.entity, id)).length > 0) {
        return c.body(null, 204);
      }
      let partnerId: string | null = null;
      const answer = await patchWithRetry(c, () => loadRow(db, workspaceId, id), resource.label, async (current) => {
        const refusal = resource.refuseDelete?.(current);
        if (refusal) throw new ApiError(409, "conflict", refusal);
        partnerId = current.partner_id;
        const context: WriteContext = { db, workspaceId, partnerId: current.partner_id, now };
        const rows: RowToDelete[] = [
          { table: resource.table, recordType: resource.entity, row: current },
          ...((await resource.deleteAlong?.(current, context)) ?? []),
        ];
        return respondNoContent(c, {
          statements: [...moveToTrash(db, rows, memberId, now), ...(resource.afterWrite?.(context) ?? [])],
          audit: rows.map((row, index) => ({
            entity: row.recordType, entityId: row.row.id, action: "archive" as const,
            before: index === 0 ? resource.toApi(current) : { deleted_with: id },
          })),
          status: 204,
          body: null,
        });
      });
      if (resource.affectsHealth && partnerId !== null) await rescoreAfterWrite(db, workspaceId, partnerId, clock);
      return answer;
    },
  );
}

function registerRestore<Row extends ChildRow, Api extends object>({ app, resource, loadRow }: Routes<Row, Api>): void {
  app.openapi(
    createRoute({
      method: "post", path: `/v1/${resource.collection}/{id}/restore`,
      ...operation(resource.tag, `restore${resource.label}`, `Restore a deleted ${resource.entity}`,
        `Puts the ${resource.entity} back as it was (one version on), with whatever its delete took along. Restoring a ${resource.entity} that is not deleted answers it as it is.`),
      request: { params: idParam },
      responses: { 200: jsonResponse(resource.apiSchema, `The restored ${resource.entity}`), ...writeErrors, 410: gone },
    }),
    async (c) => {
      const id = c.req.valid("param").id;
      const { db, workspaceId, now } = callerScope(c);
      const live = await loadRow(db, workspaceId, id);
      if (live) {
        c.header("ETag", `"${live.version}"`);
        return c.json(resource.toApi(live), 200);
      }
      const records = await loadDeleted(db, workspaceId, resource.entity, id);
      const main = records.find((record) => record.id === id);
      if (!main) throw notFound(resource.label);
      if (!isRestorable(main.deleted_at, now)) {
        throw new ApiError(410, "gone", `This ${resource.entity} was deleted on ${main.deleted_at.slice(0, 10)}; deleted records can be restored for ${restoreWindowDays} days`);
      }
      if (!(await loadPartnerRow(db, workspaceId, main.partner_id))) {
        throw new ApiError(409, "conflict", `Its partner is archived; restore the partner first (POST /v1/partners/${main.partner_id}/restore)`);
      }
      const stored = JSON.parse(main.row_json) as Row;
      const context: WriteContext = { db, workspaceId, partnerId: main.partner_id, now: now.toISOString() };
      await resource.beforeRestore?.(stored, context);
      const restored = { ...stored, version: stored.version + 1, updated_at: context.now };
      const answer = await respond(c, {
        statements: [...restoreFromTrash(db, workspaceId, records, tableOf, context.now), ...(resource.afterWrite?.(context) ?? [])],
        audit: records.map((record) => ({
          entity: record.record_type, entityId: record.id, action: "update" as const,
          before: { deleted_at: record.deleted_at }, after: { deleted_at: null },
        })),
        status: 200,
        body: resource.toApi(restored),
        version: restored.version,
      });
      if (resource.affectsHealth) await rescoreAfterWrite(db, workspaceId, main.partner_id, now);
      return answer;
    },
  );
}
