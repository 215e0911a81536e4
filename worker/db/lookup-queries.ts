/**
 * The queries behind GET /v1/lookup: which partners the people or record on
 * screen belong to. Each match query is scoped by the caller's token itself
 * (tokenSql.workspaceOfToken), so it runs in the same batch as the token
 * check: one round trip for "who are you" and "who is this".
 */
import type { MatchReason } from "../../shared/schemas/lookup.ts";
import { inChunks, placeholders } from "./sql.ts";
import { tokenSql } from "./tokens.ts";
import type { TrackedDb } from "./tracked-db.ts";

const byToken = tokenSql.workspaceOfToken;

/** The SQL of the lookup path, exported so the benchmark explains these very statements. */
export const lookupSql = {
  contactsByEmail: (list: string) =>
    `SELECT c.partner_id, c.email AS value FROM contacts c JOIN partners p ON p.id = c.partner_id
      WHERE c.workspace_id = ${byToken} AND c.email IN (${list}) AND p.archived_at IS NULL`,
  domainsByName: (list: string) =>
    `SELECT partner_id, domain AS value FROM partner_domains WHERE workspace_id = ${byToken} AND domain IN (${list})`,
  partnersBySalesforceKey: (list: string) =>
    `SELECT id AS partner_id, salesforce_account_id AS value FROM partners
      WHERE workspace_id = ${byToken} AND salesforce_key IN (${list}) AND archived_at IS NULL`,
  partnersByHubspotId: (list: string) =>
    `SELECT id AS partner_id, hubspot_company_id AS value FROM partners
      WHERE workspace_id = ${byToken} AND hubspot_company_id IN (${list}) AND archived_at IS NULL`,
  matchedPartners: (list: string) => `SELECT * FROM partners WHERE workspace_id = ? AND id IN (${list}) AND archived_at IS NULL`,
  matchedDomains: (list: string) => `SELECT partner_id, domain FROM partner_domains WHERE workspace_id = ? AND partner_id IN (${list})`,
} as const;

/** What was asked, normalized: lower-case emails, candidate domains, 15-character Salesforce keys. */
export interface LookupKeys {
  emails: string[];
  domains: string[];
  salesforceKeys: string[];
  hubspotIds: string[];
}

export interface MatchQueries {
  statements: D1PreparedStatement[];
  /** What each statement matches by, in the same order. */
  kinds: MatchReason["type"][];
}

export function matchStatements(db: TrackedDb, tokenHash: string, keys: LookupKeys): MatchQueries {
  const queries: MatchQueries = { statements: [], kinds: [] };
  const add = (kind: MatchReason["type"], sql: (list: string) => string, values: string[]) => {
    for (const some of inChunks(values)) {
      queries.kinds.push(kind);
      queries.statements.push(db.prepare(sql(placeholders(some)), tokenHash, ...some));
    }
  };
  add("email", lookupSql.contactsByEmail, keys.emails);
  add("domain", lookupSql.domainsByName, keys.domains);
  add("salesforce", lookupSql.partnersBySalesforceKey, keys.salesforceKeys);
  add("hubspot", lookupSql.partnersByHubspotId, keys.hubspotIds);
  return queries;
}

/** Each matched partner's reasons, without repeats. */
export function matchReasons(results: D1Result<{ partner_id: string; value: string }>[], kinds: MatchReason["type"][]): Map<string, MatchReason[]> {
  const reasons = new Map<string, MatchReason[]>();
  results.forEach((result, index) => {
    for (const row of result.results) {
      const list = reasons.get(row.partner_id) ?? [];
      if (!list.some((reason) => reason.type === kinds[index] && reason.value === row.value)) list.push({ type: kinds[index]!, value: row.value });
      reasons.set(row.partner_id, list);
    }
  });
  return reasons;
}

/** The matched partners and their domains, in statements for the caller's second batch. */
export function matchedPartnerStatements(db: TrackedDb, workspaceId: string, ids: string[]): D1PreparedStatement[] {
  return [
    db.prepare(lookupSql.matchedPartners(placeholders(ids)), workspaceId, ...ids),
    db.prepare(lookupSql.matchedDomains(placeholders(ids)), workspaceId, ...ids),
  ];
}
