/**
 * The workspace export (GET /v1/export) as one table per record type, with
 * headers the import recognises: an exported file imported into an empty
 * workspace brings back the partners and their history. Each history row
 * carries its own record id as Source ID, so importing it twice changes
 * nothing. Meetings are kept in the JSON export only (their notes and
 * decisions have no place in a CSV row).
 */
import type { ExportedPartner } from "../schemas/export.ts";
import type { ImportKind } from "./columns.ts";

export type CsvRecord = Record<string, string>;

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));

/** Whose row this is, by every identifier the partner has. */
function partnerColumns(partner: ExportedPartner): CsvRecord {
  return {
    Partner: partner.name,
    "Partner Domain": partner.domains[0] ?? "",
    "Partner Account ID": text(partner.salesforce_account_id),
    "Partner Company ID": text(partner.hubspot_company_id),
  };
}

const partnerRecord = (partner: ExportedPartner): CsvRecord => ({
  Name: partner.name,
  Domains: partner.domains.join("; "),
  Kind: partner.kind,
  Tier: text(partner.tier),
  Status: partner.status,
  "Owner Email": text(partner.owner_email),
  "Salesforce Account ID": text(partner.salesforce_account_id),
  "HubSpot Company ID": text(partner.hubspot_company_id),
  "LinkedIn Company Page": text(partner.linkedin_slug),
  "Cadence Days": text(partner.cadence_days),
  "Business Model": text(partner.business_model),
  Objectives: text(partner.objectives),
  "Created Date": partner.created_at,
});

const historyRecords: Record<Exclude<ImportKind, "partners">, (partner: ExportedPartner) => CsvRecord[]> = {
  contacts: (partner) => partner.contacts.map((contact) => ({
    ...partnerColumns(partner), Email: contact.email, Name: text(contact.name), Title: text(contact.title), Phone: text(contact.phone),
  })),
  interactions: (partner) => partner.interactions.map((interaction) => ({
    ...partnerColumns(partner), "Source ID": interaction.id, Kind: interaction.kind, Direction: interaction.direction,
    Date: interaction.occurred_at, Summary: interaction.summary,
  })),
  commitments: (partner) => partner.commitments.map((commitment) => ({
    ...partnerColumns(partner), "Source ID": commitment.id, Title: commitment.title, "Owed By": commitment.owed_by,
    "Owner Email": text(commitment.owner_email), "Due Date": text(commitment.due_on), Status: commitment.status,
    "Completed Date": text(commitment.completed_at), "Created Date": commitment.created_at,
  })),
  referrals: (partner) => partner.referrals.map((referral) => {
    const last = referral.stage_history[referral.stage_history.length - 1];
    return {
      ...partnerColumns(partner), "Source ID": referral.id, Direction: referral.direction, "Account Name": referral.account_name,
      Amount: referral.amount_minor === null ? "" : (referral.amount_minor / 100).toFixed(2), Currency: text(referral.currency),
      Stage: referral.stage, "Submitted On": referral.submitted_at,
      "Close Date": referral.stage !== "submitted" && last ? last.at : "", Notes: text(referral.notes),
    };
  }),
  goals: (partner) => partner.goals.map((goal) => ({
    ...partnerColumns(partner), "Source ID": goal.id, Goal: goal.title, Metric: text(goal.metric), Target: text(goal.target),
    Current: text(goal.current), "Due Date": text(goal.due_on), "Last Reviewed": text(goal.last_reviewed_at),
    "Created Date": goal.created_at,
  })),
};

/** The rows of one record type's CSV, in the export's order. */
export function exportRecords(kind: ImportKind, partners: readonly ExportedPartner[]): CsvRecord[] {
  if (kind === "partners") return partners.map(partnerRecord);
  return partners.flatMap(historyRecords[kind]);
}
