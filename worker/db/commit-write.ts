import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError } from "../api-error.ts";
import { StaleWriteError, isStaleWrite } from "./stale-write-guard.ts";
import { auditInsert, insertRow } from "./sql.ts";
import type { TrackedDb } from "./tracked-db.ts";

export interface AuditEntry {
  entity: string;
  entityId: string;
  action: "create" | "update" | "archive";
  before?: unknown;
  after?: unknown;
}

export interface Write<Body = unknown, Status extends ContentfulStatusCode | 204 = ContentfulStatusCode | 204> {
  statements: D1PreparedStatement[];
  audit: AuditEntry[];
  status: Status;
  body: Body;
  /** The version of the record the response describes: its ETag. */
  version?: number;
  /**
   * The answer taken from what the statements returned (an UPDATE … RETURNING
   * the stored row), when it can't be known before the batch runs.
   */
  answer?: (results: D1Result<Record<string, unknown>>[]) => Promise<{ body: Body; version: number }>;
}

/** Who writes, and under which token and request: every audit row says so. */
export interface Writer {
  workspaceId: string;
  memberId: string;
  tokenId: string;
  requestId: string;
  /** The request's clock, ISO 8601. */
  now: string;
}

/** An Idempotency-Key and the hash of the request it came with. */
export interface PendingIdempotency {
  key: string;
  requestHash: string;
}

export interface StoredResponse {
  request_hash: string;
  status: number;
  response_json: string;
}

/** The first answer this member got for this key, if any; keys are each member's own. */
export function storedResponse(db: TrackedDb, workspaceId: string, memberId: string, key: string): Promise<StoredResponse | null> {
  return db.first<StoredResponse>(
    "SELECT request_hash, status, response_json FROM idempotency_keys WHERE workspace_id = ? AND member_id = ? AND key = ?",
    workspaceId, memberId, key,
  );
}

/**
 * An update's audit entry: the fields it changed, before and after. Not the
 * whole record: without If-Match other fields may change at the same moment,
 * and an entry claiming their values would be claiming another's change.
 */
export function changedFields(before: object, after: object): Pick<AuditEntry, "before" | "after"> {
  const was = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  const fields = Object.keys(now).filter((field) => field !== "version" && field !== "updated_at" && JSON.stringify(was[field]) !== JSON.stringify(now[field]));
  return {
    before: Object.fromEntries(fields.map((field) => [field, was[field] ?? null])),
    after: Object.fromEntries(fields.map((field) => [field, now[field] ?? null])),
  };
}

function isUniqueViolation(error: unknown, table: string): boolean {
  return error instanceof Error && error.message.includes(`UNIQUE constraint failed: ${table}.`);
}

/**
 * Runs a write as one D1 batch together with its audit entries and its
 * idempotency record: either all of it lands or none of it does. Resolves to
 * the results of the write's own statements when it landed, or to the stored
 * answer of a concurrent request with the same key that landed first (this
 * one then wrote nothing).
 */
export async function commitWrite(
  db: TrackedDb, writer: Writer, write: Write, pending?: PendingIdempotency,
): Promise<{ results: D1Result<Record<string, unknown>>[] } | { stored: StoredResponse }> {
  const statements: D1PreparedStatement[] = [];
  if (pending && write.status !== 204) {
    // First in the batch: a concurrent retry fails here, on the key, before
    // any other constraint, and is answered with the stored response.
    statements.push(insertRow(db, "idempotency_keys", {
      workspace_id: writer.workspaceId, member_id: writer.memberId, key: pending.key, request_hash: pending.requestHash,
      status: write.status, response_json: JSON.stringify(write.body), created_at: writer.now,
    }));
  }
  statements.push(...write.statements);
  for (const entry of write.audit) {
    statements.push(auditInsert(db, {
      ...entry, workspaceId: writer.workspaceId, actorMemberId: writer.memberId, tokenId: writer.tokenId,
      requestId: writer.requestId, at: writer.now,
    }));
  }
  const first = statements.length - write.statements.length - write.audit.length;
  try {
    const results = await db.batch<Record<string, unknown>>(statements);
    return { results: results.slice(first, first + write.statements.length) };
  } catch (error) {
    if (pending && isUniqueViolation(error, "idempotency_keys")) {
      // A concurrent retry with the same key won the race; answer as it did.
      const stored = await storedResponse(db, writer.workspaceId, writer.memberId, pending.key);
      if (stored) return { stored };
    }
    if (isStaleWrite(error)) throw new StaleWriteError();
    if (error instanceof Error && error.message.includes("UNIQUE constraint failed")) {
      throw new ApiError(409, "conflict", "This conflicts with a record saved at the same moment; reload and try again");
    }
    throw error;
  }
}
