/**
 * The few SQL shapes every query module builds: INSERT from a row, IN-lists
 * within D1's bound-parameter limit, keyset cursors, and audit rows. Table
 * and column names here always come from code, never from a request.
 */
import { newId } from "../../shared/ids.ts";
import { invalidField } from "../api-error.ts";

/** Anything that prepares statements: a TrackedDb, or D1 itself. */
export interface Prepares {
  prepare(sql: string, ...params: unknown[]): D1PreparedStatement;
}

/** `?, ?, ?` for an IN (…) list of these values. */
export function placeholders(values: readonly unknown[]): string {
  return values.map(() => "?").join(", ");
}

// D1 binds at most 100 parameters per query; the rest of the query
// (workspace id, a date, a limit) fits in the remaining ten.
export const inListLimit = 90;

/** Values in runs short enough for one IN (…) list each. */
export function inChunks<T>(values: readonly T[], size = inListLimit): T[][] {
  const runs: T[][] = [];
  for (let start = 0; start < values.length; start += size) runs.push(values.slice(start, start + size));
  return runs;
}

/** INSERT INTO table (its keys) VALUES (its values), with an ON CONFLICT clause when given. */
export function insertRow(db: Prepares, table: string, row: object, onConflict = ""): D1PreparedStatement {
  const names = Object.keys(row);
  const tail = onConflict ? ` ${onConflict}` : "";
  return db.prepare(`INSERT INTO ${table} (${names.join(", ")}) VALUES (${placeholders(names)})${tail}`, ...Object.values(row));
}

/** INSERT the row only if `condition` holds when the statement runs (in its batch). */
export function insertRowWhere(db: Prepares, table: string, row: object, condition: string, ...params: unknown[]): D1PreparedStatement {
  const names = Object.keys(row);
  return db.prepare(
    `INSERT INTO ${table} (${names.join(", ")}) SELECT ${placeholders(names)} WHERE ${condition}`,
    ...Object.values(row), ...params,
  );
}

export interface AuditRow {
  workspaceId: string;
  /** null for the nightly job. */
  actorMemberId: string | null;
  tokenId: string | null;
  requestId: string | null;
  entity: string;
  entityId: string;
  action: "create" | "update" | "archive" | "system";
  before?: unknown;
  after?: unknown;
  at: string;
}

/** One audit_log row; written in the same batch as the change it records. */
export function auditInsert(db: Prepares, row: AuditRow): D1PreparedStatement {
  return insertRow(db, "audit_log", auditColumns(row));
}

/** The audit_log columns of an entry, for statements that insert it conditionally. */
export function auditColumns(row: AuditRow): Record<string, unknown> {
  return {
    id: newId("aud"),
    workspace_id: row.workspaceId,
    actor_member_id: row.actorMemberId,
    token_id: row.tokenId,
    request_id: row.requestId,
    entity: row.entity,
    entity_id: row.entityId,
    action: row.action,
    before_json: row.before === undefined ? null : JSON.stringify(row.before),
    after_json: row.after === undefined ? null : JSON.stringify(row.after),
    at: row.at,
  };
}

export type CursorKey = string | number;

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * An opaque position in a keyset-ordered list: the sort key and id of the
 * last row sent. UTF-8 before base64, since btoa takes only Latin-1 and a
 * page may end on any name ("Škoda", "东方", an emoji).
 */
export function encodeCursor(key: CursorKey, id: string): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify([key, id])));
}

export function decodeCursor(cursor: string): [CursorKey, string] {
  try {
    const binary = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const parsed: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    if (
      Array.isArray(parsed) && parsed.length === 2 &&
      (typeof parsed[0] === "string" || typeof parsed[0] === "number") && typeof parsed[1] === "string"
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // fall through to the error below
  }
  throw invalidField("cursor", "is not a cursor this API gave out; start again without it");
}

export interface KeysetOrder {
  /** The sort key's SQL expression, matching an index. */
  expression: string;
  /** The id column (qualified when the query joins). */
  id: string;
  descending: boolean;
}

/** `ORDER BY key, id` in the order's direction, for the list query. */
export function keysetOrderBy(order: KeysetOrder): string {
  const direction = order.descending ? "DESC" : "ASC";
  return `${order.expression} ${direction}, ${order.id} ${direction}`;
}

/** The WHERE clause (and its values) for the rows after a cursor. */
export function keysetAfter(order: KeysetOrder, cursor: string): { clause: string; params: unknown[] } {
  const [key, id] = decodeCursor(cursor);
  const after = order.descending ? "<" : ">";
  return {
    clause: `(${order.expression} ${after} ? OR (${order.expression} = ? AND ${order.id} ${after} ?))`,
    params: [key, key, id],
  };
}

/** Rows are fetched one past the page size to know whether another page exists. */
export function pageOf<Row>(rows: Row[], limit: number, keyOf: (row: Row) => [CursorKey, string]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(...keyOf(last)) : null;
  return { items, nextCursor };
}
