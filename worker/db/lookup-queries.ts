/**
 * The queries behind GET /v1/lookup: which partners the people or record on
 * screen belong to, and what the sidebar shows of them. Every statement is
 * scoped by the caller's token itself (tokenSql.workspaceOfToken), and the
 * partner statements by the match conditions too (a `matched` CTE repeated in
 * each, over only the kinds of key the request asked for), so the whole
 * lookup is one batch with the token check: one D1 round trip for "who are
 * you", "who is this" and "what do we know of them".
 */
import type { MatchReason } from "../../shared/schemas/lookup.ts";
import { contextColumns, type ContextColumns } from "./partner-context.ts";
import { tokenSql } from "./tokens.ts";
import type { TrackedDb } from "./tracked-db.ts";

const byToken = tokenSql.workspaceOfToken;
// Each kind's values go in as one JSON array: every statement can carry all
// of a lookup's keys (up to 200, more than D1's 100 bound parameters).
const jsonList = "json_each(?)";
/** The caller's workspace inside a statement that starts with matchedCte. */
export const callerWorkspace = "(SELECT workspace_id FROM caller)";
export const maxMatches = 10;

/** Record ids name one partner for certain; a shared email domain is the weakest sign. */
export const matchStrength: Record<MatchReason["type"], number> = { salesforce: 0, hubspot: 0, linkedin: 0, email: 1, domain: 2 };
const kinds = ["email", "domain", "salesforce", "hubspot", "linkedin"] as const satisfies readonly MatchReason["type"][];

/**
 * One kind of match, scoped by `workspace` (SQL); its rows are (partner_id,
 * value, ord), ord being the asked value's place in its list. The asked values
 * are the outer loop, each probing a unique index: SQLite plans this form in
 * about half the time of `IN (SELECT … json_each)`. A value asked twice gives
 * its row twice; `matched` and the matched_by column fold them.
 */
function matchSql(kind: MatchReason["type"], workspace: string): string {
  switch (kind) {
    case "email":
      return `SELECT c.partner_id, c.email AS value, json_each.key AS ord FROM ${jsonList} CROSS JOIN contacts c ON c.workspace_id = ${workspace} AND c.email = json_each.value
      CROSS JOIN partners p ON p.id = c.partner_id AND p.archived_at IS NULL`;
    case "domain":
      return `SELECT d.partner_id, d.domain AS value, json_each.key AS ord FROM ${jsonList} CROSS JOIN partner_domains d ON d.workspace_id = ${workspace} AND d.domain = json_each.value`;
    case "salesforce":
      return `SELECT p.id AS partner_id, p.salesforce_account_id AS value, json_each.key AS ord FROM ${jsonList} CROSS JOIN partners p
      ON p.workspace_id = ${workspace} AND p.salesforce_key = json_each.value AND p.archived_at IS NULL`;
    case "hubspot":
      return `SELECT p.id AS partner_id, p.hubspot_company_id AS value, json_each.key AS ord FROM ${jsonList} CROSS JOIN partners p
      ON p.workspace_id = ${workspace} AND p.hubspot_company_id = json_each.value AND p.archived_at IS NULL`;
    case "linkedin":
      return `SELECT p.id AS partner_id, p.linkedin_slug AS value, json_each.key AS ord FROM ${jsonList} CROSS JOIN partners p
      ON p.workspace_id = ${workspace} AND p.linkedin_slug = json_each.value AND p.archived_at IS NULL`;
  }
}

/**
 * `caller` (the token's workspace), `found` (every match with why: its kind,
 * the value that matched) and `matched` (the ids of the strongest matches, at
 * most maxMatches) over the kinds a lookup asked for: the prefix of every
 * lookup statement. A kind not asked is left out rather than given an empty
 * list: compiling the CTE is most of what a statement costs.
 * Binds the token hash, then each asked kind's JSON list (matchedScope).
 */
