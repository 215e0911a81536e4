/**
 * Reading a partner's records from both sides. A shared record is one row in
 * the workspace that wrote it; the other workspace reaches it only through
 * its own live connection row (connections.workspace_id = the caller), and
 * only while visibility is 'shared'. Rows come back with seen_partner_id,
 * the caller's partner they belong to, and read from the caller's side.
 */
import type { RecordAuthor } from "../../shared/schemas/common.ts";
import { flipSides, type SharedKind } from "../../shared/sharing/sides.ts";
import type { ChildRow } from "./child-records.ts";
import { liveConnectionOf, type ListedConnection } from "./connections.ts";
import { placeholders } from "./sql.ts";
import type { TrackedDb } from "./tracked-db.ts";

export type SeenRow<Row extends ChildRow = ChildRow> = Row & {
  seen_partner_id: string;
  created_by_member_id?: string | null;
  updated_by_member_id?: string | null;
};

/** The other side's shared rows of a connected partner: the caller's live connection joined to them. */
const theirSharedRows = (table: string) => `SELECT r.*, k.partner_id AS seen_partner_id FROM connections k
      JOIN partners op ON op.id = k.other_partner_id AND op.workspace_id = k.other_workspace_id AND op.archived_at IS NULL
      JOIN ${table} r ON r.workspace_id = k.other_workspace_id AND r.partner_id = k.other_partner_id AND r.visibility = 'shared'`;

/**
 * A partner's rows of a table, both sides, as a subquery to filter and page:
 * its parameters are the caller's workspace and partner, twice.
 */
export function bothSidesOf(table: string): string {
  return `(SELECT r.*, r.partner_id AS seen_partner_id FROM ${table} r WHERE r.workspace_id = ? AND r.partner_id = ?
    UNION ALL
    ${theirSharedRows(table)}
     WHERE k.workspace_id = ? AND k.partner_id = ? AND k.ended_at IS NULL)`;
}

/** One record by id: the caller's own (partner not archived), or the other side's shared one through a live connection. */
export function loadSeenRow<Row extends ChildRow>(db: TrackedDb, table: string, workspaceId: string, id: string): Promise<SeenRow<Row> | null> {
  return db.first<SeenRow<Row>>(
    `SELECT r.*, r.partner_id AS seen_partner_id FROM ${table} r
       JOIN partners p ON p.id = r.partner_id AND p.workspace_id = r.workspace_id AND p.archived_at IS NULL
      WHERE r.id = ? AND r.workspace_id = ?
     UNION ALL
     ${theirSharedRows(table)}
       JOIN partners p ON p.id = k.partner_id AND p.workspace_id = k.workspace_id AND p.archived_at IS NULL
      WHERE r.id = ? AND k.workspace_id = ? AND k.ended_at IS NULL`,
    id, workspaceId, id, workspaceId,
  );
}

/** Who reads: their workspace, and the partner's live connection if it has one. */
export interface Viewer {
  workspaceId: string;
  link: ListedConnection | null;
}

export async function viewerOf(db: TrackedDb, workspaceId: string, partnerId: string): Promise<Viewer> {
  return { workspaceId, link: await liveConnectionOf(db, workspaceId, partnerId) };
}

/** References to the writer's other records, which may be private: the other side gets none of them. */
const privateReferences: Partial<Record<SharedKind, string[]>> = { commitments: ["meeting_id"], interactions: ["meeting_id"] };

/** The API form of a row as the viewer reads it: the other side's with sides flipped and under the viewer's partner. */
export function asSeen<Api extends object>(kind: SharedKind, viewerWorkspaceId: string, row: SeenRow, api: Api): Api {
  if (row.workspace_id === viewerWorkspaceId) return api;
  const seen = { ...flipSides(kind, api), partner_id: row.seen_partner_id } as Record<string, unknown>;
  for (const field of privateReferences[kind] ?? []) if (field in seen) seen[field] = null;
  return seen as Api;
}

interface MemberName {
  id: string;
  email: string;
  workspace_id: string;
}

/**
 * Each record's origin and last change, while the partner is connected:
 * which side, company and person. Members are read only from the viewer's
 * workspace and the connected one.
 */
export async function withAuthors<Api extends object>(db: TrackedDb, viewer: Viewer, rows: SeenRow[], apis: Api[]): Promise<Api[]> {
  const link = viewer.link;
  if (!link) return apis;
  const ids = [...new Set(rows.flatMap((row) => [row.created_by_member_id, row.updated_by_member_id]).filter((id): id is string => !!id))];
  const members = new Map<string, MemberName>();
  for (let start = 0; start < ids.length; start += 90) {
    const chunk = ids.slice(start, start + 90);
    const found = await db.all<MemberName>(
      `SELECT id, email, workspace_id FROM members WHERE id IN (${placeholders(chunk)}) AND workspace_id IN (?, ?)`,
      ...chunk, viewer.workspaceId, link.other_workspace_id,
    );
    for (const member of found) members.set(member.id, member);
  }
  const ours = await db.first<{ name: string }>("SELECT name FROM workspaces WHERE id = ?", viewer.workspaceId);
  const author = (workspaceId: string, memberId: string | null | undefined): RecordAuthor => {
    const member = memberId ? members.get(memberId) : undefined;
    const side = (member?.workspace_id ?? workspaceId) === viewer.workspaceId ? "ours" : "theirs";
    return { side, workspace_name: side === "ours" ? ours?.name ?? null : link.other_workspace_name, member_email: member?.email ?? null };
  };
  return apis.map((api, index) => {
    const row = rows[index]!;
    const changedBy = row.updated_by_member_id ? author(row.workspace_id, row.updated_by_member_id) : null;
    return { ...api, origin: author(row.workspace_id, row.created_by_member_id), changed_by: changedBy };
  });
}

/** Rows of one of the viewer's partners, in the API's form as the viewer reads them (records that never cross: as they are). */
export async function seenFromHere<Row extends ChildRow, Api extends object>(
  db: TrackedDb, workspaceId: string, partnerId: string, kind: SharedKind | null, rows: Row[], toApi: (row: Row) => Api,
): Promise<Api[]> {
  if (!kind) return rows.map(toApi);
  const seen = rows as SeenRow<Row>[];
  const apis = seen.map((row) => asSeen(kind, workspaceId, row, toApi(row)));
  return withAuthors(db, await viewerOf(db, workspaceId, partnerId), seen, apis);
}

/** The viewer's partner a loaded row belongs to. */
export const seenPartnerOf = (row: ChildRow) => (row as Partial<SeenRow>).seen_partner_id ?? row.partner_id;
