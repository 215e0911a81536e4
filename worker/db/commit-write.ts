import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { newId } from "../../shared/ids.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../http/api-error.ts";
import { replayStoredResponse } from "../http/idempotency.ts";
import { StaleWriteError, isStaleWrite } from "./stale-write-guard.ts";

export interface AuditEntry {
  entity: string;
  entityId: string;
  action: "create" | "update" | "archive";
  before?: unknown;
  after?: unknown;
}

export interface Write {
  statements: D1PreparedStatement[];
  audit: AuditEntry[];
  status: ContentfulStatusCode | 204;
  body: unknown;
  /** The version of the record the response describes: its ETag. */
  version?: number;
}

function isUniqueViolation(error: unknown, table: string): boolean {
  return error instanceof Error && error.message.includes(`UNIQUE constraint failed: ${table}.`);
}

/**
 * Runs a write as one D1 batch together with its audit entries and its
 * idempotency record: either all of it lands or none of it does.
 */
export async function commitWrite(c: Context<AppEnv>, write: Write): Promise<Response> {
  const db = c.get("db");
  const caller = c.get("caller");
  const now = c.get("now").toISOString();
  const statements: D1PreparedStatement[] = [];
  const pending = c.get("idempotency");
  if (pending && write.status !== 204) {
    // First in the batch: a concurrent retry fails here, on the key, before
    // any other constraint, and is answered with the stored response.
    statements.push(
      db.prepare(
        `INSERT INTO idempotency_keys (workspace_id, member_id, key, request_hash, status, response_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        caller.workspaceId, caller.memberId, pending.key, pending.requestHash, write.status, JSON.stringify(write.body), now,
      ),
    );
  }
  statements.push(...write.statements);
  for (const entry of write.audit) {
    statements.push(
      db.prepare(
        `INSERT INTO audit_log (id, workspace_id, actor_member_id, token_id, entity, entity_id, action, before_json, after_json, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        newId("aud"), caller.workspaceId, caller.memberId, caller.tokenId, entry.entity, entry.entityId, entry.action,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
        now,
      ),
    );
  }
  try {
    await db.batch(statements);
  } catch (error) {
    if (pending && isUniqueViolation(error, "idempotency_keys")) {
      // A concurrent retry with the same key won the race; answer as it did.
      const replay = await replayStoredResponse(c, pending);
      if (replay) return replay;
    }
    if (isStaleWrite(error)) throw new StaleWriteError();
    if (error instanceof Error && error.message.includes("UNIQUE constraint failed")) {
      throw new ApiError(409, "conflict", "This conflicts with a record saved at the same moment; reload and try again");
    }
    throw error;
  }
  if (write.version !== undefined) c.header("ETag", `"${write.version}"`);
  if (write.status === 204) return c.body(null, 204);
  return c.json(write.body, write.status);
}
