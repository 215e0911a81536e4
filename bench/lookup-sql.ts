/**
 * Every statement a GET /v1/lookup can run, copied from the worker with the
 * file it lives in. bench/query-plans.ts explains each against the largest
 * database and checks, first, that each one still appears in its file
 * (whitespace and `${…}` placeholders aside), so an edit to the worker's SQL
 * fails the bench until the copy here follows it.
 */
import type { SqlValue } from "../demo/sql-literal.ts";

/** Values to explain the statements with: a real workspace, token and partners. */
export interface PlanValues {
  workspaceId: string;
  tokenHash: string;
  tokenId: string;
  nowIso: string;
  sinceIso: string;
  emails: string[];
  domains: string[];
  salesforceKeys: string[];
  hubspotIds: string[];
  partnerIds: string[];
}

export interface LookupStatement {
  name: string;
  /** Repo-relative file the SQL is copied from. */
  source: string;
  sql: string;
  /** One value per `?`; an array fills an `IN (?)` list. */
  params: (values: PlanValues) => (SqlValue | SqlValue[])[];
}

const auth = "worker/http/auth.ts";
const lookup = "worker/routes/lookup.ts";
const context = "worker/db/partner-context.ts";
const health = "worker/db/health-store.ts";
const history = "worker/db/partnership-history.ts";

export const lookupStatements: LookupStatement[] = [
  {
    name: "auth: token → caller", source: auth,
    sql: `SELECT t.id AS token_id, t.prefix, t.last_used_at, t.workspace_id, m.id AS member_id, m.email, m.role
       FROM api_tokens t JOIN members m ON m.id = t.member_id AND m.workspace_id = t.workspace_id
      WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
    params: (v) => [v.tokenHash],
  },
  {
    name: "auth: touch last_used_at (once a minute)", source: auth,
    sql: "UPDATE api_tokens SET last_used_at = ? WHERE id = ?",
    params: (v) => [v.nowIso, v.tokenId],
  },
  {
    name: "lookup: contacts by email", source: lookup,
    sql: `SELECT c.partner_id, c.email AS value FROM contacts c JOIN partners p ON p.id = c.partner_id
            WHERE c.workspace_id = ? AND c.email IN (?) AND p.archived_at IS NULL`,
    params: (v) => [v.workspaceId, v.emails],
  },
  {
    name: "lookup: partner_domains by domain", source: lookup,
    sql: "SELECT partner_id, domain AS value FROM partner_domains WHERE workspace_id = ? AND domain IN (?)",
    params: (v) => [v.workspaceId, v.domains],
  },
  {
    name: "lookup: partners by Salesforce key", source: lookup,
    sql: "SELECT id AS partner_id, salesforce_account_id AS value FROM partners WHERE workspace_id = ? AND salesforce_key IN (?) AND archived_at IS NULL",
    params: (v) => [v.workspaceId, v.salesforceKeys],
  },
  {
    name: "lookup: partners by HubSpot id", source: lookup,
    sql: "SELECT id AS partner_id, hubspot_company_id AS value FROM partners WHERE workspace_id = ? AND hubspot_company_id IN (?) AND archived_at IS NULL",
    params: (v) => [v.workspaceId, v.hubspotIds],
  },
  {
    name: "lookup: matched partners", source: lookup,
    sql: "SELECT * FROM partners WHERE workspace_id = ? AND id IN (?) AND archived_at IS NULL",
    params: (v) => [v.workspaceId, v.partnerIds],
  },
  {
    name: "lookup: matched partners' domains", source: lookup,
    sql: "SELECT partner_id, domain FROM partner_domains WHERE workspace_id = ? AND partner_id IN (?)",
    params: (v) => [v.workspaceId, v.partnerIds],
  },
  {
    name: "context: recent interactions", source: context,
    sql: "SELECT * FROM interactions WHERE workspace_id = ? AND partner_id = ? ORDER BY occurred_at DESC LIMIT ?",
    params: (v) => [v.workspaceId, v.partnerIds[0], 5],
  },
  {
    name: "context: open commitments", source: context,
    sql: `SELECT * FROM commitments WHERE workspace_id = ? AND partner_id = ? AND status = 'open'
        ORDER BY due_on IS NULL, due_on, created_at LIMIT ?`,
    params: (v) => [v.workspaceId, v.partnerIds[0], 50],
  },
  {
    name: "context: referral counts", source: context,
    sql: `SELECT direction, stage, currency, COUNT(*) AS count, SUM(amount_minor) AS amount_minor
         FROM referrals WHERE workspace_id = ? AND partner_id = ? GROUP BY direction, stage, currency`,
    params: (v) => [v.workspaceId, v.partnerIds[0]],
  },
  {
    name: "context: recent referrals", source: context,
    sql: "SELECT * FROM referrals WHERE workspace_id = ? AND partner_id = ? ORDER BY submitted_at DESC LIMIT ?",
    params: (v) => [v.workspaceId, v.partnerIds[0], 5],
  },
  {
    name: "context: goals", source: context,
    sql: "SELECT * FROM goals WHERE workspace_id = ? AND partner_id = ? ORDER BY due_on IS NULL, due_on, created_at LIMIT ?",
    params: (v) => [v.workspaceId, v.partnerIds[0], 20],
  },
  // Only when a matched partner's stored health score is missing or stale.
  // (Its health_snapshots upsert goes by primary key; EXPLAIN shows no plan.)
  {
    name: "health: workspace settings", source: health,
    sql: "SELECT settings_json FROM workspaces WHERE id = ?",
    params: (v) => [v.workspaceId],
  },
  {
    name: "health: interactions since", source: history,
    sql: "SELECT partner_id, kind, direction, occurred_at FROM interactions WHERE workspace_id = ? AND partner_id IN (?) AND occurred_at >= ?",
    params: (v) => [v.workspaceId, v.partnerIds, v.sinceIso],
  },
  {
    name: "health: commitments", source: history,
    sql: "SELECT partner_id, owed_by, status, due_on, completed_at, created_at FROM commitments WHERE workspace_id = ? AND partner_id IN (?)",
    params: (v) => [v.workspaceId, v.partnerIds],
  },
  {
    name: "health: referrals since", source: history,
    sql: "SELECT partner_id, direction, stage, submitted_at, stage_history_json, amount_minor, currency FROM referrals WHERE workspace_id = ? AND partner_id IN (?) AND submitted_at >= ?",
    params: (v) => [v.workspaceId, v.partnerIds, v.sinceIso],
  },
  {
    name: "health: goals", source: history,
    sql: "SELECT partner_id, title, target, current, due_on, last_reviewed_at, created_at FROM goals WHERE workspace_id = ? AND partner_id IN (?)",
    params: (v) => [v.workspaceId, v.partnerIds],
  },
  {
    name: "health: meetings since", source: history,
    sql: "SELECT partner_id, occurred_at, notes, decisions_json FROM meetings WHERE workspace_id = ? AND partner_id IN (?) AND occurred_at >= ?",
    params: (v) => [v.workspaceId, v.partnerIds, v.sinceIso],
  },
  {
    name: "health: store score", source: health,
    sql: "UPDATE partners SET health_score = ?, health_json = ? WHERE id = ? AND workspace_id = ?",
    params: (v) => [50, "{}", v.partnerIds[0], v.workspaceId],
  },
];
