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

export interface GuardedUpdate {
  table: string;
  id: string;
  workspaceId: string;
  expectedVersion: number;
  /** Column → new value. Column names come from code, never from a request. */
  set: Record<string, unknown>;
  now: string;
}

export function guardedUpdate(
  d1: { prepare(sql: string): D1PreparedStatement },
  update: GuardedUpdate,
): D1PreparedStatement[] {
  const columns = Object.keys(update.set);
  const assignments = [...columns.map((column) => `${column} = ?`), "version = version + 1", "updated_at = ?"];
  const statement = d1
    .prepare(`UPDATE ${update.table} SET ${assignments.join(", ")} WHERE id = ? AND workspace_id = ? AND version = ?`)
    .bind(...columns.map((column) => update.set[column]), update.now, update.id, update.workspaceId, update.expectedVersion);
  return [statement, staleWriteGuard(d1)];
}
