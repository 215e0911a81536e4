import { createRoute, type OpenAPIHono, type RouteHandler } from "@hono/zod-openapi";
import { salesforceKey } from "../../shared/salesforce-id.ts";
import { listEnvelope } from "../../shared/schemas/common.ts";
import type { Health } from "../../shared/schemas/health.ts";
import {
  partner, partnerCreate, partnerListQuery, partnerPatch, type Partner, type PartnerCreate, type PartnerPatch, type PartnerSort,
} from "../../shared/schemas/partner.ts";
import { newId } from "../../shared/ids.ts";
import type { AppEnv } from "../env.ts";
import { notFound } from "../api-error.ts";
import { idParam, jsonBody, jsonResponse, operation, readErrors, bodyWriteErrors, writeErrors } from "../http/openapi-parts.ts";
import { callerScope } from "../http/caller-scope.ts";
import { respond, respondNoContent } from "../http/respond.ts";
import { patchWithRetry } from "../http/patch-with-retry.ts";
import {
  assertIdentifiersFree, domainInserts, domainsOf, loadPartner, partnerToApi, type PartnerRow,
} from "../db/partner-record.ts";
import { insertRow, keysetAfter, keysetOrderBy, pageOf, type KeysetOrder } from "../db/sql.ts";
import { changedFields } from "../db/commit-write.ts";
import { planVersionInsert } from "../db/plan-store.ts";
import { currentHealth, healthWrites, loadHealthSettings, scoreEmpty, scoreWithFields, storedHealth } from "../db/health-store.ts";
import { guardedUpdate, guardFor } from "../db/stale-write-guard.ts";
import type { TrackedDb } from "../db/tracked-db.ts";
import { domainsWhenArchived } from "../db/archived-partners.ts";
import { registerPartnerRestore } from "./partner-restore.ts";

type SortKey = KeysetOrder & { key: (row: PartnerRow) => string | number };

/** Sort key expressions; each matches an index in the migration. */
const sortKeys: Record<PartnerSort, SortKey> = {
  name: { expression: "name COLLATE NOCASE", id: "id", descending: false, key: (row) => row.name },
  "-name": { expression: "name COLLATE NOCASE", id: "id", descending: true, key: (row) => row.name },
  last_contact: { expression: "COALESCE(last_contact_at, '')", id: "id", descending: false, key: (row) => row.last_contact_at ?? "" },
  "-last_contact": { expression: "COALESCE(last_contact_at, '')", id: "id", descending: true, key: (row) => row.last_contact_at ?? "" },
  health: { expression: "COALESCE(health_score, -1)", id: "id", descending: false, key: (row) => row.health_score ?? -1 },
  "-health": { expression: "COALESCE(health_score, -1)", id: "id", descending: true, key: (row) => row.health_score ?? -1 },
};

/** The partner as read, with its version where patchWithRetry looks for it. */
const loadVersioned = (db: TrackedDb, workspaceId: string, id: string) =>
  loadPartner(db, workspaceId, id).then((found) => found && { ...found, version: found.row.version });

/** The audit log records what people changed; the score is derived and kept in snapshots. */
function withoutHealth(partner: Partner): Omit<Partner, "health"> {
  const { health: _derived, ...rest } = partner;
  return rest;
}

/** API fields → columns, for the fields a create or patch may carry. */
export function partnerColumns(input: PartnerCreate | PartnerPatch): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  const copy = ["name", "kind", "tier", "status", "cadence_days", "owner_email", "business_model", "objectives", "hubspot_company_id", "linkedin_slug", "visibility"] as const;
  for (const field of copy) if (input[field] !== undefined) columns[field] = input[field];
  if (input.plan !== undefined) columns.plan_json = JSON.stringify(input.plan);
  if (input.salesforce_account_id !== undefined) {
    columns.salesforce_account_id = input.salesforce_account_id;
    columns.salesforce_key = input.salesforce_account_id === null ? null : salesforceKey(input.salesforce_account_id);
  }
  return columns;
}

const createPartnerRoute = createRoute({
  method: "post", path: "/v1/partners", request: { body: jsonBody(partnerCreate) },
  ...operation("Partners", "createPartner", "Add a partner"),
  responses: { 201: jsonResponse(partner, "The new partner"), ...bodyWriteErrors },
});

const listRoute = createRoute({
  method: "get", path: "/v1/partners", request: { query: partnerListQuery },
  ...operation("Partners", "listPartners", "List partners",
    "Search by name or domain (q), filter by status, sort by name, health or last contact (prefix - for descending). Ascending last_contact puts never-contacted and longest-silent partners first."),
  responses: { 200: jsonResponse(listEnvelope(partner), "A page of partners"), ...readErrors },
});

