import { dormancyCandidateCutoff, isDormant } from "../../shared/dormancy.ts";
import { loadHealthSettings, refreshHealth } from "../db/health-store.ts";
import type { PartnerRow } from "../db/partner-record.ts";
import { auditInsert } from "../db/sql.ts";
import { isStaleWrite, staleWriteGuard } from "../db/stale-write-guard.ts";
import { TrackedDb } from "../db/tracked-db.ts";

interface Candidate {
  id: string;
  status: string;
  cadence_days: number | null;
  last_contact_at: string | null;
  created_at: string;
  version: number;
}

// Stored responses only need to outlive a client's retries.
const idempotencyKeyLifetimeMs = 7 * 86_400_000;

// Partners scored per page: bounded memory whatever the workspace's size.
const scoringPageSize = 450;

export interface RefreshReport {
  workspaces: number;
  markedDormant: number;
  scored: number;
  /** Partners someone changed between our read and our write: tomorrow's run looks again. */
  skippedChanged: number;
  /** Steps that failed for any other reason, each logged; the rest of the run went on. */
  failed: number;
}

/**
 * The nightly job: derived state that changes with the passing of time, not
 * with a write. Runs workspace by workspace so every query stays scoped.
 */
export async function nightlyRefresh(d1: D1Database, now: Date): Promise<RefreshReport> {
  const db = new TrackedDb(d1);
  const workspaces = await db.all<{ id: string }>("SELECT id FROM workspaces");
  const report: RefreshReport = { workspaces: workspaces.length, markedDormant: 0, scored: 0, skippedChanged: 0, failed: 0 };
  // One workspace's failure must not cost every other workspace its night.
  const step = async (what: string, workspaceId: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      report.failed += 1;
      console.error(`nightly refresh: ${what} failed in workspace ${workspaceId}`, error);
    }
  };
  for (const { id: workspaceId } of workspaces) {
    await step("marking dormant partners", workspaceId, () => markDormant(db, workspaceId, now, report));
    await step("re-scoring", workspaceId, async () => {
      report.scored += await rescoreWorkspace(db, workspaceId, now);
    });
    await step("dropping old idempotency keys", workspaceId, async () => {
      await db.run(
        "DELETE FROM idempotency_keys WHERE workspace_id = ? AND created_at < ?",
        workspaceId, new Date(now.getTime() - idempotencyKeyLifetimeMs).toISOString(),
      );
    });
  }
  return report;
}

/** Active partners past their dormancy window become dormant, each with a system audit row. */
async function markDormant(db: TrackedDb, workspaceId: string, now: Date, report: RefreshReport): Promise<void> {
  const nowText = now.toISOString();
  const candidates = await db.all<Candidate>(
    `SELECT id, status, cadence_days, last_contact_at, created_at, version FROM partners
      WHERE workspace_id = ? AND status = 'active' AND archived_at IS NULL
        AND COALESCE(last_contact_at, created_at) < ?`,
    workspaceId, dormancyCandidateCutoff(now),
  );
  for (const partner of candidates.filter((candidate) => isDormant(candidate, now))) {
    try {
      await db.batch([
        db.prepare(
          `UPDATE partners SET status = 'dormant', version = version + 1, updated_at = ?
            WHERE id = ? AND workspace_id = ? AND version = ?`,
          nowText, partner.id, workspaceId, partner.version,
        ),
        staleWriteGuard(db),
        auditInsert(db, {
          workspaceId, actorMemberId: null, tokenId: null, requestId: null, entity: "partner", entityId: partner.id,
          action: "system", before: { status: "active" },
          after: { status: "dormant", reason: "no contact within the dormancy window" }, at: nowText,
        }),
      ]);
      report.markedDormant += 1;
    } catch (error) {
      if (!isStaleWrite(error)) throw error;
      // Someone changed the partner since we read it; tomorrow's run looks again.
      report.skippedChanged += 1;
    }
  }
}

/** Time alone moves every score (decay, promises falling due), so all are recomputed and snapshotted. */
async function rescoreWorkspace(db: TrackedDb, workspaceId: string, now: Date): Promise<number> {
  const settings = await loadHealthSettings(db, workspaceId);
  let after = "";
  let count = 0;
  for (;;) {
    const page = await db.all<PartnerRow>(
      "SELECT * FROM partners WHERE workspace_id = ? AND archived_at IS NULL AND id > ? ORDER BY id LIMIT ?",
      workspaceId, after, scoringPageSize,
    );
    if (page.length === 0) return count;
    await refreshHealth(db, workspaceId, page, now, settings);
    count += page.length;
    after = page[page.length - 1]!.id;
  }
}
