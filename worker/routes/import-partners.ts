/**
 * Partner rows of an import: matched to a live partner by Salesforce id,
 * HubSpot id or domain (by exact name only when a row has none of these),
 * then created, updated with the fields the file has, or left as they are.
 */
import { newId } from "../../shared/ids.ts";
import { salesforceKey } from "../../shared/salesforce-id.ts";
import type { ImportRowInput } from "../../shared/schemas/import.ts";
import { partnerCreate, type PartnerCreate } from "../../shared/schemas/partner.ts";
import { findPartners, type PartnerIndex } from "../db/import-matches.ts";
import { domainInserts, partnerToApi, type PartnerRow } from "../db/partner-record.ts";
import { planVersionInsert } from "../db/plan-store.ts";
import { insertRow } from "../db/sql.ts";
import { guardedUpdate } from "../db/stale-write-guard.ts";
import { changedColumns, Claims, errorRow, fieldError, quietRow, type PlanContext, type PlannedRow } from "./import-plan.ts";
import { partnerColumns } from "./partners.ts";

interface ValidRow {
  row: number;
  input: PartnerCreate;
  /** The fields the file had: only these are compared and updated. */
  given: Set<string>;
}

/** Which live partners a row's identifiers point at, each with how it was found. */
function matchesOf(valid: ValidRow, index: PartnerIndex): Map<string, string> {
  const found = new Map<string, string>();
  const { input } = valid;
  if (input.salesforce_account_id) {
    const id = index.bySalesforceKey.get(salesforceKey(input.salesforce_account_id));
    if (id) found.set(id, "its Salesforce id");
  }
  if (input.hubspot_company_id) {
    const id = index.byHubspotId.get(input.hubspot_company_id);
    if (id && !found.has(id)) found.set(id, "its HubSpot id");
  }
  for (const domain of input.domains) {
    const id = index.byDomain.get(domain);
    if (id && !found.has(id)) found.set(id, `the domain ${domain}`);
  }
  const identified = input.salesforce_account_id || input.hubspot_company_id || input.domains.length > 0;
  if (!identified) for (const id of index.byName.get(input.name.toLowerCase()) ?? []) found.set(id, "its name");
  return found;
}

/** What makes a row this partner: its domains and CRM ids, or its name when it has none of them. */
function identifiersOf(input: PartnerCreate): string[] {
  const keys = [
    ...input.domains.map((domain) => `domain:${domain}`),
    ...(input.salesforce_account_id ? [`sf:${salesforceKey(input.salesforce_account_id)}`] : []),
    ...(input.hubspot_company_id ? [`hs:${input.hubspot_company_id}`] : []),
  ];
  return keys.length > 0 ? keys : [`name:${input.name.toLowerCase()}`];
}

function createRow(valid: ValidRow, context: PlanContext): PlannedRow {
  const { db, workspaceId, now } = context;
  const { input } = valid;
  const id = newId("ptr");
  const domains = [...new Set(input.domains)].sort();
  const columns = { id, workspace_id: workspaceId, ...partnerColumns(input), plan_version: 1, version: 1, created_at: input.created_at ?? now, updated_at: now };
  const row = {
    salesforce_account_id: null, salesforce_key: null, hubspot_company_id: null, tier: null, cadence_days: null, owner_email: null,
    business_model: null, objectives: null, archived_at: null, last_contact_at: null, health_score: null, health_json: null, ...columns,
  } as PartnerRow;
  const { health: _unscored, ...after } = partnerToApi(row, domains, null);
  return {
    outcome: { row: valid.row, action: "create", id, field: null, message: null },
    statements: [
      insertRow(db, "partners", columns),
      ...domainInserts(db, workspaceId, id, domains),
      planVersionInsert(db, { workspaceId, partnerId: id, version: 1, before: {}, after: input.plan, memberId: context.memberId, now }),
    ],
    audit: [{ entity: "partner", entityId: id, action: "create", after }],
    partnerId: id,
  };
}

function updateRow(valid: ValidRow, current: PartnerRow, currentDomains: string[], context: PlanContext): PlannedRow {
  const { db, workspaceId, now } = context;
  const given = Object.fromEntries(Object.entries(valid.input).filter(([field]) => valid.given.has(field) && field !== "domains" && field !== "created_at"));
  const changed = changedColumns(current as unknown as Record<string, unknown>, partnerColumns(given));
  // A file adds domains; it never takes away one the partner has (another file may have brought it).
  const newDomains = [...new Set(valid.input.domains)].filter((domain) => !currentDomains.includes(domain));
  if (Object.keys(changed).length === 0 && newDomains.length === 0) return quietRow(valid.row, current.id, current.id);
  const before = Object.fromEntries(Object.keys(changed).map((column) => [column, (current as unknown as Record<string, unknown>)[column] ?? null]));
  return {
    outcome: { row: valid.row, action: "update", id: current.id, field: null, message: null },
    statements: [
      ...guardedUpdate(db, { table: "partners", id: current.id, workspaceId, guard: { version: current.version }, set: changed, now }),
      ...domainInserts(db, workspaceId, current.id, newDomains),
    ],
    audit: [{
      entity: "partner", entityId: current.id, action: "update",
      before: { ...before, ...(newDomains.length ? { domains: currentDomains } : {}) },
      after: { ...changed, ...(newDomains.length ? { domains: [...currentDomains, ...newDomains].sort() } : {}) },
    }],
    partnerId: current.id,
  };
}

export async function planPartnerRows(rows: ImportRowInput[], context: PlanContext): Promise<PlannedRow[]> {
  const valid: (ValidRow | PlannedRow)[] = rows.map((row) => {
    const parsed = partnerCreate.safeParse(row.fields);
    return parsed.success ? { row: row.row, input: parsed.data, given: new Set(Object.keys(row.fields)) } : fieldError(row.row, parsed.error);
  });
  const inputs = valid.flatMap((entry) => ("input" in entry ? [entry.input] : []));
  const index = await findPartners(context.db, context.workspaceId, {
    salesforceIds: inputs.flatMap((input) => (input.salesforce_account_id ? [input.salesforce_account_id] : [])),
    hubspotIds: inputs.flatMap((input) => (input.hubspot_company_id ? [input.hubspot_company_id] : [])),
    domains: inputs.flatMap((input) => input.domains),
    names: inputs.map((input) => input.name),
  });
  const claims = new Claims();
  return valid.map((entry) => {
    if (!("input" in entry)) return entry;
    const claimedBefore = claims.take(entry.row, identifiersOf(entry.input));
    if (claimedBefore) {
      const [kind, value] = claimedBefore.key.split(/:(.*)/s);
      const field = kind === "domain" ? `fields.domains.${entry.input.domains.indexOf(value!)}` : kind === "sf" ? "fields.salesforce_account_id" : kind === "hs" ? "fields.hubspot_company_id" : "fields.name";
      return errorRow(entry.row, field, `row ${claimedBefore.row} is the same partner (${value}); keep one row per partner`);
    }
    const matches = matchesOf(entry, index);
    if (matches.size > 1) {
      const named = [...matches].map(([id, how]) => `${index.rows.get(id)?.name ?? id} (by ${how})`).join(" and ");
      return errorRow(entry.row, "fields", `points at more than one partner: ${named}`);
    }
    const [matchedId] = [...matches.keys()];
    const current = matchedId ? index.rows.get(matchedId) : undefined;
    return current ? updateRow(entry, current, index.domains.get(current.id) ?? [], context) : createRow(entry, context);
  });
}
