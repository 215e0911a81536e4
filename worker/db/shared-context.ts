/**
 * The sidebar's context of a connected partner: both sides' records, the
 * other side's read from this side, and what they shared since this side's
 * last lookup ("New from Brightpath: 2 promises"). Partners that are not
 * connected cost one statement in the lookup's batch and nothing more.
 */
import { isOverdue } from "../../shared/calendar.ts";
import { maxAmountMinor } from "../../shared/schemas/common.ts";
import type { NewFromPartner } from "../../shared/schemas/sharing.ts";
import { flipSides, sharedKinds, type SharedKind } from "../../shared/sharing/sides.ts";
import {
  commitmentToApi, goalToApi, interactionToApi, referralToApi, type CommitmentRow, type GoalRow, type InteractionRow, type ReferralRow,
} from "./child-records.ts";
import type { ListedConnection } from "./connections.ts";
import { callerWorkspace, matchedCte } from "./lookup-queries.ts";
import type { PartnerContext } from "./partner-context.ts";
import { contextLimits } from "./partner-context.ts";
import { asSeen, bothSidesOf, withAuthors, type SeenRow, type Viewer } from "./shared-records.ts";
import type { TrackedDb } from "./tracked-db.ts";

/** In the lookup's batch: the live connections of the matched partners. */
export const linkedSql = `${matchedCte}SELECT k.*, w.name AS other_workspace_name FROM matched
    JOIN connections k ON k.workspace_id = ${callerWorkspace} AND k.partner_id = matched.id AND k.ended_at IS NULL
    JOIN workspaces w ON w.id = k.other_workspace_id`;

const theirs = (table: string) => `SELECT r.* FROM connections k
    JOIN ${table} r ON r.workspace_id = k.other_workspace_id AND r.partner_id = k.other_partner_id AND r.visibility = 'shared'
   WHERE k.workspace_id = ? AND k.partner_id = ? AND k.ended_at IS NULL`;

/** The statements for one connected partner; each reaches the other side only through the caller's live connection row. */
function statementsFor(db: TrackedDb, link: ListedConnection, now: string): D1PreparedStatement[] {
  const both = (table: string, where: string, order: string, limit: number) =>
    db.prepare(`SELECT * FROM ${bothSidesOf(table)} AS r WHERE ${where} ORDER BY ${order} LIMIT ?`,
      link.workspace_id, link.partner_id, link.workspace_id, link.partner_id, limit);
  const since = link.seen_at ?? "";
  return [
    both("commitments", "status = 'open'", "due_on IS NULL, due_on, created_at", contextLimits.openCommitments),
    both("interactions", "1 = 1", "occurred_at DESC", contextLimits.recentInteractions),
    both("referrals", "1 = 1", "submitted_at DESC", contextLimits.recentReferrals),
    both("goals", "1 = 1", "due_on IS NULL, due_on, created_at", contextLimits.goals),
    db.prepare(`SELECT direction, stage, currency, COUNT(*) AS count,
        CASE WHEN COUNT(amount_minor) = 0 THEN NULL ELSE total(min(amount_minor, ?)) END AS amount_minor
        FROM (${theirs("referrals")}) GROUP BY direction, stage, currency`, maxAmountMinor, link.workspace_id, link.partner_id),
    db.prepare(sharedKinds.map((kind) => `SELECT '${kind}' AS kind, COUNT(*) AS n FROM (${theirs(kind)}) WHERE created_at > ?`).join(" UNION ALL "),
      ...sharedKinds.flatMap(() => [link.workspace_id, link.partner_id, since])),
    db.prepare("UPDATE connections SET seen_at = ? WHERE workspace_id = ? AND id = ? AND ended_at IS NULL", now, link.workspace_id, link.id),
  ];
}

async function seen<Row extends SeenRow, Api extends object>(db: TrackedDb, viewer: Viewer, kind: SharedKind, rows: Row[], toApi: (row: Row) => Api) {
  const withPartner = rows.map((row) => ({ ...row, seen_partner_id: viewer.link!.partner_id }));
  return withAuthors(db, viewer, withPartner, withPartner.map((row) => asSeen(kind, viewer.workspaceId, row, toApi(row))));
}

interface CountRow { direction: "to_us" | "to_partner"; stage: "submitted" | "accepted" | "won" | "lost" | "rejected"; currency: string | null; count: number; amount_minor: number | null }

/** Replaces a connected partner's context lists by both sides' and adds the other side's referrals to the counts. */
async function mergeInto(db: TrackedDb, viewer: Viewer, context: PartnerContext, results: D1Result<Record<string, unknown>>[], now: Date) {
  const rows = (index: number) => results[index]!.results as unknown as SeenRow[];
  const open = await seen(db, viewer, "commitments", rows(0) as SeenRow<CommitmentRow>[], commitmentToApi);
  context.open_commitments = open.map((commitment) => ({ ...commitment, overdue: isOverdue(commitment.due_on, now) }));
  context.recent_interactions = await seen(db, viewer, "interactions", rows(1) as SeenRow<InteractionRow>[], interactionToApi);
  context.referrals.recent = await seen(db, viewer, "referrals", rows(2) as SeenRow<ReferralRow>[], referralToApi);
  context.goals = await seen(db, viewer, "goals", rows(3) as SeenRow<GoalRow>[], goalToApi);
  for (const row of flipCounts(rows(4) as unknown as CountRow[])) {
    const counts = context.referrals[row.direction];
    counts.total += row.count;
    counts[row.stage] += row.count;
    if (row.stage === "won" && row.currency && row.amount_minor !== null) {
      counts.won_value.push({ currency: row.currency, amount_minor: Math.min(row.amount_minor, Number.MAX_SAFE_INTEGER) });
    }
  }
}

const flipCounts = (rows: CountRow[]) => rows.map((row) => flipSides("referrals", row));

export type SharedExtras = Map<string, NewFromPartner>;

/**
 * Folds the other side's shared records into each connected partner's
 * context (in place), and says what is new from them since this side last
 * looked, which this lookup then marks seen.
 */
export async function shareIntoContexts(
  db: TrackedDb, workspaceId: string, links: ListedConnection[], contexts: Map<string, PartnerContext>, now: Date,
): Promise<SharedExtras> {
  const extras: SharedExtras = new Map();
  const live = links.filter((link) => contexts.has(link.partner_id));
  if (live.length === 0) return extras;
  const perLink = live.map((link) => statementsFor(db, link, now.toISOString()));
  const results = await db.batch<Record<string, unknown>>(perLink.flat());
  let offset = 0;
  for (const [index, link] of live.entries()) {
    const mine = results.slice(offset, offset + perLink[index]!.length);
    offset += perLink[index]!.length;
    await mergeInto(db, { workspaceId, link }, contexts.get(link.partner_id)!, mine, now);
    const counts = Object.fromEntries((mine[5]!.results as { kind: SharedKind; n: number }[]).map((row) => [row.kind, row.n]));
    extras.set(link.partner_id, {
      workspace_name: link.other_workspace_name, since: link.seen_at,
      commitments: counts.commitments ?? 0, referrals: counts.referrals ?? 0, goals: counts.goals ?? 0,
      meetings: counts.meetings ?? 0, interactions: counts.interactions ?? 0,
    });
  }
  return extras;
}
