import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { newId, type IdPrefix } from "../../shared/ids.ts";
import { flipSides, isSharedKind, type SharedKind } from "../../shared/sharing/sides.ts";
import { listCursor, listEnvelope } from "../../shared/schemas/common.ts";
import { invalidField, notFound } from "../api-error.ts";
import type { ChildRow } from "../db/child-records.ts";
import type { RowToDelete } from "../db/deleted-records.ts";
import { rescoreAfterWrite } from "../db/health-store.ts";
import { bothSidesOf, loadSeenRow, seenFromHere, seenPartnerOf } from "../db/shared-records.ts";
import { loadPartnerRow } from "../db/partner-record.ts";
import { insertRow, keysetAfter, keysetOrderBy, pageOf, type KeysetOrder } from "../db/sql.ts";
import { changedFields } from "../db/commit-write.ts";
import { guardedUpdate, guardFor, watchReads } from "../db/stale-write-guard.ts";
import type { TrackedDb } from "../db/tracked-db.ts";
import type { AppEnv } from "../env.ts";
import { idParam, jsonBody, jsonResponse, readErrors, security, validJson, bodyWriteErrors } from "../http/openapi-parts.ts";
import { patchWithRetry } from "../http/patch-with-retry.ts";
import { respond } from "../http/respond.ts";
import { registerDeleteAndRestore } from "./child-delete.ts";

export interface WriteContext {
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
export interface ChildResource<Row extends ChildRow, Api extends object, Create extends z.ZodType, Patch extends z.ZodType> {
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
  /** Optional exact-match filters for the partner's list: query parameter = column name, each indexed. */
  listFilters?: Record<string, z.ZodString>;
  /** Statements that keep the partner's derived columns true after a write (a delete and a restore too). */
  afterWrite?(context: WriteContext): D1PreparedStatement[];
  /** Why this record can't be deleted on its own, if it can't. */
  refuseDelete?(row: Row): string | undefined;
  /** Rows that go (and come back) with this one: a meeting's interaction. */
  deleteAlong?(row: Row, context: WriteContext): Promise<RowToDelete[]>;
  /** Throws ApiError naming the field when the row can't come back (its email now another contact's). */
  beforeRestore?(row: Row, context: WriteContext): Promise<void>;
}

const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: listCursor.optional(),
});

/** A record of this resource, by id: this workspace's (partner not archived), or the connected partner's shared one. */
function rowLoader<Row extends ChildRow>(table: string, crosses: boolean) {
  return (db: TrackedDb, workspaceId: string, id: string) =>
    crosses
      ? loadSeenRow<Row>(db, table, workspaceId, id)
      : db.first<Row>(
        `SELECT r.* FROM ${table} r JOIN partners p ON p.id = r.partner_id AND p.workspace_id = r.workspace_id
          WHERE r.id = ? AND r.workspace_id = ? AND p.archived_at IS NULL`,
        id, workspaceId,
      );
}

/** The kind whose records cross to a connected partner's workspace, or null (contacts never do). */
const sharedKindOf = (resource: { collection: string }) => (isSharedKind(resource.collection) ? resource.collection : null);

export function registerChildResource<Row extends ChildRow, Api extends object, Create extends z.ZodType, Patch extends z.ZodType>(
  app: OpenAPIHono<AppEnv>,
  resource: ChildResource<Row, Api, Create, Patch>,
): void {
  if (resource.createSchema && resource.insertColumns) registerCreate(app, resource, resource.createSchema, resource.insertColumns);
  registerList(app, resource);
  registerById(app, resource);
  // Only the company that wrote a record deletes it: the other side's is not found here.
  registerDeleteAndRestore(app, resource, rowLoader<Row>(resource.table, false));
}

