/**
 * Stores the backfilled trend of partners whose history was imported: a
 * score for each of the past 180 days from the history as it stood that day
 * (shared/health/backfill.ts), marked backfilled. Never over a day's real
 * snapshot; a real one written later replaces the backfilled one.
 */
import { backfillHealth, traitScores, type BackfilledDay } from "../../shared/health/backfill.ts";
import { loadHealthSettings, refreshHealth } from "./health-store.ts";
import { loadHistories } from "./partnership-history.ts";
import type { PartnerRow } from "./partner-record.ts";
import { inChunks, placeholders } from "./sql.ts";
import type { TrackedDb } from "./tracked-db.ts";

// One statement per partner (its days travel as one JSON parameter, under
// D1's 100 bound parameters), a few dozen partners per round trip.
const partnersPerBatch = 25;

/** Exported so the benchmark and tests read the statement that ships. */
export const backfillSql = `INSERT INTO health_snapshots
    (workspace_id, partner_id, day, score, band, confidence, formula_version, traits_json, computed_at, backfilled)
  SELECT ?, ?, json_extract(point.value, '$.day'), json_extract(point.value, '$.score'), json_extract(point.value, '$.band'),
         json_extract(point.value, '$.confidence'), json_extract(point.value, '$.version'), json_extract(point.value, '$.traits'), ?, 1
    FROM json_each(?) AS point
   WHERE EXISTS (SELECT 1 FROM partners WHERE id = ? AND workspace_id = ?)
  ON CONFLICT (workspace_id, partner_id, day) DO UPDATE SET
    score = excluded.score, band = excluded.band, confidence = excluded.confidence, formula_version = excluded.formula_version,
    traits_json = excluded.traits_json, computed_at = excluded.computed_at
  WHERE health_snapshots.backfilled = 1`;

function pointsJson(points: BackfilledDay[]): string {
  return JSON.stringify(points.map(({ day, health }) => ({
    day, score: health.score, band: health.band, confidence: health.confidence, version: health.version, traits: traitScores(health),
  })));
}

/** Backfills these partners' trends and re-scores them today; returns how many partners it wrote a trend for. */
export async function backfillPartners(db: TrackedDb, workspaceId: string, partnerIds: string[], now: Date): Promise<number> {
  if (partnerIds.length === 0) return 0;
  const settings = await loadHealthSettings(db, workspaceId);
  const computedAt = now.toISOString();
  let written = 0;
  for (const ids of inChunks([...new Set(partnerIds)], partnersPerBatch)) {
    const rows = await db.all<PartnerRow>(
      `SELECT * FROM partners WHERE workspace_id = ? AND id IN (${placeholders(ids)}) AND archived_at IS NULL`,
      workspaceId, ...ids,
    );
    const histories = await loadHistories(db, workspaceId, rows, now);
    const statements = rows.flatMap((row) => {
      const points = backfillHealth(histories.get(row.id)!, now, settings);
      if (points.length === 0) return [];
      return [db.prepare(backfillSql, workspaceId, row.id, computedAt, pointsJson(points), row.id, workspaceId)];
    });
    if (statements.length > 0) await db.batch(statements);
    written += statements.length;
    // And today's live score, from the same history.
    await refreshHealth(db, workspaceId, rows, now, settings);
  }
  return written;
}
