import { salesforceKey } from "../../shared/salesforce-id.ts";
import type { Health } from "../../shared/schemas/health.ts";
import type { Partner, PartnershipPlan, PartnerKind, PartnerStatus } from "../../shared/schemas/partner.ts";
import { conflictOnField } from "../api-error.ts";
import { inChunks, placeholders } from "./sql.ts";
import type { TrackedDb } from "./tracked-db.ts";

export interface PartnerRow {
  id: string;
  workspace_id: string;
  name: string;
  kind: PartnerKind;
  tier: string | null;
  status: PartnerStatus;
  cadence_days: number | null;
  owner_email: string | null;
  business_model: string | null;
  objectives: string | null;
  plan_json: string;
  plan_version: number;
  plan_visibility: "private" | "shared";
  salesforce_account_id: string | null;
  salesforce_key: string | null;
  hubspot_company_id: string | null;
  /** Added by migration 0012; rows built in code before it may lack it. */
  linkedin_slug?: string | null;
  visibility: "private" | "shared";
  version: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  last_contact_at: string | null;
  health_score: number | null;
  health_json: string | null;
}

/** `health` defaults to the stored score; readers pass a fresh one (db/health-store.ts). */
export function partnerToApi(row: PartnerRow, domains: string[], health: Health | null = row.health_json ? (JSON.parse(row.health_json) as Health) : null): Partner {
  return {
    id: row.id,
    name: row.name,
    domains,
    salesforce_account_id: row.salesforce_account_id,
    hubspot_company_id: row.hubspot_company_id,
    linkedin_slug: row.linkedin_slug ?? null,
    kind: row.kind,
    tier: row.tier,
    status: row.status,
    cadence_days: row.cadence_days,
    owner_email: row.owner_email,
    business_model: row.business_model,
    objectives: row.objectives,
    plan: JSON.parse(row.plan_json) as PartnershipPlan,
    visibility: row.visibility,
    last_contact_at: row.last_contact_at,
    health,
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
    ...(row.archived_at ? { archived_at: row.archived_at } : {}),
  };
}

/** A live (not archived) partner of this workspace, or null. */
export function loadPartnerRow(db: TrackedDb, workspaceId: string, id: string): Promise<PartnerRow | null> {
  return db.first<PartnerRow>(
    "SELECT * FROM partners WHERE id = ? AND workspace_id = ? AND archived_at IS NULL",
    id,
    workspaceId,
  );
}

/** Each partner's domains, for a page of partners, in one query. */
export async function domainsOf(db: TrackedDb, workspaceId: string, partnerIds: string[]): Promise<Map<string, string[]>> {
  const byPartner = new Map<string, string[]>(partnerIds.map((id) => [id, []]));
  for (const ids of inChunks(partnerIds)) {
    // No ORDER BY: sorting by domain in SQL makes SQLite walk the (workspace_id,
    // domain) primary key, reading every domain in the workspace (EXPLAIN QUERY
    // PLAN in bench/query-plans.ts). A partner has a handful; sort them here.
    const rows = await db.all<{ partner_id: string; domain: string }>(
      `SELECT partner_id, domain FROM partner_domains
        WHERE workspace_id = ? AND partner_id IN (${placeholders(ids)})`,
      workspaceId,
      ...ids,
    );
    for (const row of rows) byPartner.get(row.partner_id)?.push(row.domain);
  }
  for (const domains of byPartner.values()) domains.sort();
  return byPartner;
}

export async function loadPartner(db: TrackedDb, workspaceId: string, id: string): Promise<{ row: PartnerRow; partner: Partner } | null> {
  const row = await loadPartnerRow(db, workspaceId, id);
  if (!row) return null;
  const domains = (await domainsOf(db, workspaceId, [id])).get(id) ?? [];
  return { row, partner: partnerToApi(row, domains) };
}

/** Another live partner already holding one of these identifiers is a 409 naming the field. */
export async function assertIdentifiersFree(
  db: TrackedDb,
  workspaceId: string,
  selfId: string | null,
  fields: { domains?: string[]; salesforce_account_id?: string | null; hubspot_company_id?: string | null; linkedin_slug?: string | null },
): Promise<void> {
  const domains = fields.domains ?? [];
  if (domains.length > 0) {
    const taken = await db.all<{ domain: string; name: string }>(
      `SELECT d.domain, p.name FROM partner_domains d JOIN partners p ON p.id = d.partner_id
        WHERE d.workspace_id = ? AND d.domain IN (${placeholders(domains)}) AND d.partner_id IS NOT ?`,
      workspaceId, ...domains, selfId,
    );
    const first = taken[0];
    if (first) throw conflictOnField(`domains.${domains.indexOf(first.domain)}`, `${first.domain} already belongs to ${first.name}`);
  }
  if (fields.salesforce_account_id) {
    const owner = await db.first<{ name: string }>(
      `SELECT name FROM partners WHERE workspace_id = ? AND salesforce_key = ? AND archived_at IS NULL AND id IS NOT ?`,
      workspaceId, salesforceKey(fields.salesforce_account_id), selfId,
    );
    if (owner) throw conflictOnField("salesforce_account_id", `this Salesforce account is already linked to ${owner.name}`);
  }
  if (fields.hubspot_company_id) {
    const owner = await db.first<{ name: string }>(
      `SELECT name FROM partners WHERE workspace_id = ? AND hubspot_company_id = ? AND archived_at IS NULL AND id IS NOT ?`,
      workspaceId, fields.hubspot_company_id, selfId,
    );
    if (owner) throw conflictOnField("hubspot_company_id", `this HubSpot company is already linked to ${owner.name}`);
  }
  if (fields.linkedin_slug) {
    const owner = await db.first<{ name: string }>(
      `SELECT name FROM partners WHERE workspace_id = ? AND linkedin_slug = ? AND archived_at IS NULL AND id IS NOT ?`,
      workspaceId, fields.linkedin_slug, selfId,
    );
    if (owner) throw conflictOnField("linkedin_slug", `this LinkedIn page is already linked to ${owner.name}`);
  }
}

export function domainInserts(db: TrackedDb, workspaceId: string, partnerId: string, domains: string[]): D1PreparedStatement[] {
  return domains.map((domain) =>
    db.prepare("INSERT INTO partner_domains (workspace_id, domain, partner_id) VALUES (?, ?, ?)", workspaceId, domain, partnerId),
  );
}
