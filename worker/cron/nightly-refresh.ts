import { dormancyCandidateCutoff, isDormant } from "../../shared/dormancy.ts";
import { newId } from "../../shared/ids.ts";
import { loadHealthSettings, refreshHealth } from "../db/health-store.ts";
import type { PartnerRow } from "../db/partner-record.ts";
import { staleWriteGuard } from "../db/stale-write-guard.ts";
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
}

/**
 * The nightly job: derived state that changes with the passing of time, not
 * with a write. Runs workspace by workspace so every query stays scoped.
 */
export async function nightlyRefresh(d1: D1Database, now: Date): Promise<RefreshReport> {
  const db = new TrackedDb(d1);
  const nowText = now.toISOString();
  const workspaces = await db.all<{ id: string }>("SELECT id FROM workspaces");
  let markedDormant = 0;
  let scored = 0;
  for (const { id: workspaceId } of workspaces) {
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
          db.prepare(
            `INSERT INTO audit_log (id, workspace_id, actor_member_id, entity, entity_id, action, before_json, after_json, at)
             VALUES (?, ?, NULL, 'partner', ?, 'system', ?, ?, ?)`,
            newId("aud"), workspaceId, partner.id, JSON.stringify({ status: "active" }),
            JSON.stringify({ status: "dormant", reason: "no contact within the dormancy window" }), nowText,
          ),
        ]);
        markedDormant += 1;
      } catch {
        // Someone changed the partner since we read it; tomorrow's run looks again.
      }
    }
    scored += await rescoreWorkspace(db, workspaceId, now);
    await db.run(
      "DELETE FROM idempotency_keys WHERE workspace_id = ? AND created_at < ?",
      workspaceId, new Date(now.getTime() - idempotencyKeyLifetimeMs).toISOString(),
    );
  }
  return { workspaces: workspaces.length, markedDormant, scored };
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
