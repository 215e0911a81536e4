/**
 * Every statement a GET /v1/lookup can run: the worker's own SQL, imported
 * from the modules that run it (never copied), so the plans
 * bench/query-plans.ts explains are the ones that ship. An `IN (?)` list is
 * built with one placeholder, which the explainer fills with a literal list.
 */
import type { SqlValue } from "../demo/sql-literal.ts";
import { healthSql } from "../worker/db/health-store.ts";
import { lookupSql, matchedParams } from "../worker/db/lookup-queries.ts";
import { historySql } from "../worker/db/partnership-history.ts";
import { linkedSql } from "../worker/db/shared-context.ts";
import { tokenSql } from "../worker/db/tokens.ts";

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
  linkedinSlugs: string[];
  partnerIds: string[];
}

export interface LookupStatement {
  name: string;
  sql: string;
  /** One value per `?`; an array fills an `IN (?)` list. */
  params: (values: PlanValues) => (SqlValue | SqlValue[])[];
}

const list = "?";
/** The values every matched-partner statement starts with: the token and the five kinds' lists. */
const scope = (v: PlanValues) => matchedParams(v.tokenHash, v);

export const lookupStatements: LookupStatement[] = [
  { name: "auth: token → caller", sql: tokenSql.callerByHash, params: (v) => [v.tokenHash] },
  { name: "auth: touch last_used_at (once a minute)", sql: tokenSql.touch, params: (v) => [v.nowIso, v.tokenId] },
  // The lookup itself: every kind of key, why each partner matched, its domains and its sidebar context.
  { name: "lookup: matched partners with their context", sql: lookupSql.matchedPartners, params: scope },
  { name: "context: live connections", sql: linkedSql, params: (v) => scope(v) },
  // Only when a matched partner's stored health score is missing or stale.
  // (Its health_snapshots upsert goes by primary key; EXPLAIN shows no plan.)
  { name: "health: workspace settings", sql: healthSql.settings, params: (v) => [v.workspaceId] },
  { name: "health: interactions since", sql: historySql.interactions(list), params: (v) => [v.workspaceId, v.partnerIds, v.sinceIso] },
  { name: "health: commitments", sql: historySql.commitments(list), params: (v) => [v.workspaceId, v.partnerIds] },
  { name: "health: referrals since", sql: historySql.referrals(list), params: (v) => [v.workspaceId, v.partnerIds, v.sinceIso] },
  { name: "health: goals", sql: historySql.goals(list), params: (v) => [v.workspaceId, v.partnerIds] },
  { name: "health: meetings since", sql: historySql.meetings(list), params: (v) => [v.workspaceId, v.partnerIds, v.sinceIso] },
  { name: "health: connected partner's shared commitments", sql: historySql.theirCommitments(list), params: (v) => [v.workspaceId, v.partnerIds] },
  { name: "health: connected partner's shared referrals since", sql: historySql.theirReferrals(list), params: (v) => [v.workspaceId, v.partnerIds, v.sinceIso] },
  { name: "health: store score", sql: healthSql.storeScore, params: (v) => [50, "{}", v.partnerIds[0]!, v.workspaceId] },
];
