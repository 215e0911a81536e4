/**
 * A CSV record (header → cell) and the chosen mapping turned into one row of
 * POST /v1/imports: `fields` is the body the API's own create schema checks,
 * `partner` says whose record it is, `row` is the line number people see in
 * their spreadsheet (the header is line 1).
 */
import { freeMailDomains } from "../free-mail-domains.ts";
import type { ImportKind } from "./columns.ts";
import {
  commitmentStatusOf, currencyOf, dateOf, directionOf, domainsOf, emailOf, instantOf, interactionKindOf, numberOf, owedByOf,
  partnerKindOf, partnerStatusOf, referralDirectionOf, referralStageOf,
} from "./values.ts";

export interface ImportRow {
  row: number;
  partner?: { name?: string; domain?: string; salesforce_account_id?: string; hubspot_company_id?: string };
  source_id?: string;
  fields: Record<string, unknown>;
}

export interface RowOptions {
  /** A partner's kind when the file has no kind column (every partner needs one). */
  defaultKind: string;
  /** Dates written 12/02/2026 mean 12 February. */
  dayFirst: boolean;
}

export const defaultRowOptions: RowOptions = { defaultKind: "reseller", dayFirst: false };

type Cells = Record<string, string>;

/** The mapped cells of a record, by field, blanks left out. */
function cellsByField(record: Record<string, string | undefined>, mapping: Record<string, string | null>): Cells {
  const cells: Cells = {};
  for (const [header, field] of Object.entries(mapping)) {
    const value = record[header]?.trim();
    if (field && value) cells[field] = value;
  }
  return cells;
}

function partnerRefOf(cells: Cells): ImportRow["partner"] {
  const ref: NonNullable<ImportRow["partner"]> = {};
  if (cells["partner.name"]) ref.name = cells["partner.name"];
  if (cells["partner.domain"]) ref.domain = domainsOf(cells["partner.domain"])[0];
  if (cells["partner.salesforce_account_id"]) ref.salesforce_account_id = cells["partner.salesforce_account_id"];
  if (cells["partner.hubspot_company_id"]) ref.hubspot_company_id = cells["partner.hubspot_company_id"];
  return ref;
}

/** Sets `key` only when the cell is there, converted. */
function put(fields: Record<string, unknown>, key: string, cell: string | undefined, convert: (text: string) => unknown = (text) => text): void {
  if (cell !== undefined) fields[key] = convert(cell);
}

const numberOrText = (text: string) => numberOf(text) ?? text;

function partnerFields(cells: Cells, options: RowOptions): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  put(fields, "name", cells.name);
  fields.domains = cells.domains ? [...new Set(domainsOf(cells.domains))] : [];
  fields.kind = partnerKindOf(cells.kind ?? options.defaultKind);
  put(fields, "tier", cells.tier);
  put(fields, "status", cells.status, partnerStatusOf);
  const owner = cells.owner_email === undefined ? null : emailOf(cells.owner_email);
  if (owner) fields.owner_email = owner;
  put(fields, "salesforce_account_id", cells.salesforce_account_id);
  put(fields, "hubspot_company_id", cells.hubspot_company_id);
  // The API takes the page's address or its slug and stores the slug.
  put(fields, "linkedin_slug", cells.linkedin_slug);
  put(fields, "cadence_days", cells.cadence_days, numberOrText);
  put(fields, "created_at", cells.created_at, (text) => instantOf(text, options.dayFirst));
  put(fields, "business_model", cells.business_model);
  put(fields, "objectives", cells.objectives);
  return fields;
}

function contactFields(cells: Cells): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  put(fields, "email", cells.email, (text) => text.toLowerCase());
  const name = cells.name ?? [cells.first_name, cells.last_name].filter(Boolean).join(" ");
  if (name) fields.name = name;
  put(fields, "title", cells.title);
  put(fields, "phone", cells.phone);
  return fields;
}

function interactionFields(cells: Cells, options: RowOptions): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    // Activity reports rarely say who reached out; a logged activity was contact both ways.
    kind: interactionKindOf(cells.kind ?? "note"),
    direction: directionOf(cells.direction ?? "both"),
  };
  put(fields, "occurred_at", cells.occurred_at, (text) => instantOf(text, options.dayFirst));
  put(fields, "summary", cells.summary);
  return fields;
}

