/**
 * Which CSV column holds which field, guessed from the header names CRMs and
 * PRMs write (a Salesforce report, a HubSpot export, a partner portal's
 * download). Pure: the dashboard shows the guess and lets the user change it.
 */
export const importKinds = ["partners", "contacts", "interactions", "commitments", "referrals", "goals"] as const;
export type ImportKind = (typeof importKinds)[number];

/**
 * The fields a column can fill. `partner.*` names the partner a history row
 * belongs to; `source_id` is the row's id in the system it came from, so a
 * second import of the same file finds the records the first one made.
 */
export type ImportField = string;

// The partner a contact or history row belongs to, as reports name it.
const partnerRef: Record<string, string[]> = {
  "partner.name": ["account name", "account", "company", "company name", "company account", "associated company", "partner", "partner name", "partner account"],
  "partner.domain": ["partner domain", "account domain", "company domain name", "company domain", "website", "account website", "domain"],
  "partner.salesforce_account_id": ["account id", "salesforce account id", "account 18 digit id", "sfdc account id", "partner account id"],
  "partner.hubspot_company_id": ["company id", "associated company id", "associated company ids", "hubspot company id", "company record id", "partner company id"],
};

/** Usual header names per field, compared after normalizeHeader. */
export const fieldAliases: Record<ImportKind, Record<ImportField, string[]>> = {
  partners: {
    name: ["name", "account name", "company name", "company", "partner", "partner name"],
    domains: ["domain", "domains", "company domain name", "email domain", "website", "website url", "account website", "url"],
    kind: ["kind", "type", "account type", "partner type", "company type", "partner kind"],
    tier: ["tier", "partner tier", "partner level", "level", "program tier"],
    status: ["status", "partner status", "lifecycle stage", "account status"],
    owner_email: ["owner email", "account owner email", "company owner email", "partner manager email", "owner", "account owner", "company owner"],
    salesforce_account_id: ["account id", "salesforce account id", "account 18 digit id", "sfdc id", "salesforce id"],
    hubspot_company_id: ["record id", "company id", "hubspot company id", "hubspot id"],
    linkedin_slug: ["linkedin", "linkedin company page", "linkedin page", "linkedin url", "linkedin company url", "linkedin slug"],
    cadence_days: ["cadence days", "cadence", "contact cadence days"],
    created_at: ["created date", "create date", "created at", "partner since"],
    business_model: ["business model", "partner business model"],
    objectives: ["objectives", "partnership objectives", "goals"],
  },
  contacts: {
    ...partnerRef,
    email: ["email", "email address", "work email", "contact email"],
    name: ["name", "full name", "contact name", "contact"],
    first_name: ["first name", "firstname", "given name"],
    last_name: ["last name", "lastname", "surname", "family name"],
    title: ["title", "job title", "role", "position"],
    phone: ["phone", "phone number", "work phone", "business phone", "mobile", "mobile phone"],
  },
  interactions: {
    ...partnerRef,
    source_id: ["source id", "activity id", "task id", "event id", "engagement id", "record id", "id", "interaction id"],
    kind: ["kind", "activity type", "type", "task subtype", "engagement type", "channel"],
    direction: ["direction", "inbound outbound"],
    occurred_at: ["date", "activity date", "occurred at", "due date", "start date", "start", "created date", "timestamp"],
    summary: ["subject", "summary", "description", "comments", "notes", "body", "note body"],
  },
  commitments: {
    ...partnerRef,
    source_id: ["source id", "task id", "commitment id", "record id", "id", "action item id"],
    title: ["subject", "title", "task", "commitment", "action item", "description"],
    owed_by: ["owed by", "owner side", "who owes", "responsible party", "side"],
    owner_email: ["owner email", "assigned to email", "assignee email", "assigned email"],
    due_on: ["due date", "due on", "due", "activity date", "deadline"],
    status: ["status", "task status", "state"],
    completed_at: ["completed date", "completed at", "completion date", "closed date", "date completed"],
    created_at: ["created date", "created at", "create date"],
  },
  referrals: {
    // In an opportunity report the account is the customer; the partner has columns of its own.
    "partner.name": ["partner", "partner account", "primary partner", "partner name", "partner account name", "referring partner", "partner company"],
    "partner.domain": ["partner domain", "partner website"],
    "partner.salesforce_account_id": ["partner account id", "primary partner account id", "partner salesforce id"],
    "partner.hubspot_company_id": ["partner company id", "partner hubspot id"],
    source_id: ["source id", "opportunity id", "deal id", "referral id", "lead id", "record id", "id"],
    direction: ["direction", "referral direction", "referred to"],
    account_name: ["account name", "customer", "customer name", "end customer", "referred account", "opportunity name", "deal name", "prospect", "lead company"],
    amount: ["amount", "deal value", "value", "opportunity amount", "amount converted", "deal amount", "estimated value"],
    currency: ["currency", "amount currency", "opportunity currency", "deal currency", "currency code"],
    stage: ["stage", "deal stage", "opportunity stage", "referral status", "status"],
    submitted_at: ["submitted on", "submitted at", "created date", "create date", "date submitted", "referral date"],
    closed_at: ["close date", "closed date", "closed won date", "closed on", "decision date"],
    notes: ["notes", "description", "comments", "next step"],
  },
  goals: {
    ...partnerRef,
    source_id: ["source id", "goal id", "objective id", "record id", "id"],
    title: ["goal", "title", "objective", "goal name", "name"],
    metric: ["metric", "measure", "kpi", "unit"],
    target: ["target", "goal target", "quota", "target value"],
    current: ["current", "actual", "attainment", "progress", "current value", "achieved"],
    due_on: ["due date", "due on", "end date", "deadline", "target date"],
    last_reviewed_at: ["last reviewed", "last reviewed at", "reviewed on", "last review date"],
    created_at: ["created date", "created at", "start date"],
  },
};

/** "Account Name", "account_name" and " ACCOUNT-NAME " read the same. */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/**
 * The field each header fills (null: ignored). A field takes the first
 * header that names it by its most usual name (the alias listed first wins
 * over later ones), and no two headers fill the same field.
 */
export function mapColumns(kind: ImportKind, headers: readonly string[]): Record<string, ImportField | null> {
  const aliases = fieldAliases[kind];
  const normalized = headers.map(normalizeHeader);
  const mapping: Record<string, ImportField | null> = Object.fromEntries(headers.map((header) => [header, null]));
  const taken = new Set<number>();
  // Rank every (field, header) pair by how usual the alias is, so "Website"
  // goes to domains in a partner file even when "Domain" is absent.
  const candidates: { field: ImportField; column: number; rank: number }[] = [];
  for (const [field, names] of Object.entries(aliases)) {
    names.forEach((name, rank) => {
      normalized.forEach((header, column) => {
        if (header === name) candidates.push({ field, column, rank });
      });
    });
  }
  candidates.sort((a, b) => a.rank - b.rank || a.column - b.column);
  const filled = new Set<ImportField>();
  for (const { field, column } of candidates) {
    if (filled.has(field) || taken.has(column)) continue;
    filled.add(field);
    taken.add(column);
    mapping[headers[column]!] = field;
  }
  return mapping;
}

/** The fields a user may pick for a column of this kind, in a stable order. */
export function fieldsOf(kind: ImportKind): ImportField[] {
  return Object.keys(fieldAliases[kind]);
}
