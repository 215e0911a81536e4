/**
 * Captured emails: one interaction per message per workspace, whoever
 * captured it; each batch remembers what it created so undo removes exactly
 * those. Every statement is scoped to the workspace.
 */
import { captureSettings, defaultCaptureSettings, type CaptureSettings, type CapturedEmail } from "../../shared/schemas/capture.ts";
import { interactionToApi, type InteractionRow } from "./child-records.ts";
import { auditColumns, inChunks, insertRow, insertRowWhere, placeholders, type AuditRow } from "./sql.ts";
import { staleWriteGuard } from "./stale-write-guard.ts";
import type { TrackedDb } from "./tracked-db.ts";

export async function loadCaptureSettings(db: TrackedDb, workspaceId: string): Promise<CaptureSettings> {
  const row = await db.first<{ settings_json: string }>("SELECT settings_json FROM workspaces WHERE id = ?", workspaceId);
  const stored = row ? (JSON.parse(row.settings_json) as { capture?: unknown }).capture : undefined;
  const parsed = captureSettings.safeParse({ ...defaultCaptureSettings, ...(stored && typeof stored === "object" ? stored : {}) });
  return parsed.success ? parsed.data : defaultCaptureSettings;
}

export interface CapturedRow {
  id: string;
  external_id: string;
  capture_id: string | null;
}

/** The interactions this workspace already holds for these message ids, by any capture. */
export async function interactionsByExternalId(db: TrackedDb, workspaceId: string, externalIds: string[]): Promise<Map<string, CapturedRow>> {
  const rows = (await Promise.all(inChunks(externalIds).map((group) => db.all<CapturedRow>(
    `SELECT id, external_id, capture_id FROM interactions WHERE workspace_id = ? AND external_id IN (${placeholders(group)})`,
    workspaceId, ...group,
  )))).flat();
  return new Map(rows.map((row) => [row.external_id, row]));
}

export interface CaptureWrite {
  db: TrackedDb;
  workspaceId: string;
  partnerId: string;
  memberId: string;
  captureId: string;
  now: string;
  keepSubjects: boolean;
  /** Who the audit rows name; the rows themselves are written only for interactions that land. */
  audit: Omit<AuditRow, "entity" | "entityId" | "action" | "before" | "after">;
}

/**
 * The capture row, and per message an INSERT that does nothing when the
 * workspace already has that message (a teammate's capture landing at the
 * same moment included) plus an audit row written only if the insert landed.
 */
export function captureStatements(write: CaptureWrite, items: (CapturedEmail & { id: string })[]): D1PreparedStatement[] {
  const { db, workspaceId, partnerId, captureId, now } = write;
  const statements = [
    insertRow(db, "captures", { id: captureId, workspace_id: workspaceId, partner_id: partnerId, member_id: write.memberId, created_at: now, undone_at: null }),
  ];
  for (const item of items) {
    const row: InteractionRow & { external_id: string; capture_id: string } = {
      id: item.id, workspace_id: workspaceId, partner_id: partnerId, kind: "email", direction: item.direction,
      occurred_at: item.occurred_at, summary: write.keepSubjects ? (item.subject ?? "") : "",
      participants_json: JSON.stringify([...new Set(item.participants)]), source_url: null, meeting_id: null,
      visibility: "private", version: 1, created_at: now, updated_at: now, external_id: item.external_id, capture_id: captureId,
    };
    statements.push(insertRow(db, "interactions", row, "ON CONFLICT (workspace_id, external_id) WHERE external_id IS NOT NULL DO NOTHING"));
    statements.push(insertRowWhere(
      db, "audit_log",
      auditColumns({ ...write.audit, entity: "interaction", entityId: row.id, action: "create", after: interactionToApi(row) }),
      "EXISTS (SELECT 1 FROM interactions WHERE id = ? AND workspace_id = ? AND capture_id = ?)", row.id, workspaceId, captureId,
    ));
  }
  return statements;
}

export interface CaptureRecord {
  id: string;
  partner_id: string;
  undone_at: string | null;
}

export function loadCapture(db: TrackedDb, workspaceId: string, captureId: string): Promise<CaptureRecord | null> {
  return db.first<CaptureRecord>(
    "SELECT id, partner_id, undone_at FROM captures WHERE id = ? AND workspace_id = ?",
    captureId, workspaceId,
  );
}

/** The interactions a capture created and that still exist. */
export function interactionsOfCapture(db: TrackedDb, workspaceId: string, captureId: string): Promise<InteractionRow[]> {
  return db.all<InteractionRow>(
    "SELECT * FROM interactions WHERE workspace_id = ? AND capture_id = ? ORDER BY occurred_at, id",
    workspaceId, captureId,
  );
}

/**
 * Undo: deletes the rows that capture created (and only those: the rows are
 * named by id, and each must still carry this capture's id) and marks the
 * capture undone. A message another capture had already logged was never
 * this capture's, so it stays.
 */
export function undoCaptureStatements(db: TrackedDb, workspaceId: string, captureId: string, ids: string[], now: string): D1PreparedStatement[] {
  return [
    // First, guarded: a second undo racing this one rolls back whole, so no
    // row is deleted or audited twice.
    db.prepare("UPDATE captures SET undone_at = ? WHERE id = ? AND workspace_id = ? AND undone_at IS NULL", now, captureId, workspaceId),
    staleWriteGuard(db),
    ...inChunks(ids).map((group) => db.prepare(
      `DELETE FROM interactions WHERE workspace_id = ? AND capture_id = ? AND id IN (${placeholders(group)})`,
      workspaceId, captureId, ...group,
    )),
  ];
}
