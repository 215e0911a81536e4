import { env } from "cloudflare:test";
import { expect } from "vitest";
import type { z } from "zod";
import { errorBody } from "../../shared/schemas/common.ts";
import type { MeetingCreated } from "../../shared/schemas/meeting.ts";
import { api, type ApiResponse, type TestCaller } from "./api-client.ts";

// Realistic records for "Acme Cloud Partners", a UK reseller, as one
// workspace would hold them. Dates are in the past of the test clock, so no
// "is in the future" rule gets in the way.

export const acmeSalesforceId = "001Aa00000XyZ12";
export const acmeHubspotId = "48151623";
export const acmeDomains = ["acme.co.uk", "acme-partners.com"];
export const acmeContactEmail = "priya.shah@acme.co.uk";

export function acmePartnerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "Acme Cloud Partners",
    domains: acmeDomains,
    salesforce_account_id: acmeSalesforceId,
    hubspot_company_id: acmeHubspotId,
    kind: "reseller",
    tier: "Gold",
    status: "active",
    cadence_days: 14,
    owner_email: "dana.reyes@northwind.example",
    business_model: "Resells our platform bundled with their managed Azure landing zones",
    objectives: "Ten sourced deals in UK mid-market retail this year",
    plan: {
      our_roles: ["Co-marketing budget", "Technical enablement"],
      partner_roles: ["Lead sourcing", "First-line support"],
      terms: { margin_percent: 20, referral_fee_percent: 10, notes: "Margin reviewed each April" },
      rules_of_engagement: "Acme registers deals in the portal before the first customer meeting.",
      documents: [{ title: "Reseller agreement 2026", url: "https://docs.northwind.example/acme/reseller-2026.pdf" }],
      renewal_on: "2027-04-01",
    },
    visibility: "shared",
    ...overrides,
  };
}

export const acmeContact = {
  email: acmeContactEmail,
  name: "Priya Shah",
  title: "Head of Alliances",
  phone: "+44 20 7946 0958",
};

export const acmeInteraction = {
  kind: "email",
  direction: "inbound",
  occurred_at: "2026-02-12T14:05:00Z",
  summary: "Priya asked for the Q3 co-marketing budget split",
  participants: [acmeContactEmail, "dana.reyes@northwind.example"],
  source_url: "https://mail.google.com/mail/u/0/#inbox/18c2f0a9d7e3b1c4",
};

export const acmeCommitment = {
  title: "Send Acme the co-marketing MDF proposal",
  owed_by: "us",
  owner_email: "dana.reyes@northwind.example",
  due_on: "2026-03-01",
};

export const acmeReferral = {
  direction: "to_us",
  account_name: "Globex Retail Group",
  amount_minor: 4_500_000,
  currency: "GBP",
  submitted_at: "2026-02-10T09:30:00Z",
  notes: "Globex is moving 40 stores to Azure; Acme has the relationship",
};

export const acmeGoal = {
  title: "Ten sourced deals in 2026",
  metric: "sourced deals",
  target: 10,
  current: 3,
  due_on: "2026-12-31",
  milestones: [
    { title: "First joint webinar", due_on: "2026-04-15" },
    { title: "Deal registration live", done: true },
  ],
};

export const acmeMeeting = {
  title: "Q1 joint pipeline review",
  occurred_at: "2026-03-04T10:00:00Z",
  attendees: [acmeContactEmail, "dana.reyes@northwind.example"],
  agenda: "Pipeline, co-marketing, enablement",
  notes: "Globex is the lead opportunity; Acme wants two more certified engineers.",
  decisions: ["Co-sell the Azure migration offer in EMEA"],
  action_items: [
    { title: "Send the EMEA target account list", owed_by: "partner", due_on: "2026-03-18", owner_email: acmeContactEmail },
  ],
  source_url: "https://docs.northwind.example/meetings/acme-q1",
};

/** Every POST endpoint, with a valid body that may be sent again without colliding (n makes it unique). */
export type PostKind = "partners" | "contacts" | "interactions" | "commitments" | "referrals" | "goals" | "meetings";
export type ChildCollection = Exclude<PostKind, "partners">;
export const childCollections: ChildCollection[] = ["contacts", "interactions", "commitments", "referrals", "goals", "meetings"];

export function uniqueCreateBody(kind: PostKind, n: number): Record<string, unknown> {
  switch (kind) {
    case "partners":
      return acmePartnerBody({
        name: `Acme Cloud Partners ${n}`,
        domains: [`acme-${n}.co.uk`],
        salesforce_account_id: null,
        hubspot_company_id: null,
      });
    case "contacts":
      return { ...acmeContact, email: `contact-${n}@acme.co.uk`, name: `Contact ${n}` };
    case "interactions":
      return { ...acmeInteraction, summary: `Follow-up ${n} on the Q3 budget` };
    case "commitments":
      return { ...acmeCommitment, title: `Send Acme proposal revision ${n}` };
    case "referrals":
      return { ...acmeReferral, account_name: `Globex Retail Group ${n}` };
    case "goals":
      return { ...acmeGoal, title: `Goal ${n}: sourced deals` };
    case "meetings":
      return { ...acmeMeeting, title: `Pipeline review ${n}` };
  }
}