const readRoute = createRoute({
  method: "get", path: "/v1/partners/{id}", request: { params: idParam },
  ...operation("Partners", "getPartner", "Get a partner"),
  responses: { 200: jsonResponse(partner, "The partner; its version is also the ETag"), ...readErrors },
});

const patchRoute = createRoute({
  method: "patch", path: "/v1/partners/{id}", request: { params: idParam, body: jsonBody(partnerPatch) },
  ...operation("Partners", "updatePartner", "Change a partner",
    "Send only the fields to change; domains, when sent, replace the list. If-Match with the ETag makes the change conditional (412 if someone changed it since)."),
  responses: { 200: jsonResponse(partner, "The changed partner"), ...bodyWriteErrors },
});

const archiveRoute = createRoute({
  method: "delete", path: "/v1/partners/{id}", request: { params: idParam },
  ...operation("Partners", "archivePartner", "Archive a partner",
    "Archives the partner: it leaves lists and lookups and lets go of its domains and CRM ids; its history and audit trail are kept."),
  responses: { 204: { description: "Archived" }, ...writeErrors },
});

const createPartner: RouteHandler<typeof createPartnerRoute, AppEnv> = async (c) => {
  const input = c.req.valid("json");
  const { db, workspaceId } = callerScope(c);
  const domains = [...new Set(input.domains)];
  await assertIdentifiersFree(db, workspaceId, null, { ...input, domains });
  const now = c.get("now").toISOString();
  const createdAt = input.created_at ?? now;
  const id = newId("ptr");
  const columns = { id, workspace_id: workspaceId, ...partnerColumns(input), plan_version: 1, version: 1, created_at: createdAt, updated_at: now };
  const row = {
    salesforce_account_id: null, salesforce_key: null, hubspot_company_id: null, tier: null, cadence_days: null,
    owner_email: null, business_model: null, objectives: null, archived_at: null, last_contact_at: null, health_score: null,
    health_json: null, ...columns,
  } as PartnerRow;
  const health = scoreEmpty(row, c.get("now"), await loadHealthSettings(db, workspaceId));
  const body = partnerToApi(row, domains.sort(), health);
  c.header("Location", `/v1/partners/${id}`);
  return respond(c, {
    statements: [
      insertRow(db, "partners", columns),
      ...domainInserts(db, workspaceId, id, domains),
      planVersionInsert(db, { workspaceId, partnerId: id, version: 1, before: {}, after: input.plan, memberId: c.get("caller").memberId, now }),
      ...healthWrites(db, workspaceId, id, health),
    ],
    audit: [{ entity: "partner", entityId: id, action: "create", after: withoutHealth(body) }],
    status: 201,
    body,
    version: 1,
  });
};

