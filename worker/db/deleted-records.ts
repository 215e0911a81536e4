/**
 * Soft delete for a partner's records: the row moves whole into
 * deleted_records (migrations/0010) and back. The live tables never hold a
 * deleted row, so no reader has to remember to leave them out.
 */
import type { ChildRow } from "./child-records.ts";
import { insertRow } from "./sql.ts";
import { staleWriteGuard } from "./stale-write-guard.ts";
import type { TrackedDb } from "./tracked-db.ts";

export interface DeletedRecord {
  id: string;
  record_type: string;
  partner_id: string;
  row_json: string;
  deleted_with: string | null;
  deleted_at: string;
}

export interface RowToDelete {
  table: string;
  recordType: string;
  row: ChildRow;
  /** The record whose delete takes this one along. */
  deletedWith?: string;
}

/**
 * Moves rows to the trash, all or nothing: each DELETE must still find the
 * row at the version read, or the guard rolls the batch back (someone changed
 * or deleted it meanwhile).
 */
export function moveToTrash(db: TrackedDb, rows: RowToDelete[], memberId: string, now: string): D1PreparedStatement[] {
  return rows.flatMap(({ table, recordType, row, deletedWith }) => [
    db.prepare(`DELETE FROM ${table} WHERE id = ? AND workspace_id = ? AND version = ?`, row.id, row.workspace_id, row.version),
    staleWriteGuard(db),
    insertRow(db, "deleted_records", {
      workspace_id: row.workspace_id, id: row.id, record_type: recordType, partner_id: row.partner_id,
      row_json: JSON.stringify(row), deleted_with: deletedWith ?? null, deleted_by_member_id: memberId, deleted_at: now,
    }),
  ]);
}

/** A deleted record of this type, and the records its delete took along. */
export async function loadDeleted(db: TrackedDb, workspaceId: string, recordType: string, id: string): Promise<DeletedRecord[]> {
  const rows = await db.all<DeletedRecord>(
    `SELECT id, record_type, partner_id, row_json, deleted_with, deleted_at FROM deleted_records
      WHERE workspace_id = ? AND (id = ? OR deleted_with = ?)`,
    workspaceId, id, id,
  );
  return rows.some((row) => row.id === id && row.record_type === recordType) ? rows : [];
}

/**
 * Puts rows back as they were, one version on, so an ETag from before the
 * delete no longer matches. The trash rows go first, guarded: of two restores
 * at once, one lands and the other rolls back.
 */
export function restoreFromTrash(db: TrackedDb, workspaceId: string, records: DeletedRecord[], tableOf: (recordType: string) => string, now: string) {
  return records.flatMap((record) => {
    const stored = JSON.parse(record.row_json) as ChildRow;
    const row = { ...stored, version: stored.version + 1, updated_at: now };
    return [
      db.prepare("DELETE FROM deleted_records WHERE workspace_id = ? AND id = ?", workspaceId, record.id),
      staleWriteGuard(db),
      insertRow(db, tableOf(record.record_type), row),
    ];
  });
}
