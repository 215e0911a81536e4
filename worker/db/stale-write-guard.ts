/**
 * Optimistic concurrency inside a D1 batch. D1 has no interactive
 * transactions, so "update only if nobody changed it since I read it" is an
 * UPDATE … WHERE version = ? followed by this guard: when the UPDATE matched
 * no row, the guard inserts a row that breaks a CHECK constraint and D1 rolls
 * the whole batch back, audit entry and idempotency record included.
 */
export function staleWriteGuard(d1: { prepare(sql: string): D1PreparedStatement }): D1PreparedStatement {
  return d1.prepare("INSERT INTO stale_write_guard (ok) SELECT 1 WHERE changes() = 0");
}

export class StaleWriteError extends Error {
  constructor() {
    super("the record changed between read and write");
  }
}

export function isStaleWrite(error: unknown): boolean {
  return error instanceof Error && error.message.includes("CHECK constraint failed: stale_write");
}

/**
 * What an update must still find to go ahead: the version the client named
 * (If-Match), or the values it read of the columns it reads and writes. The
 * second lets changes to different fields of one record all land, however
 * many arrive at once: neither looks at what the other changes.
 */
export type UpdateGuard = { version: number } | { columns: Record<string, unknown> };

export interface GuardedUpdate {
  table: string;
  id: string;
  workspaceId: string;
  guard: UpdateGuard;
  /** Column → new value. Column names come from code, never from a request. */
  set: Record<string, unknown>;
  now: string;
}

/**
 * The UPDATE (returning the row as it now is, so the answer describes what
 * was stored, other writers' fields included) and the guard that rolls the
 * batch back when the row was not as expected.
 */
export function guardedUpdate(
  d1: { prepare(sql: string): D1PreparedStatement },
  update: GuardedUpdate,
): D1PreparedStatement[] {
  const columns = Object.keys(update.set);
  const assignments = [...columns.map((column) => `${column} = ?`), "version = version + 1", "updated_at = ?"];
  const expected = "version" in update.guard ? { version: update.guard.version } : update.guard.columns;
  const conditions = Object.keys(expected).map((column) => ` AND ${column} IS ?`).join("");
  const statement = d1
    .prepare(`UPDATE ${update.table} SET ${assignments.join(", ")} WHERE id = ? AND workspace_id = ?${conditions} RETURNING *`)
    .bind(...columns.map((column) => update.set[column]), update.now, update.id, update.workspaceId, ...Object.values(expected));
  return [statement, staleWriteGuard(d1)];
}

/**
 * The row as patch logic sees it, noting each column it reads: those values
 * join the guard, so a change computed from a value (a stage history, a
 * completion time) never lands on top of a different one.
 */
export function watchReads<Row extends object>(row: Row, reads: Set<string>): Row {
  return new Proxy(row, {
    get(target, property, receiver) {
      if (typeof property === "string") reads.add(property);
      return Reflect.get(target, property, receiver);
    },
  });
}

/** The guard for a change: If-Match's version, or the read and written columns' values as read. */
export function guardFor(row: Record<string, unknown>, expectedVersion: number | undefined, columns: Iterable<string>): UpdateGuard {
  if (expectedVersion !== undefined) return { version: expectedVersion };
  const known = [...new Set(columns)].filter((column) => Object.hasOwn(row, column));
  return { columns: Object.fromEntries(known.map((column) => [column, row[column] ?? null])) };
}
