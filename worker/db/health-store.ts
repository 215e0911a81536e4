import { traitScores } from "../../shared/health/backfill.ts";
import { defaultHealthSettings, formulaVersion } from "../../shared/health/formula.ts";
import type { PartnershipHistory } from "../../shared/health/history.ts";
import { planFacts } from "../../shared/health/plan.ts";
import type { PartnershipPlan } from "../../shared/schemas/plan.ts";
import { scorePartnership } from "../../shared/health/score-partnership.ts";
import { healthSettings, type Health, type HealthSettings } from "../../shared/schemas/health.ts";
import { loadHistories } from "./partnership-history.ts";
import type { PartnerRow } from "./partner-record.ts";
import type { TrackedDb } from "./tracked-db.ts";

// A stored score older than this is recomputed when read: time alone moves it
// (decay, overdue dates), and the nightly job may not have run (local dev).
const maxStoredAgeMs = 20 * 3_600_000;
const statementsPerBatch = 100;

/** Exported so the benchmark explains these very statements. */
export const healthSql = {
  settings: "SELECT settings_json FROM workspaces WHERE id = ?",
  storeScore: "UPDATE partners SET health_score = ?, health_json = ? WHERE id = ? AND workspace_id = ?",
} as const;

export async function loadHealthSettings(db: TrackedDb, workspaceId: string): Promise<HealthSettings> {
  const row = await db.first<{ settings_json: string }>(healthSql.settings, workspaceId);
  const stored = row ? (JSON.parse(row.settings_json) as { health?: unknown }).health : undefined;
  const parsed = healthSettings.safeParse(stored);
  return parsed.success ? parsed.data : defaultHealthSettings;
}

export function storedHealth(row: PartnerRow): Health | null {
  return row.health_json ? (JSON.parse(row.health_json) as Health) : null;
}

function isStale(health: Health | null, now: Date): boolean {
  return health === null || health.version !== formulaVersion || now.getTime() - Date.parse(health.as_of) > maxStoredAgeMs;
}

/**
 * Keeps the latest score on the partner (for sorting and the sidebar) and
 * today's snapshot (for the trend). With `atVersion`, only while the partner
 * is still that version: a score computed from a row someone has changed
 * since is left to the change that came after.
 */
export function healthWrites(db: TrackedDb, workspaceId: string, partnerId: string, health: Health, atVersion?: number): D1PreparedStatement[] {
  const still = atVersion === undefined ? "" : " AND version = ?";
  const stillParams = atVersion === undefined ? [] : [atVersion];
  return [
    db.prepare(healthSql.storeScore + still, health.score, JSON.stringify(health), partnerId, workspaceId, ...stillParams),
    db.prepare(
      `INSERT INTO health_snapshots (workspace_id, partner_id, day, score, band, confidence, formula_version, traits_json, computed_at)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM partners WHERE id = ? AND workspace_id = ?${still})
       ON CONFLICT (workspace_id, partner_id, day) DO UPDATE SET
         score = excluded.score, band = excluded.band, confidence = excluded.confidence,
         formula_version = excluded.formula_version, traits_json = excluded.traits_json, computed_at = excluded.computed_at,
         backfilled = 0`,
      workspaceId, partnerId, health.as_of.slice(0, 10), health.score, health.band, health.confidence, health.version,
      JSON.stringify(traitScores(health)),
      health.as_of, partnerId, workspaceId, ...stillParams,
    ),
  ];
}

/** Scores one partner as it will be after a change to its own fields (history unchanged). */
export async function scoreWithFields(db: TrackedDb, workspaceId: string, row: PartnerRow, now: Date): Promise<Health> {
  const settings = await loadHealthSettings(db, workspaceId);
  const history = (await loadHistories(db, workspaceId, [row], now)).get(row.id)!;
  return scorePartnership(history, now, settings);
}

export function scoreEmpty(row: PartnerRow, now: Date, settings: HealthSettings): Health {
  const history: PartnershipHistory = {
    partner: { name: row.name, status: row.status, cadence_days: row.cadence_days, created_at: row.created_at },
    interactions: [], commitments: [], referrals: [], goals: [], meetings: [],
    plan: planFacts(JSON.parse(row.plan_json) as PartnershipPlan),
  };
  return scorePartnership(history, now, settings);
}

/**
 * Recomputes and stores the score of these partners: after a write to their
 * history, at night, and when a read finds a stale one.
 */
export async function refreshHealth(db: TrackedDb, workspaceId: string, rows: PartnerRow[], now: Date, settings?: HealthSettings): Promise<Map<string, Health>> {
  const scores = new Map<string, Health>();
  if (rows.length === 0) return scores;
  const effective = settings ?? (await loadHealthSettings(db, workspaceId));
  const histories = await loadHistories(db, workspaceId, rows, now);
  let pending: D1PreparedStatement[] = [];
  for (const row of rows) {
    const health = scorePartnership(histories.get(row.id)!, now, effective);
    scores.set(row.id, health);
    pending.push(...healthWrites(db, workspaceId, row.id, health));
    if (pending.length >= statementsPerBatch) {
      await db.batch(pending);
      pending = [];
    }
  }
  await db.batch(pending);
  return scores;
}

/** The stored score of each partner, recomputing those that are missing or stale. */
export async function currentHealth(db: TrackedDb, workspaceId: string, rows: PartnerRow[], now: Date): Promise<Map<string, Health>> {
  const scores = new Map<string, Health>();
  const stale: PartnerRow[] = [];
  for (const row of rows) {
    const health = storedHealth(row);
    if (isStale(health, now)) stale.push(row);
    else scores.set(row.id, health!);
  }
  for (const [id, health] of await refreshHealth(db, workspaceId, stale, now)) scores.set(id, health);
  return scores;
}

/**
 * Re-scores one partner after a write to its history has landed, so the next
 * read is current. The score is derived: if this step fails the write still
 * stands, and the next read or the nightly job re-scores.
 */
export async function rescoreAfterWrite(db: TrackedDb, workspaceId: string, partnerId: string, now: Date): Promise<void> {
  try {
    const row = await db.first<PartnerRow>("SELECT * FROM partners WHERE id = ? AND workspace_id = ? AND archived_at IS NULL", partnerId, workspaceId);
    if (row) await refreshHealth(db, workspaceId, [row], now);
    // The connected company's score reads this partner's shared records: its stored one is recomputed on its next read.
    await db.run(
      `UPDATE partners SET health_json = NULL WHERE (workspace_id, id) IN
         (SELECT other_workspace_id, other_partner_id FROM connections WHERE workspace_id = ? AND partner_id = ? AND ended_at IS NULL)`,
      workspaceId, partnerId,
    );
  } catch (error) {
    console.error("re-scoring after a write failed; the nightly job will catch up", partnerId, error);
  }
}
