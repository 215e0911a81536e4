import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { newId, type IdPrefix } from "../../shared/ids.ts";
import { listCursor, listEnvelope } from "../../shared/schemas/common.ts";
import type { AppEnv } from "../env.ts";
import { notFound } from "../http/api-error.ts";
import { idParam, jsonBody, jsonResponse, readErrors, security, writeErrors } from "../http/openapi-parts.ts";
import { respond } from "../http/respond.ts";
import { commitWrite } from "../db/commit-write.ts";
import { decodeCursor, pageOf } from "../db/cursor.ts";
import { loadPartnerRow } from "../db/partner-record.ts";
import { patchWithRetry } from "../db/patch-with-retry.ts";
import { rescoreAfterWrite } from "../db/rescore-after-write.ts";
import { guardedUpdate } from "../db/stale-write-guard.ts";
import type { TrackedDb } from "../db/tracked-db.ts";

export interface ChildRow {
  id: string;
  workspace_id: string;
  partner_id: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface WriteContext {
  c: Context<AppEnv>;
  db: TrackedDb;
  workspaceId: string;
  partnerId: string;
  now: string;
}

/**
 * A record that belongs to one partner (contact, interaction, commitment,
 * referral, goal, meeting). Each gets the same four routes: add and list under
 * its partner, read and change by id.
 */
export interface ChildResource<Row extends ChildRow, Api, Create extends z.ZodType, Patch extends z.ZodType> {
  collection: string;
  entity: string;
  label: string;
  tag: string;
  table: string;
  prefix: IdPrefix;
  /** Column the partner's list is ordered by, newest first. */
  listOrder: "created_at" | "occurred_at" | "submitted_at";
  apiSchema: z.ZodType<Api>;
  createSchema?: Create;
  patchSchema: Patch;
  toApi(row: Row): Api;
  /** Every column but id, workspace_id, partner_id, version and updated_at. */
  insertColumns?(input: z.output<Create>, context: WriteContext): Promise<Record<string, unknown>> | Record<string, unknown>;
  /** The columns a change sets; throws ApiError naming the field when it can't apply. */
  patchColumns(current: Row, patch: z.output<Patch>, context: WriteContext): Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Whether a write changes what the health score reads (contacts don't). */
  affectsHealth: boolean;
  /** Statements that keep the partner's derived columns true after a write. */
  afterWrite?(context: WriteContext): D1PreparedStatement[];
}

const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: listCursor.optional(),
});

