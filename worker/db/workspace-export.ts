/**
 * A page of the workspace export: live partners in id order, each with every
 * record that belongs to it. One IN-list query per record type per page, so
 * a page costs the same few queries however many partners it holds.
 */
import type { ExportedPartner } from "../../shared/schemas/export.ts";
import {
  commitmentToApi, contactToApi, goalToApi, interactionToApi, meetingToApi, referralToApi,
  type CommitmentRow, type ContactRow, type GoalRow, type InteractionRow, type MeetingRow, type ReferralRow,
} from "./child-records.ts";
import { domainsOf, partnerToApi, type PartnerRow } from "./partner-record.ts";
import { inChunks, keysetAfter, keysetOrderBy, pageOf, placeholders, type KeysetOrder } from "./sql.ts";
import type { TrackedDb } from "./tracked-db.ts";

const byId: KeysetOrder = { expression: "id", id: "id", descending: false };

/** Each record type: its table, the order its list keeps, and how a row reads in the API. */
const childTables = {
  contacts: { table: "contacts", order: "created_at, id", toApi: (row: unknown) => contactToApi(row as ContactRow) },
  interactions: { table: "interactions", order: "occurred_at, id", toApi: (row: unknown) => interactionToApi(row as InteractionRow) },
  commitments: { table: "commitments", order: "created_at, id", toApi: (row: unknown) => commitmentToApi(row as CommitmentRow) },
  referrals: { table: "referrals", order: "submitted_at, id", toApi: (row: unknown) => referralToApi(row as ReferralRow) },
  goals: { table: "goals", order: "created_at, id", toApi: (row: unknown) => goalToApi(row as GoalRow) },
  meetings: { table: "meetings", order: "occurred_at, id", toApi: (row: unknown) => meetingToApi(row as MeetingRow) },
} as const;
type ChildKind = keyof typeof childTables;

export async function exportPartners(db: TrackedDb, workspaceId: string, limit: number, cursor: string | undefined) {
  const after = cursor ? keysetAfter(byId, cursor) : null;
  const rows = await db.all<PartnerRow>(
    `SELECT * FROM partners WHERE workspace_id = ? AND archived_at IS NULL${after ? ` AND ${after.clause}` : ""}
      ORDER BY ${keysetOrderBy(byId)} LIMIT ?`,
    workspaceId, ...(after?.params ?? []), limit + 1,
  );
  const page = pageOf(rows, limit, (row) => [row.id, row.id]);
  const ids = page.items.map((row) => row.id);
  const domains = await domainsOf(db, workspaceId, ids);
  const items = new Map<string, ExportedPartner>(page.items.map((row) => {
    const { health: _derived, ...record } = partnerToApi(row, domains.get(row.id) ?? [], null);
    return [row.id, { ...record, contacts: [], interactions: [], commitments: [], referrals: [], goals: [], meetings: [] }];
  }));
  for (const group of inChunks(ids)) {
    const kinds = Object.keys(childTables) as ChildKind[];
    const results = await db.batch<Record<string, unknown> & { partner_id: string }>(kinds.map((kind) => db.prepare(
      `SELECT * FROM ${childTables[kind].table} WHERE workspace_id = ? AND partner_id IN (${placeholders(group)}) ORDER BY ${childTables[kind].order}`,
      workspaceId, ...group,
    )));
    kinds.forEach((kind, index) => {
      for (const row of results[index]!.results) (items.get(row.partner_id)![kind] as unknown[]).push(childTables[kind].toApi(row));
    });
  }
  return { items: [...items.values()], nextCursor: page.nextCursor };
}
