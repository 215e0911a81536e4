/**
 * The quarterly pulse's answers. Each side's answer is a row in its own
 * workspace, under its own partner record for the other company. The other
 * side's rows are reached only through the caller's live connection (as
 * shared records are), and their comment leaves the database only when its
 * writer marked it shared.
 */
import type { StoredAnswer } from "../../shared/pulse/rounds.ts";
import type { PulseRatings } from "../../shared/schemas/pulse.ts";
import { staleWriteGuard } from "./stale-write-guard.ts";
import type { TrackedDb } from "./tracked-db.ts";

interface AnswerRow extends PulseRatings {
  round: string;
  comment: string | null;
  comment_shared: number;
  answered_at: string;
  member_email: string | null;
  workspace_name: string | null;
}

const roundsShown = 8;

function toStored(row: AnswerRow, side: "ours" | "theirs"): StoredAnswer {
  return {
    side, workspace_name: row.workspace_name, answered_by: row.member_email, answered_at: row.answered_at,
    ratings: { trust: row.trust, respect: row.respect, collaboration: row.collaboration, success: row.success, goals: row.goals },
    comment: row.comment, comment_shared: row.comment_shared === 1,
  };
}

const ratingColumns = "r.round, r.trust, r.respect, r.collaboration, r.success, r.goals, r.answered_at, r.comment_shared";

/** The caller's own answers for a partner, newest round first. */
export async function ourAnswers(db: TrackedDb, workspaceId: string, partnerId: string): Promise<Map<string, StoredAnswer>> {
  const rows = await db.all<AnswerRow>(
    `SELECT ${ratingColumns}, r.comment, m.email AS member_email, w.name AS workspace_name FROM pulse_answers r
       JOIN workspaces w ON w.id = r.workspace_id
       LEFT JOIN members m ON m.id = r.answered_by_member_id AND m.workspace_id = r.workspace_id
      WHERE r.workspace_id = ? AND r.partner_id = ? ORDER BY r.round DESC LIMIT ?`,
    workspaceId, partnerId, roundsShown,
  );
  return new Map(rows.map((row) => [row.round, toStored(row, "ours")]));
}

/**
 * The connected company's answers about the caller's workspace, through the
 * caller's live connection only. A comment not marked shared is blanked in
 * the query itself, so it never reaches this process.
 */
export async function theirAnswers(db: TrackedDb, workspaceId: string, partnerId: string): Promise<Map<string, StoredAnswer>> {
  const rows = await db.all<AnswerRow>(
    `SELECT ${ratingColumns}, CASE WHEN r.comment_shared = 1 THEN r.comment END AS comment,
            m.email AS member_email, w.name AS workspace_name
       FROM connections k
       JOIN partners op ON op.id = k.other_partner_id AND op.workspace_id = k.other_workspace_id AND op.archived_at IS NULL
       JOIN pulse_answers r ON r.workspace_id = k.other_workspace_id AND r.partner_id = k.other_partner_id
       JOIN workspaces w ON w.id = k.other_workspace_id
       LEFT JOIN members m ON m.id = r.answered_by_member_id AND m.workspace_id = r.workspace_id
      WHERE k.workspace_id = ? AND k.partner_id = ? AND k.ended_at IS NULL ORDER BY r.round DESC LIMIT ?`,
    workspaceId, partnerId, roundsShown,
  );
  return new Map(rows.map((row) => [row.round, toStored(row, "theirs")]));
}

export interface PulseWrite {
  workspaceId: string;
  partnerId: string;
  round: string;
  ratings: PulseRatings;
  comment: string | null;
  commentShared: boolean;
  memberId: string;
  now: string;
}

/**
 * Our answer to the round, new or changed. A change lands only while the
 * other side has not answered the same round: if they answered since we
 * looked, the guard rolls the batch back (412) rather than let our answer
 * move after theirs.
 */
export function answerStatements(db: TrackedDb, write: PulseWrite): D1PreparedStatement[] {
  const { trust, respect, collaboration, success, goals } = write.ratings;
  return [
    db.prepare(
      `INSERT INTO pulse_answers (workspace_id, partner_id, round, trust, respect, collaboration, success, goals, comment, comment_shared, answered_by_member_id, answered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (workspace_id, partner_id, round) DO UPDATE SET
         trust = excluded.trust, respect = excluded.respect, collaboration = excluded.collaboration, success = excluded.success,
         goals = excluded.goals, comment = excluded.comment, comment_shared = excluded.comment_shared,
         answered_by_member_id = excluded.answered_by_member_id, answered_at = excluded.answered_at, version = version + 1
       WHERE NOT EXISTS (
         SELECT 1 FROM connections k JOIN pulse_answers t ON t.workspace_id = k.other_workspace_id AND t.partner_id = k.other_partner_id AND t.round = excluded.round
          WHERE k.workspace_id = excluded.workspace_id AND k.partner_id = excluded.partner_id AND k.ended_at IS NULL)`,
      write.workspaceId, write.partnerId, write.round, trust, respect, collaboration, success, goals,
      write.comment, write.commentShared ? 1 : 0, write.memberId, write.now,
    ),
    staleWriteGuard(db),
  ];
}
