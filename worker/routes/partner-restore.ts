import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { partner } from "../../shared/schemas/partner.ts";
import { notFound } from "../api-error.ts";
import { domainsWhenArchived } from "../db/archived-partners.ts";
import { currentHealth } from "../db/health-store.ts";
import { assertIdentifiersFree, domainInserts, domainsOf, partnerToApi, type PartnerRow } from "../db/partner-record.ts";
import { guardedUpdate } from "../db/stale-write-guard.ts";
import type { AppEnv } from "../env.ts";
import { idParam, jsonResponse, operation, writeErrors } from "../http/openapi-parts.ts";
import { callerScope } from "../http/caller-scope.ts";
import { respond } from "../http/respond.ts";

/**
 * POST /v1/partners/{id}/restore: an archived partner comes back with its
 * history, its CRM ids and the domains it had. A domain or CRM id another
 * partner took meanwhile is a 409 naming it, so nothing is taken silently.
 */
export function registerPartnerRestore(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "post", path: "/v1/partners/{id}/restore",
      ...operation("Partners", "restorePartner", "Restore an archived partner",
        "Find archived partners with GET /v1/partners?status=archived. Restoring a partner that is not archived answers it as it is."),
      request: { params: idParam },
      responses: { 200: jsonResponse(partner, "The restored partner"), ...writeErrors },
    }),
    async (c) => {
      const { db, workspaceId, now } = callerScope(c);
      const id = c.req.valid("param").id;
      const row = await db.first<PartnerRow>("SELECT * FROM partners WHERE id = ? AND workspace_id = ?", id, workspaceId);
      if (!row) throw notFound("Partner");
      const withHealth = async (stored: PartnerRow, domains: string[]) =>
        partnerToApi(stored, domains, (await currentHealth(db, workspaceId, [stored], now)).get(stored.id) ?? null);
      if (row.archived_at === null) {
        c.header("ETag", `"${row.version}"`);
        return c.json(await withHealth(row, (await domainsOf(db, workspaceId, [id])).get(id) ?? []), 200);
      }
      const domains = (await domainsWhenArchived(db, workspaceId, [id])).get(id) ?? [];
      await assertIdentifiersFree(db, workspaceId, id, { domains, salesforce_account_id: row.salesforce_account_id, hubspot_company_id: row.hubspot_company_id, linkedin_slug: row.linkedin_slug ?? null });
      const at = now.toISOString();
      return respond(c, {
        statements: [
          // Guarded on archived_at: of two restores at once, one lands.
          ...guardedUpdate(db, { table: "partners", id, workspaceId, guard: { columns: { archived_at: row.archived_at } }, set: { archived_at: null }, now: at }),
          ...domainInserts(db, workspaceId, id, domains),
        ],
        audit: [{ entity: "partner", entityId: id, action: "update", before: { archived_at: row.archived_at, domains: [] }, after: { archived_at: null, domains } }],
        status: 200,
        body: partnerToApi({ ...row, archived_at: null }, domains),
        answer: async (results) => {
          const stored = results[0]!.results[0] as unknown as PartnerRow;
          return { body: await withHealth(stored, domains), version: stored.version };
        },
      });
    },
  );
}