export function registerChildResource<Row extends ChildRow, Api, Create extends z.ZodType, Patch extends z.ZodType>(
  app: OpenAPIHono<AppEnv>,
  resource: ChildResource<Row, Api, Create, Patch>,
): void {
  const tags = [resource.tag];
  const loadRow = (db: TrackedDb, workspaceId: string, id: string) =>
    db.first<Row>(
      `SELECT r.* FROM ${resource.table} r JOIN partners p ON p.id = r.partner_id AND p.workspace_id = r.workspace_id
        WHERE r.id = ? AND r.workspace_id = ? AND p.archived_at IS NULL`,
      id, workspaceId,
    );
  const contextOf = (c: Context<AppEnv>, partnerId: string): WriteContext => ({
    c, db: c.get("db"), workspaceId: c.get("caller").workspaceId, partnerId, now: c.get("now").toISOString(),
  });

  if (resource.createSchema && resource.insertColumns) {
    const createSchema = resource.createSchema;
    const insertColumns = resource.insertColumns;
    app.openapi(
      createRoute({
        method: "post", path: `/v1/partners/{id}/${resource.collection}`, tags, security,
        summary: `Add a ${resource.entity} to a partner`,
        request: { params: idParam, body: jsonBody(createSchema) },
        responses: { 201: jsonResponse(resource.apiSchema, `The new ${resource.entity}`), ...writeErrors },
      }),
      async (c) => {
        const partnerId = (c.req.valid("param" as never) as { id: string }).id;
        const context = contextOf(c, partnerId);
        if (!(await loadPartnerRow(context.db, context.workspaceId, partnerId))) throw notFound("Partner");
        const input = c.req.valid("json" as never) as z.output<Create>;
        const id = newId(resource.prefix);
        const columns = {
          id, workspace_id: context.workspaceId, partner_id: partnerId,
          ...(await insertColumns(input, context)),
          version: 1, updated_at: context.now,
        } as Record<string, unknown>;
        columns.created_at ??= context.now;
        const names = Object.keys(columns);
        const body = resource.toApi(columns as unknown as Row);
        c.header("Location", `/v1/${resource.collection}/${id}`);
        return respond(rescoreAfterWrite(c, resource.affectsHealth ? partnerId : null, commitWrite(c, {
          statements: [
            context.db.prepare(
              `INSERT INTO ${resource.table} (${names.join(", ")}) VALUES (${names.map(() => "?").join(", ")})`,
              ...Object.values(columns),
            ),
            ...(resource.afterWrite?.(context) ?? []),
          ],
          audit: [{ entity: resource.entity, entityId: id, action: "create", after: body }],
          status: 201,
          body,
          version: 1,
        })));
      },
    );
  }

  app.openapi(
    createRoute({
      method: "get", path: `/v1/partners/{id}/${resource.collection}`, tags, security,
      summary: `List a partner's ${resource.collection}, newest first`,
      request: { params: idParam, query: listQuery },
      responses: { 200: jsonResponse(listEnvelope(resource.apiSchema), `A page of ${resource.collection}`), ...readErrors },
    }),
    async (c) => {
      const partnerId = c.req.valid("param").id;
      const { limit, cursor } = c.req.valid("query");
      const db = c.get("db");
      const { workspaceId } = c.get("caller");
      if (!(await loadPartnerRow(db, workspaceId, partnerId))) throw notFound("Partner");
      const order = resource.listOrder;
      const params: unknown[] = [workspaceId, partnerId];
      let after = "";
      if (cursor) {
        const [key, id] = decodeCursor(cursor);
        after = ` AND (${order} < ? OR (${order} = ? AND id < ?))`;
        params.push(key, key, id);
      }
      const rows = await db.all<Row & Record<string, string>>(
        `SELECT * FROM ${resource.table} WHERE workspace_id = ? AND partner_id = ?${after}
          ORDER BY ${order} DESC, id DESC LIMIT ?`,
        ...params, limit + 1,
      );
      const page = pageOf(rows, limit, (row) => [row[order]!, row.id]);
      return c.json({ items: page.items.map((row) => resource.toApi(row)), next_cursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get", path: `/v1/${resource.collection}/{id}`, tags, security,
      summary: `Get a ${resource.entity}`,
      request: { params: idParam },
      responses: { 200: jsonResponse(resource.apiSchema, `The ${resource.entity}; its version is also the ETag`), ...readErrors },
    }),
    async (c) => {
      const row = await loadRow(c.get("db"), c.get("caller").workspaceId, c.req.valid("param").id);
      if (!row) throw notFound(resource.label);
      c.header("ETag", `"${row.version}"`);
      return c.json(resource.toApi(row) as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch", path: `/v1/${resource.collection}/{id}`, tags, security,
      summary: `Change a ${resource.entity}`,
      description: "Send only the fields to change. If-Match with the ETag makes the change conditional (412 if someone changed it since).",
      request: { params: idParam, body: jsonBody(resource.patchSchema) },
      responses: { 200: jsonResponse(resource.apiSchema, `The changed ${resource.entity}`), ...writeErrors },
    }),
    async (c) => {
      const id = (c.req.valid("param" as never) as { id: string }).id;
      const patch = c.req.valid("json" as never) as z.output<Patch>;
      const db = c.get("db");
      const { workspaceId } = c.get("caller");
      let partnerId: string | null = null;
      const written = patchWithRetry(c, () => loadRow(db, workspaceId, id), resource.label, async (current) => {
        partnerId = current.partner_id;
        const context = contextOf(c, current.partner_id);
        const columns = await resource.patchColumns(current, patch, context);
        const updated = { ...current, ...columns, version: current.version + 1, updated_at: context.now } as Row;
        const body = resource.toApi(updated);
        return {
          statements: [
            ...guardedUpdate(db, { table: resource.table, id, workspaceId, expectedVersion: current.version, set: columns, now: context.now }),
            ...(resource.afterWrite?.(context) ?? []),
          ],
          audit: [{ entity: resource.entity, entityId: id, action: "update", before: resource.toApi(current), after: body }],
          status: 200,
          body,
          version: updated.version,
        };
      });
      return respond(written.then((response) => rescoreAfterWrite(c, resource.affectsHealth ? partnerId : null, Promise.resolve(response))));
    },
  );
}

/** Copies the fields a patch carries, renaming where the column differs. */
export function copyDefined(patch: Record<string, unknown>, rename: Record<string, string> = {}, json: string[] = []): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const column = rename[field] ?? field;
    columns[column] = json.includes(field) ? JSON.stringify(value) : value;
  }
  return columns;
}