function registerCreate<Row extends ChildRow, Api extends object, Create extends z.ZodType, Patch extends z.ZodType>(
  app: OpenAPIHono<AppEnv>,
  resource: ChildResource<Row, Api, Create, Patch>,
  createSchema: Create,
  insertColumns: NonNullable<ChildResource<Row, Api, Create, Patch>["insertColumns"]>,
): void {
  app.openapi(
    createRoute({
      method: "post", path: `/v1/partners/{id}/${resource.collection}`, tags: [resource.tag], security,
      operationId: `create${resource.label}`,
      summary: `Add a ${resource.entity} to a partner`,
      request: { params: idParam, body: jsonBody(createSchema) },
      responses: { 201: jsonResponse(resource.apiSchema, `The new ${resource.entity}`), ...bodyWriteErrors },
    }),
    async (c) => {
      const partnerId = c.req.param("id");
      const db = c.get("db");
      const context: WriteContext = { db, workspaceId: c.get("caller").workspaceId, partnerId, now: c.get("now").toISOString() };
      if (!(await loadPartnerRow(db, context.workspaceId, partnerId))) throw notFound("Partner");
      const input = validJson(c, createSchema);
      const id = newId(resource.prefix);
      const columns: Record<string, unknown> = {
        id, workspace_id: context.workspaceId, partner_id: partnerId,
        ...(await insertColumns(input, context)),
        version: 1, updated_at: context.now,
        ...(sharedKindOf(resource) ? { created_by_member_id: c.get("caller").memberId } : {}),
      };
      columns.created_at ??= context.now;
      // The row as the database will hold it: the columns were built for this table.
      const body = resource.toApi(columns as unknown as Row);
      c.header("Location", `/v1/${resource.collection}/${id}`);
      const answer = await respond(c, {
        statements: [insertRow(db, resource.table, columns), ...(resource.afterWrite?.(context) ?? [])],
        audit: [{ entity: resource.entity, entityId: id, action: "create", after: body }],
        status: 201,
        body,
        version: 1,
      });
      if (resource.affectsHealth) await rescoreAfterWrite(db, context.workspaceId, partnerId, c.get("now"));
      return answer;
    },
  );
}

function registerList<Row extends ChildRow, Api extends object, Create extends z.ZodType, Patch extends z.ZodType>(
  app: OpenAPIHono<AppEnv>,
  resource: ChildResource<Row, Api, Create, Patch>,
): void {
  const order: KeysetOrder = { expression: resource.listOrder, id: "id", descending: true };
  const filters = resource.listFilters ?? {};
  const query = listQuery.extend(Object.fromEntries(Object.entries(filters).map(([name, schema]) => [name, schema.optional()])));
  app.openapi(
    createRoute({
      method: "get", path: `/v1/partners/{id}/${resource.collection}`, tags: [resource.tag], security,
      operationId: `listPartner${resource.tag}`,
      summary: `List a partner's ${resource.collection}, newest first`,
      request: { params: idParam, query },
      responses: { 200: jsonResponse(listEnvelope(resource.apiSchema), `A page of ${resource.collection}`), ...readErrors },
    }),
    async (c) => {
      const partnerId = c.req.valid("param").id;
      const { limit, cursor, ...filterValues } = c.req.valid("query") as z.infer<typeof listQuery> & Record<string, string | undefined>;
      const db = c.get("db");
      const { workspaceId } = c.get("caller");
      if (!(await loadPartnerRow(db, workspaceId, partnerId))) throw notFound("Partner");
      const after = cursor ? keysetAfter(order, cursor) : { clause: "1 = 1", params: [] };
      // Column names come from the resource's own description, never from the request.
      const filtered = Object.keys(filters).filter((name) => filterValues[name] !== undefined);
      // A shared kind reads both sides: this workspace's rows and the connected partner's shared ones.
      const kind = sharedKindOf(resource);
      const source = kind ? `${bothSidesOf(resource.table)} AS r WHERE 1 = 1` : `${resource.table} WHERE workspace_id = ? AND partner_id = ?`;
      const rows = await db.all<Row & Record<string, string>>(
        `SELECT * FROM ${source}${filtered.map((name) => ` AND ${name} = ?`).join("")}
          AND ${after.clause} ORDER BY ${keysetOrderBy(order)} LIMIT ?`,
        ...(kind ? [workspaceId, partnerId] : []), workspaceId, partnerId, ...filtered.map((name) => filterValues[name]), ...after.params, limit + 1,
      );
      const page = pageOf(rows, limit, (row) => [row[resource.listOrder]!, row.id]);
      const items = await seenFromHere(db, workspaceId, partnerId, kind, page.items, resource.toApi);
      return c.json({ items, next_cursor: page.nextCursor }, 200);
    },
  );
}

/** Read and change by id: both find the record through its partner, so one loader serves them. */
function registerById<Row extends ChildRow, Api extends object, Create extends z.ZodType, Patch extends z.ZodType>(
  app: OpenAPIHono<AppEnv>,
  resource: ChildResource<Row, Api, Create, Patch>,
): void {
  const loadRow = rowLoader<Row>(resource.table, sharedKindOf(resource) !== null);
  app.openapi(
    createRoute({
      method: "get", path: `/v1/${resource.collection}/{id}`, tags: [resource.tag], security,
      operationId: `get${resource.label}`,
      summary: `Get a ${resource.entity}`,
      request: { params: idParam },
      responses: { 200: jsonResponse(resource.apiSchema, `The ${resource.entity}; its version is also the ETag`), ...readErrors },
    }),
    async (c) => {
      const { workspaceId } = c.get("caller");
      const row = await loadRow(c.get("db"), workspaceId, c.req.valid("param").id);
      if (!row) throw notFound(resource.label);
      c.header("ETag", `"${row.version}"`);
      const [seen] = await seenFromHere(c.get("db"), workspaceId, seenPartnerOf(row), sharedKindOf(resource), [row], resource.toApi);
      return c.json(seen as Api, 200);
    },
  );
  registerPatch(app, resource, loadRow);
}