function commitmentFields(cells: Cells, options: RowOptions): Record<string, unknown> {
  const fields: Record<string, unknown> = { owed_by: owedByOf(cells.owed_by ?? "us") };
  put(fields, "title", cells.title);
  const owner = cells.owner_email === undefined ? null : emailOf(cells.owner_email);
  if (owner) fields.owner_email = owner;
  put(fields, "due_on", cells.due_on, (text) => dateOf(text, options.dayFirst));
  put(fields, "status", cells.status, commitmentStatusOf);
  if (fields.status === "done") put(fields, "completed_at", cells.completed_at, (text) => instantOf(text, options.dayFirst));
  put(fields, "created_at", cells.created_at, (text) => instantOf(text, options.dayFirst));
  return fields;
}

function referralFields(cells: Cells, options: RowOptions): Record<string, unknown> {
  const fields: Record<string, unknown> = { direction: referralDirectionOf(cells.direction ?? "to_us") };
  put(fields, "account_name", cells.account_name);
  const amountText = cells.amount;
  const amount = amountText === undefined ? null : numberOf(amountText);
  if (amountText !== undefined && amount !== null) {
    fields.amount_minor = Math.round(amount * 100);
    fields.currency = cells.currency?.toUpperCase() ?? currencyOf(amountText) ?? "USD";
  }
  const stage = cells.stage === undefined ? undefined : referralStageOf(cells.stage);
  const submittedAt = cells.submitted_at === undefined ? undefined : instantOf(cells.submitted_at, options.dayFirst);
  if (submittedAt !== undefined) {
    // The history the file implies: submitted then, and the stage it is in since it closed (or since then).
    const history: { stage: string; at: string }[] = [{ stage: "submitted", at: submittedAt }];
    if (stage && stage !== "submitted") {
      const closedAt = cells.closed_at === undefined ? submittedAt : instantOf(cells.closed_at, options.dayFirst);
      history.push({ stage, at: closedAt < submittedAt ? submittedAt : closedAt });
    }
    fields.stage_history = history;
  } else if (stage !== undefined) {
    fields.stage = stage;
  }
  put(fields, "notes", cells.notes);
  return fields;
}

function goalFields(cells: Cells, options: RowOptions): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  put(fields, "title", cells.title);
  put(fields, "metric", cells.metric);
  put(fields, "target", cells.target, numberOrText);
  put(fields, "current", cells.current, numberOrText);
  put(fields, "due_on", cells.due_on, (text) => dateOf(text, options.dayFirst));
  put(fields, "last_reviewed_at", cells.last_reviewed_at, (text) => instantOf(text, options.dayFirst));
  put(fields, "created_at", cells.created_at, (text) => instantOf(text, options.dayFirst));
  return fields;
}

/** One import row from one CSV record; `line` is its line in the file. */
export function toImportRow(
  kind: ImportKind, record: Record<string, string | undefined>, mapping: Record<string, string | null>, line: number,
  options: RowOptions = defaultRowOptions,
): ImportRow {
  const cells = cellsByField(record, mapping);
  if (kind === "partners") return { row: line, fields: partnerFields(cells, options) };
  const row: ImportRow = { row: line, partner: partnerRefOf(cells), fields: {} };
  if (cells.source_id) row.source_id = cells.source_id;
  switch (kind) {
    case "contacts": {
      row.fields = contactFields(cells);
      // A contact file without a company column still says whose people they are: their address's domain.
      const domain = typeof row.fields.email === "string" ? row.fields.email.split("@")[1] : undefined;
      if (Object.keys(row.partner!).length === 0 && domain && !freeMailDomains.has(domain)) row.partner = { domain };
      break;
    }
    case "interactions": row.fields = interactionFields(cells, options); break;
    case "commitments": row.fields = commitmentFields(cells, options); break;
    case "referrals": row.fields = referralFields(cells, options); break;
    case "goals": row.fields = goalFields(cells, options); break;
  }
  return row;
}
