import type { AuditEntry } from "../../shared/schemas/audit.ts";
import { keysetAfter, keysetOrderBy, pageOf, type KeysetOrder } from "./sql.ts";
import type { TrackedDb } from "./tracked-db.ts";

interface AuditRow {
  id: string;
  at: string;
  action: AuditEntry["action"];
  entity: string;
  entity_id: string;
  actor_member_id: string | null;
  token_id: string | null;
  request_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface AuditFilter {
  recordType?: string;
  recordId?: string;
  memberId?: string;
  /** Inclusive. */
  since?: string;
  /** Exclusive. */
  until?: string;
}

function entryOf(row: AuditRow): AuditEntry {
  return {
    id: row.id, at: row.at, action: row.action, record_type: row.entity, record_id: row.entity_id,
    member_id: row.actor_member_id, token_id: row.token_id, request_id: row.request_id,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
  };
}

const newestFirst: KeysetOrder = { expression: "at", id: "id", descending: true };

/**
 * One workspace's audit entries, newest first, keyset-paged on (at, id). Each
 * filter narrows to a prefix of an index: by record (audit_log_entity), by
 * member (audit_log_by_member) or by time alone (audit_log_by_time).
 */
export async function readAuditLog(db: TrackedDb, workspaceId: string, filter: AuditFilter, page: { limit: number; cursor?: string }) {
  const where = ["workspace_id = ?"];
  const params: unknown[] = [workspaceId];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (filter.recordType !== undefined) add("entity = ?", filter.recordType);
  if (filter.recordId !== undefined) add("entity_id = ?", filter.recordId);
  if (filter.memberId !== undefined) add("actor_member_id = ?", filter.memberId);
  if (filter.since !== undefined) add("at >= ?", filter.since);
  if (filter.until !== undefined) add("at < ?", filter.until);
  if (page.cursor) {
    const keyset = keysetAfter(newestFirst, page.cursor);
    add(keyset.clause, ...keyset.params);
  }
  const rows = await db.all<AuditRow>(
    `SELECT id, at, action, entity, entity_id, actor_member_id, token_id, request_id, before_json, after_json
       FROM audit_log WHERE ${where.join(" AND ")} ORDER BY ${keysetOrderBy(newestFirst)} LIMIT ?`,
    ...params, page.limit + 1,
  );
  const { items, nextCursor } = pageOf(rows, page.limit, (row) => [row.at, row.id]);
  return { items: items.map(entryOf), nextCursor };
}
