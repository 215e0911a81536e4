/**
 * Rows exactly as migrations/0001_partnership_record.sql stores them (JSON
 * columns as text), for demo and benchmark data written straight into D1.
 * Keys are listed in the migration's column order.
 */
export type Visibility = "private" | "shared";

export interface WorkspaceRow {
  id: string; slug: string; name: string; settings_json: string; created_at: string;
}

export interface MemberRow {
  id: string; workspace_id: string; email: string;
  role: "owner" | "admin" | "member" | "viewer"; created_at: string;
}

export interface PartnerRow {
  id: string; workspace_id: string; name: string;
  kind: "reseller" | "msp" | "si" | "isv" | "referral" | "distributor";
  tier: string | null;
  status: "prospect" | "onboarding" | "active" | "dormant" | "ended";
  cadence_days: number | null; owner_email: string | null;
  business_model: string | null; objectives: string | null; plan_json: string;
  salesforce_account_id: string | null; salesforce_key: string | null; hubspot_company_id: string | null;
  visibility: Visibility; version: number; created_at: string; updated_at: string;
  archived_at: string | null; last_contact_at: string | null; health_score: number | null;
}

export interface PartnerDomainRow { workspace_id: string; domain: string; partner_id: string }

export interface ContactRow {
  id: string; workspace_id: string; partner_id: string; email: string;
  name: string | null; title: string | null; phone: string | null;
  visibility: Visibility; version: number; created_at: string; updated_at: string;
}

export interface InteractionRow {
  id: string; workspace_id: string; partner_id: string;
  kind: "email" | "meeting" | "call" | "event" | "note";
  direction: "inbound" | "outbound" | "both";
  occurred_at: string; summary: string; participants_json: string;
  source_url: string | null; meeting_id: string | null;
  visibility: Visibility; version: number; created_at: string; updated_at: string;
}

export interface CommitmentRow {
  id: string; workspace_id: string; partner_id: string; title: string;
  owed_by: "us" | "partner"; owner_email: string | null; due_on: string | null;
  status: "open" | "done" | "cancelled"; completed_at: string | null;
  source_url: string | null; meeting_id: string | null;
  visibility: Visibility; version: number; created_at: string; updated_at: string;
}

export type ReferralStage = "submitted" | "accepted" | "won" | "lost" | "rejected";

export interface ReferralRow {
  id: string; workspace_id: string; partner_id: string;
  direction: "to_us" | "to_partner"; account_name: string;
  amount_minor: number | null; currency: string | null; stage: ReferralStage;
  submitted_at: string; stage_history_json: string; notes: string | null;
  visibility: Visibility; version: number; created_at: string; updated_at: string;
}

export interface GoalRow {
  id: string; workspace_id: string; partner_id: string; title: string;
  metric: string | null; target: number | null; current: number | null; due_on: string | null;
  milestones_json: string; last_reviewed_at: string | null;
  visibility: Visibility; version: number; created_at: string; updated_at: string;
}

export interface MeetingRow {
  id: string; workspace_id: string; partner_id: string; title: string; occurred_at: string;
  attendees_json: string; agenda: string; notes: string; decisions_json: string;
  source_url: string | null; interaction_id: string;
  visibility: Visibility; version: number; created_at: string; updated_at: string;
}

/** Every table the demo fills, in an order that satisfies the foreign keys. */
export interface DemoTables {
  workspaces: WorkspaceRow[];
  members: MemberRow[];
  partners: PartnerRow[];
  partner_domains: PartnerDomainRow[];
  contacts: ContactRow[];
  interactions: InteractionRow[];
  meetings: MeetingRow[];
  commitments: CommitmentRow[];
  referrals: ReferralRow[];
  goals: GoalRow[];
}

export const demoTableOrder = [
  "workspaces", "members", "partners", "partner_domains", "contacts",
  "interactions", "meetings", "commitments", "referrals", "goals",
] as const satisfies readonly (keyof DemoTables)[];

/** The migration's columns per table, so tests can hold rows to the schema. */
export const demoTableColumns: { [T in keyof DemoTables]: readonly (keyof DemoTables[T][number])[] } = {
  workspaces: ["id", "slug", "name", "settings_json", "created_at"],
  members: ["id", "workspace_id", "email", "role", "created_at"],
  partners: [
    "id", "workspace_id", "name", "kind", "tier", "status", "cadence_days", "owner_email",
    "business_model", "objectives", "plan_json", "salesforce_account_id", "salesforce_key",
    "hubspot_company_id", "visibility", "version", "created_at", "updated_at", "archived_at",
    "last_contact_at", "health_score",
  ],
  partner_domains: ["workspace_id", "domain", "partner_id"],
  contacts: [
    "id", "workspace_id", "partner_id", "email", "name", "title", "phone",
    "visibility", "version", "created_at", "updated_at",
  ],
  interactions: [
    "id", "workspace_id", "partner_id", "kind", "direction", "occurred_at", "summary",
    "participants_json", "source_url", "meeting_id", "visibility", "version", "created_at", "updated_at",
  ],
  meetings: [
    "id", "workspace_id", "partner_id", "title", "occurred_at", "attendees_json", "agenda", "notes",
    "decisions_json", "source_url", "interaction_id", "visibility", "version", "created_at", "updated_at",
  ],
  commitments: [
    "id", "workspace_id", "partner_id", "title", "owed_by", "owner_email", "due_on", "status",
    "completed_at", "source_url", "meeting_id", "visibility", "version", "created_at", "updated_at",
  ],
  referrals: [
    "id", "workspace_id", "partner_id", "direction", "account_name", "amount_minor", "currency",
    "stage", "submitted_at", "stage_history_json", "notes", "visibility", "version", "created_at", "updated_at",
  ],
  goals: [
    "id", "workspace_id", "partner_id", "title", "metric", "target", "current", "due_on",
    "milestones_json", "last_reviewed_at", "visibility", "version", "created_at", "updated_at",
  ],
};

export function emptyDemoTables(): DemoTables {
  return {
    workspaces: [], members: [], partners: [], partner_domains: [], contacts: [],
    interactions: [], meetings: [], commitments: [], referrals: [], goals: [],
  };
}