/** A valid change for each record kind. */
export const validPatch: Record<"partners" | ChildCollection, Record<string, unknown>> = {
  partners: { tier: "Platinum", objectives: "Fifteen sourced deals" },
  contacts: { title: "VP Alliances" },
  interactions: { summary: "Priya asked for the Q3 and Q4 budget split" },
  commitments: { status: "done" },
  referrals: { stage: "accepted" },
  goals: { current: 5 },
  meetings: { notes: "Edited after the call" },
};

export interface AcmeRecords {
  partner: any;
  contact: any;
  interaction: any;
  commitment: any;
  referral: any;
  goal: any;
  meeting: MeetingCreated;
}

async function created(caller: TestCaller, path: string, body: unknown): Promise<any> {
  const response = await api(caller, "POST", path, { body });
  expect(response.status, `POST ${path}: ${JSON.stringify(response.body)}`).toBe(201);
  return response.body;
}

/** Acme with one record of each kind, as the caller's workspace holds them. */
export async function seedAcme(caller: TestCaller, partnerBody = acmePartnerBody()): Promise<AcmeRecords> {
  const partner = await created(caller, "/v1/partners", partnerBody);
  const under = `/v1/partners/${partner.id}`;
  const [contact, interaction, commitment, referral, goal, meeting] = await Promise.all([
    created(caller, `${under}/contacts`, acmeContact),
    created(caller, `${under}/interactions`, acmeInteraction),
    created(caller, `${under}/commitments`, acmeCommitment),
    created(caller, `${under}/referrals`, acmeReferral),
    created(caller, `${under}/goals`, acmeGoal),
    created(caller, `${under}/meetings`, acmeMeeting),
  ]);
  return { partner, contact, interaction, commitment, referral, goal, meeting };
}

/** The id of the record of a kind in a seeded set. */
export function recordOf(records: AcmeRecords, kind: "partners" | ChildCollection): { id: string } {
  switch (kind) {
    case "partners": return records.partner;
    case "contacts": return records.contact;
    case "interactions": return records.interaction;
    case "commitments": return records.commitment;
    case "referrals": return records.referral;
    case "goals": return records.goal;
    case "meetings": return records.meeting.meeting;
  }
}

export const workspaceTables = [
  "partners", "partner_domains", "contacts", "interactions", "commitments", "referrals", "goals", "meetings",
  "plan_versions", "audit_log", "idempotency_keys", "captures", "deleted_records",
] as const;
export type WorkspaceTable = (typeof workspaceTables)[number];

export async function countRows(workspaceId: string, table: WorkspaceTable): Promise<number> {
  const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE workspace_id = ?`).bind(workspaceId).first<{ n: number }>();
  return row!.n;
}

/** Row counts of every table for one workspace. */
export async function rowCounts(workspaceId: string): Promise<Record<WorkspaceTable, number>> {
  const results = await env.DB.batch(
    workspaceTables.map((table) => env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE workspace_id = ?`).bind(workspaceId)),
  );
  return Object.fromEntries(workspaceTables.map((table, index) => [table, (results[index]!.results[0] as { n: number }).n])) as Record<
    WorkspaceTable,
    number
  >;
}

export async function auditEntries(workspaceId: string, entityId: string, action?: string): Promise<{ action: string; actor_member_id: string | null; after_json: string | null }[]> {
  const result = await env.DB.prepare(
    `SELECT action, actor_member_id, after_json FROM audit_log WHERE workspace_id = ? AND entity_id = ?${action ? " AND action = ?" : ""} ORDER BY at`,
  )
    .bind(workspaceId, entityId, ...(action ? [action] : []))
    .all<{ action: string; actor_member_id: string | null; after_json: string | null }>();
  return result.results;
}

/** A 4xx in the API's error shape with the given status and code. */
export function expectError(response: ApiResponse, status: number, code: string): z.infer<typeof errorBody>["error"] {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  const parsed = errorBody.safeParse(response.body);
  expect(parsed.success, `error body shape: ${JSON.stringify(response.body)}`).toBe(true);
  const error = parsed.data!.error;
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}

/** A 400 whose issues[] names the given path. */
export function expectInvalidField(response: ApiResponse, path: string): z.infer<typeof errorBody>["error"] {
  const error = expectError(response, 400, "invalid_request");
  expect(error.issues, `issues in ${JSON.stringify(response.body)}`).toBeDefined();
  expect(error.issues!.map((issue) => issue.path)).toContain(path);
  return error;
}
