/**
 * EXPLAIN QUERY PLAN for every statement of the lookup path, run by wrangler
 * (workerd's SQLite, the one the server uses) against a seeded local D1.
 *
 * A plan fails when its reads grow with the workspace: a SCAN of a table
 * (with or without an index: both visit every row), or a SEARCH of a
 * per-partner table bounded only by columns every row of a workspace shares
 * (every index leads with workspace_id, so "(workspace_id=?)" alone reads
 * the whole workspace).
 */
import { sqlLiteral, type SqlValue } from "../demo/sql-literal.ts";
import { executeSql, localD1 } from "../scripts/local-d1.ts";
import { type LookupStatement, lookupStatements, type PlanValues } from "./lookup-sql.ts";

/** Tables with rows per partner (or per event): any read of them must be bounded by one. */
const perPartnerTables = new Set([
  "partners", "partner_domains", "contacts", "interactions", "meetings", "commitments",
  "referrals", "goals", "health_snapshots", "audit_log",
]);
/** Columns that pick out a few rows; a SEARCH of a per-partner table must use one. */
const selectiveColumns = new Set(["rowid", "id", "partner_id", "email", "domain", "salesforce_key", "hubspot_company_id", "linkedin_slug", "token_hash", "entity_id"]);

/**
 * What a SCAN may read: rows the request itself bounds. json_each walks one
 * bound list of the request's keys (at most 200); found and matched are the
 * lookup's CTEs (worker/db/lookup-queries.ts), the rows those keys matched
 * through their indexes, matched at most ten.
 */
const requestBounded = new Set(["CONSTANT", "json_each", "found", "matched"]);
/**
 * A subquery in FROM (a co-routine): scanning it reads the rows its own plan
 * produced, and that plan's lines are checked like any other.
 */
const subquery = /^\(subquery-\d+\)$/;

export interface PlanProblem { line: string; reason: string }

export interface ExplainedStatement {
  statement: LookupStatement;
  plan: string[];
  problems: PlanProblem[];
}

/** One wrangler call for all statements; the database must not be open in another writer. */
export async function explainLookupPath(values: PlanValues, statements = lookupStatements): Promise<ExplainedStatement[]> {
  const sql = statements.map((statement) => `EXPLAIN QUERY PLAN ${withLiterals(statement, values)};`).join("\n");
  const results = await executeSql(sql, localD1);
  if (results.length !== statements.length) {
    throw new Error(`EXPLAIN QUERY PLAN returned ${results.length} results for ${statements.length} statements`);
  }
  return statements.map((statement, index) => {
    const rows = results[index]!.results as { id: number; parent: number; detail: string }[];
    const plan = indentPlan(rows);
    return { statement, plan, problems: rows.flatMap((row) => planProblems(row.detail)) };
  });
}

/** D1's `--command` takes no bound parameters, so values go in as SQL literals. */
function withLiterals(statement: LookupStatement, values: PlanValues): string {
  const params = statement.params(values);
  const parts = statement.sql.split("?");
  if (parts.length - 1 !== params.length) {
    throw new Error(`"${statement.name}" has ${parts.length - 1} placeholders but ${params.length} values`);
  }
  const literal = (value: SqlValue | SqlValue[]) => (Array.isArray(value) ? value.map(sqlLiteral).join(", ") : sqlLiteral(value));
  return parts.map((part, index) => (index === 0 ? part : literal(params[index - 1]!) + part)).join("");
}

function indentPlan(rows: { id: number; parent: number; detail: string }[]): string[] {
  const depth = new Map<number, number>([[0, 0]]);
  return rows.map((row) => {
    const level = (depth.get(row.parent) ?? 0) + 1;
    depth.set(row.id, level);
    return `${"  ".repeat(level - 1)}${row.detail}`;
  });
}

export function planProblems(line: string): PlanProblem[] {
  const scan = /^SCAN (\S+)(.*)$/.exec(line);
  if (scan && !requestBounded.has(scan[1]!) && !subquery.test(scan[1]!)) {
    return [{ line, reason: `reads every row of ${scan[1]}${/USING (COVERING )?INDEX/.test(scan[2]!) ? " (through an index)" : " (full table scan)"}` }];
  }
  const search = /^SEARCH (\S+) USING (?:COVERING )?INDEX \S+ \((.*)\)/.exec(line);
  if (search && perPartnerTables.has(search[1]!)) {
    const columns = search[2]!.split(" AND ").map((term) => term.replace(/[=<>].*$/, "").trim());
    if (!columns.some((column) => selectiveColumns.has(column))) {
      return [{ line, reason: `bounded only by ${columns.join(", ")}, no partner or key column: reads grow with the workspace` }];
    }
  }
  return [];
}