function registerPatch<Row extends ChildRow, Api extends object, Create extends z.ZodType, Patch extends z.ZodType>(
  app: OpenAPIHono<AppEnv>,
  resource: ChildResource<Row, Api, Create, Patch>,
  loadRow: ReturnType<typeof rowLoader<Row>>,
): void {
  app.openapi(
    createRoute({
      method: "patch", path: `/v1/${resource.collection}/{id}`, tags: [resource.tag], security,
      operationId: `update${resource.label}`,
      summary: `Change a ${resource.entity}`,
      description: "Send only the fields to change. If-Match with the ETag makes the change conditional (412 if someone changed it since).",
      request: { params: idParam, body: jsonBody(resource.patchSchema) },
      responses: { 200: jsonResponse(resource.apiSchema, `The changed ${resource.entity}`), ...bodyWriteErrors },
    }),
    async (c) => {
      const id = c.req.param("id");
      const db = c.get("db");
      const { workspaceId, memberId } = c.get("caller");
      const kind = sharedKindOf(resource);
      let rescore: { workspaceId: string; partnerId: string } | null = null;
      const answer = await patchWithRetry(c, () => loadRow(db, workspaceId, id), resource.label, async (current, expectedVersion) => {
        // The other side's shared record: changed where it lives, by what this side means.
        const owner = { workspaceId: current.workspace_id, partnerId: current.partner_id };
        const patch = crossedPatch(kind, workspaceId, current, validJson(c, resource.patchSchema));
        const seen = async (row: Row): Promise<Api> => (await seenFromHere(db, workspaceId, seenPartnerOf(current), kind, [{ ...current, ...row }], resource.toApi))[0]!;
        rescore = owner;
        const context: WriteContext = { db, ...owner, now: c.get("now").toISOString() };
        const reads = new Set<string>();
        const columns = changedColumns(current, await resource.patchColumns(watchReads(current, reads), patch, context));
        if (Object.keys(columns).length === 0) {
          // Nothing differs (a referral moved to the stage it is in, a retried
          // PATCH): no new version, no audit row, the record as it is.
          rescore = null;
          c.header("ETag", `"${current.version}"`);
          return c.json((await seen(current)) as Api, 200);
        }
        const guard = guardFor(current as unknown as Record<string, unknown>, expectedVersion, [...reads, ...Object.keys(columns)]);
        if (kind) columns.updated_by_member_id = memberId;
        const next = { ...current, ...columns, version: current.version + 1, updated_at: context.now };
        return respond(c, {
          statements: [
            ...guardedUpdate(db, { table: resource.table, id, workspaceId: owner.workspaceId, guard, set: columns, now: context.now }),
            ...(resource.afterWrite?.(context) ?? []),
          ],
          audit: [{ entity: resource.entity, entityId: id, action: "update", ...changedFields(await seen(current), await seen(next)) }],
          status: 200,
          body: (await seen(next)) as Api,
          // The row as stored: with a column guard, others' fields may have moved too.
          answer: async ([updated]) => {
            const row = updated!.results[0] as unknown as Row;
            return { body: (await seen(row)) as Api, version: row.version };
          },
        });
      });
      if (resource.affectsHealth && rescore !== null) {
        const { workspaceId: ownerWorkspace, partnerId } = rescore;
        await rescoreAfterWrite(db, ownerWorkspace, partnerId, c.get("now"));
      }
      return answer;
    },
  );
}

/**
 * A change to the other side's shared record, as its writer's row means it
 * (sides flipped). Who sees a record is its writer's to decide.
 */
function crossedPatch<Patch>(kind: SharedKind | null, workspaceId: string, current: ChildRow, patch: Patch): Patch {
  if (!kind || current.workspace_id === workspaceId) return patch;
  const fields = patch as Record<string, unknown>;
  if (fields.visibility !== undefined) throw invalidField("visibility", "only the company that wrote this record decides who sees it");
  return flipSides(kind, fields) as Patch;
}

/** The columns whose new value differs from the row's. */
function changedColumns(current: object, columns: Record<string, unknown>): Record<string, unknown> {
  const row = current as Record<string, unknown>;
  return Object.fromEntries(Object.entries(columns).filter(([column, value]) => row[column] !== value));
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
