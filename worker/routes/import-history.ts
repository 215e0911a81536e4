/**
 * Contact and history rows of an import (interactions, commitments,
 * referrals, goals): each row's partner found by CRM id, domain or exact
 * name; its fields checked and turned into columns by the record's own create
 * path (routes/contacts.ts, …), so an import stores what a POST would.
 * Contacts are the same person by email; history rows by their import key.
 */
import type { z } from "zod";
import { newId } from "../../shared/ids.ts";
import { salesforceKey } from "../../shared/salesforce-id.ts";
import { sha256Hex } from "../../shared/sha256.ts";
import type { ImportKind } from "../../shared/import/columns.ts";
import type { ImportPartnerRef, ImportRowInput } from "../../shared/schemas/import.ts";
import type { ChildRow } from "../db/child-records.ts";
import { findByKey, findPartners, type PartnerIndex } from "../db/import-matches.ts";
import { insertRow } from "../db/sql.ts";
import { guardedUpdate } from "../db/stale-write-guard.ts";
import type { ChildResource, WriteContext } from "./child-resource.ts";
import { commitmentsResource } from "./commitments-resource.ts";
import { contactsResource } from "./contacts.ts";
import { goalsResource } from "./goals.ts";
import {
  changedColumns, Claims, errorRow, fieldError, quietRow, thrownError, type PlanContext, type PlannedRow,
} from "./import-plan.ts";
import { interactionsResource } from "./interactions.ts";
import { referralsResource } from "./referrals.ts";

// Any of the five resources; each row is handled through the resource's own create schema and columns.
type AnyResource = ChildResource<ChildRow, object, z.ZodType, z.ZodType>;
export type HistoryKind = Exclude<ImportKind, "partners">;

const resources: Record<HistoryKind, AnyResource> = {
  contacts: contactsResource as unknown as AnyResource,
  interactions: interactionsResource as unknown as AnyResource,
  commitments: commitmentsResource as unknown as AnyResource,
  referrals: referralsResource as unknown as AnyResource,
  goals: goalsResource as unknown as AnyResource,
};

/**
 * Columns the create path fills from the clock when the file says nothing
 * (created_at now, a referral submitted now): left out of the comparison
 * unless the file gave them, or every re-import would look like a change.
 */
const clockColumns: Record<string, string[]> = {
  created_at: ["created_at"],
  submitted_at: ["submitted_at", "stage_history"],
  stage_history_json: ["stage_history", "submitted_at"],
  completed_at: ["completed_at"],
};

function comparable(columns: Record<string, unknown>, given: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(columns).filter(([column]) => {
    const fromFields = clockColumns[column];
    return !fromFields || fromFields.some((field) => given.has(field));
  }));
}

/** The live partner a row names, or why none. */
function partnerOf(ref: ImportPartnerRef | undefined, index: PartnerIndex): { id: string } | { field: string; message: string } {
  if (!ref || Object.keys(ref).length === 0) {
    return { field: "partner", message: "say whose record this is: a partner name, domain or CRM id column" };
  }
  const found = (ref.salesforce_account_id && index.bySalesforceKey.get(salesforceKey(ref.salesforce_account_id))) ||
    (ref.hubspot_company_id && index.byHubspotId.get(ref.hubspot_company_id)) ||
    (ref.domain && index.byDomain.get(ref.domain.toLowerCase()));
  if (found) return { id: found };
  const named = ref.name ? index.byName.get(ref.name.toLowerCase()) ?? [] : [];
  if (named.length === 1) return { id: named[0]! };
  if (named.length > 1) return { field: "partner.name", message: `${named.length} partners are called ${ref.name}; add a domain or CRM id column` };
  const said = Object.entries(ref).map(([key, value]) => `${key} ${value}`).join(", ");
  return { field: "partner", message: `no partner matches (${said}); import the partners first` };
}

async function keyOf(kind: HistoryKind, row: ImportRowInput, partnerId: string, input: Record<string, unknown>): Promise<string> {
  if (kind === "contacts") return input.email as string;
  if (row.source_id) return `src:${row.source_id}`;
  return `sha:${await sha256Hex(JSON.stringify([kind, partnerId, input]))}`;
}

interface Prepared {
  row: ImportRowInput;
  partnerId: string;
  input: Record<string, unknown>;
  key: string;
}