export function matchedCteFor(asked: readonly MatchReason["type"][]): string {
  const arms = asked.map((kind) =>
    `SELECT partner_id, ${matchStrength[kind]}, '${kind}', value, ${kinds.indexOf(kind)}, ord FROM (${matchSql(kind, callerWorkspace)})`);
  return `WITH caller AS (${byToken.slice(1, -1)}),
  found (partner_id, strength, type, value, arm, ord) AS (${arms.length > 0 ? arms.join("\n  UNION ALL ") : "SELECT NULL, NULL, NULL, NULL, NULL, NULL WHERE 0"}),
  matched (id) AS (SELECT partner_id FROM found GROUP BY partner_id ORDER BY min(strength), partner_id LIMIT ${maxMatches})
`;
}

/** matchedCteFor every kind: the prefix the exported statements are written with (and explained by the benchmark). */
export const matchedCte = matchedCteFor(kinds);

/**
 * The SQL of the lookup path, exported so the benchmark explains these very
 * statements. matchedPartners is the lookup itself: one row per matched
 * partner, with why it matched, its domains and the sidebar's context as JSON
 * columns (partner-context.ts), so the lookup's batch is three statements
 * (the token, this, the partners' connections) however many kinds were asked.
 */
export const lookupSql = {
  // CROSS JOIN keeps matched the outer loop: left to itself SQLite may walk
  // the whole workspace's partners and probe matched for each.
  matchedPartners: `${matchedCte}SELECT p.*,
        (SELECT json_group_array(json_array(type, value)) FROM (SELECT DISTINCT type, value, arm, ord FROM found
          WHERE found.partner_id = p.id ORDER BY arm, ord)) AS lookup_matched_by,
        (SELECT json_group_array(domain) FROM partner_domains
          WHERE workspace_id = ${callerWorkspace} AND partner_id = p.id) AS lookup_domains,
        ${contextColumns(callerWorkspace, "p.id")}
      FROM matched CROSS JOIN partners p ON p.id = matched.id
      WHERE p.workspace_id = ${callerWorkspace} AND p.archived_at IS NULL`,
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

/**
 * The matched CTE for the kinds a lookup asked for and the values it binds:
 * `sql()` turns a statement written with matchedCte into one that compiles
 * only those kinds; `params` go first in every such statement.
 */
export interface MatchedScope {
  sql(statement: string): string;
  params: string[];
}

export function matchedScope(tokenHash: string, keys: LookupKeys): MatchedScope {
  const values = valuesByKind(keys);
  const asked = kinds.filter((kind) => values[kind].length > 0);
  const cte = matchedCteFor(asked);
  return {
    sql: (statement) => {
      if (!statement.startsWith(matchedCte)) throw new Error("a matched-partner statement must start with matchedCte");
      return cte + statement.slice(matchedCte.length);
    },
    params: [tokenHash, ...asked.map((kind) => JSON.stringify(values[kind]))],
  };
}

/** Every kind's lists, in order, as matchedCte binds them (the benchmark's plans). */
export function matchedParams(tokenHash: string, keys: LookupKeys): string[] {
  const values = valuesByKind(keys);
  return [tokenHash, ...kinds.map((kind) => JSON.stringify(values[kind]))];
}

const valuesByKind = (keys: LookupKeys): Record<MatchReason["type"], string[]> =>
  ({ email: keys.emails, domain: keys.domains, salesforce: keys.salesforceKeys, hubspot: keys.hubspotIds, linkedin: keys.linkedinSlugs });

/** The lookup's statement for the matched partners, in the same batch as the token check. */
export function matchedPartnersStatement(db: TrackedDb, scope: MatchedScope): D1PreparedStatement {
  return db.prepare(scope.sql(lookupSql.matchedPartners), ...scope.params);
}

/** What the lookup statement adds to each partner row. */
export interface MatchedColumns extends ContextColumns {
  /** JSON: [type, value] pairs, strongest kind first, each once. */
  lookup_matched_by: string;
  /**
   * JSON: the partner's domains, in no order (partnerDomains sorts them): an
   * ORDER BY here makes SQLite walk the workspace's domain index instead.
   */
  lookup_domains: string;
}

/** The partner's domains, sorted, from its row. */
export function partnerDomains(row: MatchedColumns): string[] {
  return (JSON.parse(row.lookup_domains) as string[]).sort();
}

/** Why the partner matched, from its row. */
export function matchedBy(row: MatchedColumns): MatchReason[] {
  return (JSON.parse(row.lookup_matched_by) as [MatchReason["type"], string][]).map(([type, value]) => ({ type, value }));
}
