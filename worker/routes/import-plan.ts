/**
 * What an import batch will do, row by row, before anything is written: each
 * row's outcome (create, update, unchanged, error) and the statements and
 * audit entries that carry it out. A dry run answers with the outcomes; a
 * real run commits every row's statements in one batch.
 */
import type { z } from "zod";
import type { ImportOutcome } from "../../shared/schemas/import.ts";
import { ApiError } from "../api-error.ts";
import type { AuditEntry } from "../db/commit-write.ts";
import type { TrackedDb } from "../db/tracked-db.ts";

export interface PlannedRow {
  outcome: ImportOutcome;
  statements: D1PreparedStatement[];
  audit: AuditEntry[];
  /** The partner whose history this row writes (for last contact and the backfill). */
  partnerId: string | null;
}

export interface PlanContext {
  db: TrackedDb;
  workspaceId: string;
  memberId: string;
  now: string;
}

export function errorRow(row: number, field: string, message: string): PlannedRow {
  return { outcome: { row, action: "error", id: null, field, message }, statements: [], audit: [], partnerId: null };
}

export function quietRow(row: number, id: string | null, partnerId: string | null, message: string | null = null): PlannedRow {
  return { outcome: { row, action: "unchanged", id, field: null, message }, statements: [], audit: [], partnerId };
}

/** The first problem zod found in a row's fields, named as the row's field. */
export function fieldError(row: number, error: z.ZodError): PlannedRow {
  const issue = error.issues[0]!;
  const path = ["fields", ...issue.path.map(String)].join(".");
  return errorRow(row, path, issue.message);
}

/** A check the record's own create path makes (an ApiError naming a field) as this row's error. */
export function thrownError(row: number, error: unknown): PlannedRow {
  if (error instanceof ApiError && error.status < 500) {
    const issue = error.issues?.[0];
    return errorRow(row, issue ? `fields.${issue.path}` : "fields", issue?.message ?? error.message);
  }
  throw error;
}

/** Columns whose values differ from the stored row's, compared as stored (JSON text as text). */
export function changedColumns(stored: Record<string, unknown>, wanted: Record<string, unknown>): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(wanted)) {
    if ((stored[column] ?? null) !== (value ?? null)) changed[column] = value;
  }
  return changed;
}

/**
 * Each identifier a row claims, the first row claiming it wins: two rows of
 * one batch naming the same domain or CRM id are one partner said twice.
 */
export class Claims {
  private readonly claimed = new Map<string, number>();

  /** The row that claimed any of these first, or null (and then they are this row's). */
  take(row: number, keys: string[]): { key: string; row: number } | null {
    for (const key of keys) {
      const earlier = this.claimed.get(key);
      if (earlier !== undefined && earlier !== row) return { key, row: earlier };
    }
    for (const key of keys) this.claimed.set(key, row);
    return null;
  }
}
