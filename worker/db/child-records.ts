/**
 * The rows of the six records that belong to a partner, and how each reads
 * in the API. Kept apart from the routes so query modules (the sidebar's
 * context, the meeting writer) can use them without reaching into routes/.
 */
import type { Commitment } from "../../shared/schemas/commitment.ts";
import type { Contact } from "../../shared/schemas/contact.ts";
import type { Goal } from "../../shared/schemas/goal.ts";
import type { Interaction } from "../../shared/schemas/interaction.ts";
import type { Meeting } from "../../shared/schemas/meeting.ts";
import type { Referral, StageChange } from "../../shared/schemas/referral.ts";

export interface ChildRow {
  id: string;
  workspace_id: string;
  partner_id: string;
  version: number;
  created_at: string;
  updated_at: string;
}

type Visibility = "private" | "shared";

export interface ContactRow extends ChildRow {
  email: string;
  name: string | null;
  title: string | null;
  phone: string | null;
  visibility: Visibility;
}

export function contactToApi(row: ContactRow): Contact {
  return {
    id: row.id, partner_id: row.partner_id, email: row.email, name: row.name, title: row.title, phone: row.phone,
    visibility: row.visibility, version: row.version, created_at: row.created_at, updated_at: row.updated_at,
  };
}

export interface CommitmentRow extends ChildRow {
  title: string;
  owed_by: Commitment["owed_by"];
  owner_email: string | null;
  due_on: string | null;
  status: Commitment["status"];
  completed_at: string | null;
  source_url: string | null;
  meeting_id: string | null;
  visibility: Visibility;
}

export function commitmentToApi(row: CommitmentRow): Commitment {
  return {
    id: row.id, partner_id: row.partner_id, title: row.title, owed_by: row.owed_by, owner_email: row.owner_email,
    due_on: row.due_on, status: row.status, completed_at: row.completed_at, source_url: row.source_url,
    meeting_id: row.meeting_id, visibility: row.visibility, created_at: row.created_at, updated_at: row.updated_at,
    version: row.version,
  };
}

export interface GoalRow extends ChildRow {
  title: string;
  metric: string | null;
  target: number | null;
  current: number | null;
  due_on: string | null;
  milestones_json: string;
  last_reviewed_at: string | null;
  visibility: Visibility;
}

export function goalToApi(row: GoalRow): Goal {
  return {
    id: row.id, partner_id: row.partner_id, title: row.title, metric: row.metric, target: row.target,
    current: row.current, due_on: row.due_on, milestones: JSON.parse(row.milestones_json) as Goal["milestones"],
    last_reviewed_at: row.last_reviewed_at, visibility: row.visibility, version: row.version,
    created_at: row.created_at, updated_at: row.updated_at,
  };
}

export interface InteractionRow extends ChildRow {
  kind: Interaction["kind"];
  direction: Interaction["direction"];
  occurred_at: string;
  summary: string;
  participants_json: string;
  source_url: string | null;
  meeting_id: string | null;
  visibility: Visibility;
}

export function interactionToApi(row: InteractionRow): Interaction {
  return {
    id: row.id, partner_id: row.partner_id, kind: row.kind, direction: row.direction, occurred_at: row.occurred_at,
    summary: row.summary, participants: JSON.parse(row.participants_json) as string[], source_url: row.source_url,
    meeting_id: row.meeting_id, visibility: row.visibility, version: row.version, created_at: row.created_at,
  };
}

export interface MeetingRow extends ChildRow {
  title: string;
  occurred_at: string;
  attendees_json: string;
  agenda: string;
  notes: string;
  decisions_json: string;
  source_url: string | null;
  interaction_id: string;
  calendar_event_id: string | null;
  visibility: Visibility;
}

export function meetingToApi(row: MeetingRow): Meeting {
  return {
    id: row.id, partner_id: row.partner_id, title: row.title, occurred_at: row.occurred_at,
    attendees: JSON.parse(row.attendees_json) as string[], agenda: row.agenda, notes: row.notes,
    decisions: JSON.parse(row.decisions_json) as string[], source_url: row.source_url,
    interaction_id: row.interaction_id, calendar_event_id: row.calendar_event_id ?? null, visibility: row.visibility,
    version: row.version, created_at: row.created_at,
  };
}

export interface ReferralRow extends ChildRow {
  direction: Referral["direction"];
  account_name: string;
  amount_minor: number | null;
  currency: string | null;
  stage: Referral["stage"];
  submitted_at: string;
  stage_history_json: string;
  notes: string | null;
  fee_paid_at: string | null;
  visibility: Visibility;
}

export function referralToApi(row: ReferralRow): Referral {
  return {
    id: row.id, partner_id: row.partner_id, direction: row.direction, account_name: row.account_name,
    amount_minor: row.amount_minor, currency: row.currency, stage: row.stage, submitted_at: row.submitted_at,
    stage_history: JSON.parse(row.stage_history_json) as StageChange[], notes: row.notes, fee_paid_at: row.fee_paid_at,
    visibility: row.visibility, version: row.version, created_at: row.created_at, updated_at: row.updated_at,
  };
}