const listPartners: RouteHandler<typeof listRoute, AppEnv> = async (c) => {
  const query = c.req.valid("query");
  const { db, workspaceId } = callerScope(c);
  const sort = sortKeys[query.sort];
  const archived = query.status === "archived";
  const where = ["workspace_id = ?", archived ? "archived_at IS NOT NULL" : "archived_at IS NULL"];
  const params: unknown[] = [workspaceId];
  if (query.status && !archived) {
    where.push("status = ?");
    params.push(query.status);
  }
  if (query.q) {
    const pattern = query.q.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`);
    where.push(`(name LIKE ? ESCAPE '\\' OR id IN (SELECT partner_id FROM partner_domains WHERE workspace_id = ? AND domain LIKE ? ESCAPE '\\'))`);
    params.push(`%${pattern}%`, workspaceId, `${pattern}%`);
  }
  if (query.cursor) {
    const after = keysetAfter(sort, query.cursor);
    where.push(after.clause);
    params.push(...after.params);
  }
  const rows = await db.all<PartnerRow>(
    `SELECT * FROM partners WHERE ${where.join(" AND ")} ORDER BY ${keysetOrderBy(sort)} LIMIT ?`,
    ...params, query.limit + 1,
  );
  const page = pageOf(rows, query.limit, (row) => [sort.key(row), row.id]);
  const domains = await (archived ? domainsWhenArchived : domainsOf)(db, workspaceId, page.items.map((row) => row.id));
  const health = await currentHealth(db, workspaceId, page.items, c.get("now"));
  const items = page.items.map((row) => partnerToApi(row, domains.get(row.id) ?? [], health.get(row.id) ?? null));
  return c.json({ items, next_cursor: page.nextCursor }, 200);
};

const readPartner: RouteHandler<typeof readRoute, AppEnv> = async (c) => {
  const { db, workspaceId } = callerScope(c);
  const found = await loadPartner(db, workspaceId, c.req.valid("param").id);
  if (!found) throw notFound("Partner");
  const health = (await currentHealth(db, workspaceId, [found.row], c.get("now"))).get(found.row.id) ?? null;
  c.header("ETag", `"${found.row.version}"`);
  return c.json({ ...found.partner, health }, 200);
};

const patchPartner: RouteHandler<typeof patchRoute, AppEnv> = async (c) => {
  const patch = c.req.valid("json");
  const { db, workspaceId } = callerScope(c);
  const id = c.req.valid("param").id;
  const domains = patch.domains ? [...new Set(patch.domains)].sort() : undefined;
  return patchWithRetry(c, () => loadVersioned(db, workspaceId, id), "Partner", async (current, expectedVersion) => {
    await assertIdentifiersFree(db, workspaceId, id, { ...patch, domains });
    const now = c.get("now").toISOString();
    const columns = partnerColumns(patch);
    // The plan keeps every version, whichever route changes it.
    if (patch.plan !== undefined) columns.plan_version = current.row.plan_version + 1;
    const guard = guardFor(current.row as unknown as Record<string, unknown>, expectedVersion, Object.keys(columns));
    const statements = guardedUpdate(db, { table: "partners", id, workspaceId, guard, set: columns, now });
    if (domains) {
      statements.push(db.prepare("DELETE FROM partner_domains WHERE workspace_id = ? AND partner_id = ?", workspaceId, id));
      statements.push(...domainInserts(db, workspaceId, id, domains));
    }
    if (patch.plan !== undefined) {
      statements.push(planVersionInsert(db, {
        workspaceId, partnerId: id, version: current.row.plan_version + 1, before: current.partner.plan, after: patch.plan,
        memberId: c.get("caller").memberId, now,
      }));
    }
    // Last, so the answer lists the domains as stored, whoever set them.
    statements.push(db.prepare("SELECT domain FROM partner_domains WHERE workspace_id = ? AND partner_id = ?", workspaceId, id));
    const after = partnerToApi({ ...current.row, ...columns } as PartnerRow, domains ?? current.partner.domains, null);
    return respond(c, {
      statements,
      audit: [{ entity: "partner", entityId: id, action: "update", ...changedFields(withoutHealth(current.partner), withoutHealth(after)) }],
      status: 200,
      body: after,
      answer: async (results) => {
        const row = results[0]!.results[0] as unknown as PartnerRow;
        const stored = (results.at(-1)!.results as { domain: string }[]).map((entry) => entry.domain).sort();
        return { body: partnerToApi(row, stored, await rescoreChanged(db, row, c.get("now"))), version: row.version };
      },
    });
  });
};

/**
 * Status and cadence move the score: after a change lands, score the row as
 * stored and keep it unless a later change has landed since (that change
 * scores itself). The change stands if scoring fails; reads re-score.
 */
async function rescoreChanged(db: TrackedDb, row: PartnerRow, now: Date): Promise<Health | null> {
  try {
    const health = await scoreWithFields(db, row.workspace_id, row, now);
    await db.batch(healthWrites(db, row.workspace_id, row.id, health, row.version));
    return health;
  } catch (error) {
    console.error("scoring a changed partner failed; the next read re-scores", row.id, error);
    return storedHealth(row);
  }
}

const archivePartner: RouteHandler<typeof archiveRoute, AppEnv> = async (c) => {
  const { db, workspaceId } = callerScope(c);
  const id = c.req.valid("param").id;
  return patchWithRetry(c, () => loadVersioned(db, workspaceId, id), "Partner", (current, expectedVersion) => {
    const now = c.get("now").toISOString();
    const guard = guardFor(current.row as unknown as Record<string, unknown>, expectedVersion, ["archived_at"]);
    return respondNoContent(c, {
      statements: [
        ...guardedUpdate(db, { table: "partners", id, workspaceId, guard, set: { archived_at: now }, now }),
        db.prepare("DELETE FROM partner_domains WHERE workspace_id = ? AND partner_id = ?", workspaceId, id),
      ],
      audit: [{ entity: "partner", entityId: id, action: "archive", before: withoutHealth(current.partner) }],
      status: 204,
      body: null,
    });
  });
};

export function registerPartnerRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createPartnerRoute, createPartner);
  app.openapi(listRoute, listPartners);
  app.openapi(readRoute, readPartner);
  app.openapi(patchRoute, patchPartner);
  app.openapi(archiveRoute, archivePartner);
  registerPartnerRestore(app);
}
