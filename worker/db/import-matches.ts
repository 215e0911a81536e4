/**
 * What an import batch finds already in the workspace: partners by CRM id,
 * domain or exact name, and records by their import key. Each is a few
 * IN-list queries for the whole batch, never one per row; every query is
 * scoped to the workspace and to live (not archived) partners.
 */
import { salesforceKey } from "../../shared/salesforce-id.ts";
import { domainsOf, type PartnerRow } from "./partner-record.ts";
import { inChunks, placeholders } from "./sql.ts";
import type { TrackedDb } from "./tracked-db.ts";

/** The live partners holding any of these identifiers, each by the identifier it was found by. */
export interface PartnerIndex {
  bySalesforceKey: Map<string, string>;
  byHubspotId: Map<string, string>;
  byDomain: Map<string, string>;
  /** Lower-cased name → partner ids with that name (more than one: the name alone can't say which). */
  byName: Map<string, string[]>;
  rows: Map<string, PartnerRow>;
  domains: Map<string, string[]>;
}

export interface PartnerKeys {
  salesforceIds: string[];
  hubspotIds: string[];
  domains: string[];
  names: string[];
}

async function inList<Row>(db: TrackedDb, values: string[], query: (list: string) => string, workspaceId: string): Promise<Row[]> {
  const unique = [...new Set(values)];
  const runs = await Promise.all(inChunks(unique).map((group) => db.all<Row>(query(placeholders(group)), workspaceId, ...group)));
  return runs.flat();
}

export async function findPartners(db: TrackedDb, workspaceId: string, keys: PartnerKeys): Promise<PartnerIndex> {
  const live = "workspace_id = ? AND archived_at IS NULL";
  const [bySf, byHs, byDomain, byName] = await Promise.all([
    inList<{ id: string; salesforce_key: string }>(db, keys.salesforceIds.map(salesforceKey), (list) => `SELECT id, salesforce_key FROM partners WHERE ${live} AND salesforce_key IN (${list})`, workspaceId),
    inList<{ id: string; hubspot_company_id: string }>(db, keys.hubspotIds, (list) => `SELECT id, hubspot_company_id FROM partners WHERE ${live} AND hubspot_company_id IN (${list})`, workspaceId),
    inList<{ partner_id: string; domain: string }>(db, keys.domains, (list) => `SELECT partner_id, domain FROM partner_domains WHERE workspace_id = ? AND domain IN (${list})`, workspaceId),
    inList<{ id: string; name: string }>(db, keys.names, (list) => `SELECT id, name FROM partners WHERE ${live} AND name COLLATE NOCASE IN (${list})`, workspaceId),
  ]);
  const index: PartnerIndex = {
    bySalesforceKey: new Map(bySf.map((row) => [row.salesforce_key, row.id])),
    byHubspotId: new Map(byHs.map((row) => [row.hubspot_company_id, row.id])),
    byDomain: new Map(byDomain.map((row) => [row.domain, row.partner_id])),
    byName: new Map(),
    rows: new Map(),
    domains: new Map(),
  };
  for (const row of byName) {
    const key = row.name.toLowerCase();
    index.byName.set(key, [...(index.byName.get(key) ?? []), row.id]);
  }
  const ids = [...new Set([...index.bySalesforceKey.values(), ...index.byHubspotId.values(), ...index.byDomain.values(), ...byName.map((row) => row.id)])];
  const rows = await inList<PartnerRow>(db, ids, (list) => `SELECT * FROM partners WHERE ${live} AND id IN (${list})`, workspaceId);
  for (const row of rows) index.rows.set(row.id, row);
  index.domains = await domainsOf(db, workspaceId, ids);
  return index;
}

/** Rows of a history table (or contacts) already holding these keys, by key. */
export async function findByKey<Row extends Record<string, unknown>>(
  db: TrackedDb, workspaceId: string, table: string, keyColumn: "import_key" | "email", keys: string[],
): Promise<Map<string, Row>> {
  const rows = await inList<Row>(db, keys, (list) => `SELECT * FROM ${table} WHERE workspace_id = ? AND ${keyColumn} IN (${list})`, workspaceId);
  return new Map(rows.map((row) => [row[keyColumn] as string, row]));
}
