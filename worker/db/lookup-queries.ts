/**
 * The queries behind GET /v1/lookup: which partners the people or record on
 * screen belong to, and what the sidebar shows of them. Every statement is
 * scoped by the caller's token itself (tokenSql.workspaceOfToken), and the
 * partner statements by the match conditions too (a `matched` CTE repeated in
 * each), so the whole lookup is one batch with the token check: one D1 round
 * trip for "who are you", "who is this" and "what do we know of them".
 */
import type { MatchReason } from "../../shared/schemas/lookup.ts";
import { tokenSql } from "./tokens.ts";
import type { TrackedDb } from "./tracked-db.ts";

const byToken = tokenSql.workspaceOfToken;
// Each kind's values go in as one JSON array: every statement can carry all
// of a lookup's keys (up to 200, more than D1's 100 bound parameters), and
// the shared CTE binds the same six values whatever was asked.
const jsonList = "(SELECT value FROM json_each(?))";
/** The caller's workspace inside a statement that starts with matchedCte. */
export const callerWorkspace = "(SELECT workspace_id FROM caller)";
export const maxMatches = 10;

/** Record ids name one partner for certain; a shared email domain is the weakest sign. */
export const matchStrength: Record<MatchReason["type"], number> = { salesforce: 0, hubspot: 0, linkedin: 0, email: 1, domain: 2 };
const kinds = ["email", "domain", "salesforce", "hubspot", "linkedin"] as const satisfies readonly MatchReason["type"][];

/** One kind of match, scoped by `workspace` (SQL); its rows are (partner_id, value). */
function matchSql(kind: MatchReason["type"], workspace: string): string {
  switch (kind) {
    case "email":
      return `SELECT c.partner_id, c.email AS value FROM contacts c JOIN partners p ON p.id = c.partner_id
      WHERE c.workspace_id = ${workspace} AND c.email IN ${jsonList} AND p.archived_at IS NULL`;
    case "domain":
      return `SELECT partner_id, domain AS value FROM partner_domains WHERE workspace_id = ${workspace} AND domain IN ${jsonList}`;
    case "salesforce":
      return `SELECT id AS partner_id, salesforce_account_id AS value FROM partners
      WHERE workspace_id = ${workspace} AND salesforce_key IN ${jsonList} AND archived_at IS NULL`;
    case "hubspot":
      return `SELECT id AS partner_id, hubspot_company_id AS value FROM partners
      WHERE workspace_id = ${workspace} AND hubspot_company_id IN ${jsonList} AND archived_at IS NULL`;
    case "linkedin":
      return `SELECT id AS partner_id, linkedin_slug AS value FROM partners
      WHERE workspace_id = ${workspace} AND linkedin_slug IN ${jsonList} AND archived_at IS NULL`;
  }
}

/**
 * `caller` (the token's workspace) and `matched` (the ids of the strongest
 * matches, at most maxMatches): the prefix of every partner statement.
 * Binds the token hash, then the five kinds' JSON lists (matchedParams).
 */
export const matchedCte = `WITH caller AS (${byToken.slice(1, -1)}),
  found (partner_id, strength) AS (${kinds.map((kind) => `SELECT partner_id, ${matchStrength[kind]} FROM (${matchSql(kind, callerWorkspace)})`).join("\n  UNION ALL ")}),
  matched (id) AS (SELECT partner_id FROM found GROUP BY partner_id ORDER BY min(strength), partner_id LIMIT ${maxMatches})
`;

/** The SQL of the lookup path, exported so the benchmark explains these very statements. */
export const lookupSql = {
  contactsByEmail: `SELECT * FROM (${matchSql("email", byToken)})`,
  domainsByName: `SELECT * FROM (${matchSql("domain", byToken)})`,
  partnersBySalesforceKey: `SELECT * FROM (${matchSql("salesforce", byToken)})`,
  partnersByHubspotId: `SELECT * FROM (${matchSql("hubspot", byToken)})`,
  partnersByLinkedinSlug: `SELECT * FROM (${matchSql("linkedin", byToken)})`,
  // CROSS JOIN keeps matched the outer loop: left to itself SQLite may walk
  // the whole workspace's partners and probe matched for each.
  matchedPartners: `${matchedCte}SELECT p.* FROM matched CROSS JOIN partners p ON p.id = matched.id
      WHERE p.workspace_id = ${callerWorkspace} AND p.archived_at IS NULL`,
  matchedDomains: `${matchedCte}SELECT d.partner_id, d.domain FROM matched CROSS JOIN partner_domains d
      ON d.workspace_id = ${callerWorkspace} AND d.partner_id = matched.id`,
} as const;

const matchSqlByKind = {
  email: lookupSql.contactsByEmail, domain: lookupSql.domainsByName,
  salesforce: lookupSql.partnersBySalesforceKey, hubspot: lookupSql.partnersByHubspotId,
  linkedin: lookupSql.partnersByLinkedinSlug,
} as const;

/** What was asked, normalized: lower-case emails, candidate domains, 15-character Salesforce keys. */
export interface LookupKeys {
  emails: string[];
  domains: string[];
  salesforceKeys: string[];
  hubspotIds: string[];
  /** LinkedIn company pages' slugs, lower-case. */
  linkedinSlugs: string[];
}

/** The values matchedCte binds, in its order. */
export function matchedParams(tokenHash: string, keys: LookupKeys): string[] {
  return [tokenHash, ...[keys.emails, keys.domains, keys.salesforceKeys, keys.hubspotIds, keys.linkedinSlugs].map((values) => JSON.stringify(values))];
}

export interface MatchQueries {
  statements: D1PreparedStatement[];
  /** What each statement matches by, in the same order. */
  kinds: MatchReason["type"][];
}

/** One statement per kind asked for: why each partner matched. */
export function matchStatements(db: TrackedDb, tokenHash: string, keys: LookupKeys): MatchQueries {
  const queries: MatchQueries = { statements: [], kinds: [] };
  const values = { email: keys.emails, domain: keys.domains, salesforce: keys.salesforceKeys, hubspot: keys.hubspotIds, linkedin: keys.linkedinSlugs };
  for (const kind of kinds) {
    if (values[kind].length === 0) continue;
    queries.kinds.push(kind);
    queries.statements.push(db.prepare(matchSqlByKind[kind], tokenHash, JSON.stringify(values[kind])));
  }
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

/** The matched partners and their domains, in the same batch as the matches. */
export function matchedPartnerStatements(db: TrackedDb, scope: string[]): D1PreparedStatement[] {
  return [db.prepare(lookupSql.matchedPartners, ...scope), db.prepare(lookupSql.matchedDomains, ...scope)];
}