async function prepare(kind: HistoryKind, rows: ImportRowInput[], index: PartnerIndex): Promise<(Prepared | PlannedRow)[]> {
  const resource = resources[kind];
  return Promise.all(rows.map(async (row) => {
    const partner = partnerOf(row.partner, index);
    if ("field" in partner) return errorRow(row.row, partner.field, partner.message);
    const parsed = resource.createSchema!.safeParse(row.fields);
    if (!parsed.success) return fieldError(row.row, parsed.error);
    const input = parsed.data as Record<string, unknown>;
    return { row, partnerId: partner.id, input, key: await keyOf(kind, row, partner.id, input) };
  }));
}

async function planOne(kind: HistoryKind, entry: Prepared, stored: ChildRow | undefined, context: PlanContext): Promise<PlannedRow> {
  const resource = resources[kind];
  const write: WriteContext = { db: context.db, workspaceId: context.workspaceId, partnerId: entry.partnerId, now: context.now };
  const given = new Set(Object.keys(entry.row.fields));
  if (stored) {
    // A contact's own create path refuses an address already taken; for a match, its fields are compared directly.
    const columns = kind === "contacts"
      ? Object.fromEntries(["name", "title", "phone"].filter((field) => given.has(field)).map((field) => [field, entry.input[field]]))
      : await resource.insertColumns!(entry.input, write);
    const changed = changedColumns(stored as unknown as Record<string, unknown>, { ...comparable(columns, given), partner_id: entry.partnerId });
    if (Object.keys(changed).length === 0) return quietRow(entry.row.row, stored.id, entry.partnerId);
    const before = Object.fromEntries(Object.keys(changed).map((column) => [column, (stored as unknown as Record<string, unknown>)[column] ?? null]));
    return {
      outcome: { row: entry.row.row, action: "update", id: stored.id, field: null, message: null },
      statements: guardedUpdate(context.db, { table: resource.table, id: stored.id, workspaceId: context.workspaceId, guard: { version: stored.version }, set: changed, now: context.now }),
      audit: [{ entity: resource.entity, entityId: stored.id, action: "update", before, after: changed }],
      partnerId: entry.partnerId,
    };
  }
  const id = newId(resource.prefix);
  const columns: Record<string, unknown> = {
    id, workspace_id: context.workspaceId, partner_id: entry.partnerId, ...(await resource.insertColumns!(entry.input, write)),
    ...(kind === "contacts" ? {} : { import_key: entry.key }), version: 1, updated_at: context.now,
  };
  columns.created_at ??= context.now;
  return {
    outcome: { row: entry.row.row, action: "create", id, field: null, message: null },
    statements: [insertRow(context.db, resource.table, columns)],
    audit: [{ entity: resource.entity, entityId: id, action: "create", after: resource.toApi(columns as unknown as ChildRow) }],
    partnerId: entry.partnerId,
  };
}

export async function planHistoryRows(kind: HistoryKind, rows: ImportRowInput[], context: PlanContext): Promise<PlannedRow[]> {
  const refs = rows.map((row) => row.partner ?? {});
  const index = await findPartners(context.db, context.workspaceId, {
    salesforceIds: refs.flatMap((ref) => (ref.salesforce_account_id ? [ref.salesforce_account_id] : [])),
    hubspotIds: refs.flatMap((ref) => (ref.hubspot_company_id ? [ref.hubspot_company_id] : [])),
    domains: refs.flatMap((ref) => (ref.domain ? [ref.domain.toLowerCase()] : [])),
    names: refs.flatMap((ref) => (ref.name ? [ref.name] : [])),
  });
  const prepared = await prepare(kind, rows, index);
  const keys = prepared.flatMap((entry) => ("key" in entry ? [entry.key] : []));
  const table = resources[kind].table;
  const stored = await findByKey<ChildRow & Record<string, unknown>>(context.db, context.workspaceId, table, kind === "contacts" ? "email" : "import_key", keys);
  const claims = new Claims();
  const planned: PlannedRow[] = [];
  for (const entry of prepared) {
    if (!("key" in entry)) {
      planned.push(entry);
      continue;
    }
    const earlier = claims.take(entry.row.row, [entry.key]);
    if (earlier && entry.key.startsWith("sha:")) {
      planned.push(quietRow(entry.row.row, planned.find((plan) => plan.outcome.row === earlier.row)?.outcome.id ?? null, entry.partnerId, `the same as row ${earlier.row}`));
    } else if (earlier) {
      planned.push(errorRow(entry.row.row, kind === "contacts" ? "fields.email" : "source_id", `row ${earlier.row} has the same ${kind === "contacts" ? "email" : "source id"}`));
    } else {
      try {
        planned.push(await planOne(kind, entry, stored.get(entry.key), context));
      } catch (error) {
        planned.push(thrownError(entry.row.row, error));
      }
    }
  }
  return planned;
}
