/**
 * Connections between two workspaces: one row per side, both with the same
 * id, so each side finds the other's workspace and partner in its own row.
 * Every query here starts from the caller's own row; a query that reads the
 * other workspace's records goes through a live one (sharedScope).
 */
import { emailDomain, normalizeDomain } from "../../shared/domains.ts";
import { randomText } from "../../shared/ids.ts";
import type { Connection } from "../../shared/schemas/sharing.ts";
import { insertRow, keysetAfter, keysetOrderBy, pageOf, type KeysetOrder, type Prepares } from "./sql.ts";
import type { TrackedDb } from "./tracked-db.ts";

export interface ConnectionRow {
  id: string;
  workspace_id: string;
  partner_id: string;
  other_workspace_id: string;
  other_partner_id: string;
  role: "inviter" | "acceptor";
  invitation_id: string;
  created_by_member_id: string;
  created_at: string;
  seen_at: string | null;
  ended_at: string | null;
  ended_by_workspace_id: string | null;
}

export type ListedConnection = ConnectionRow & { other_workspace_name: string };

export function connectionToApi(row: ListedConnection): Connection {
  const endedBy = row.ended_by_workspace_id === null ? null : row.ended_by_workspace_id === row.workspace_id ? "us" : "partner";
  return {
    id: row.id, partner_id: row.partner_id, partner_workspace_name: row.other_workspace_name, role: row.role,
    created_at: row.created_at, ended_at: row.ended_at, ended_by: endedBy,
  };
}

export const newConnectionId = () => `cnx_${randomText(24)}`;

/** Both sides' rows of a new connection, for one batch. */
export function connectionInserts(db: Prepares, inviter: Omit<ConnectionRow, "role" | "seen_at" | "ended_at" | "ended_by_workspace_id">): D1PreparedStatement[] {
  const common = { seen_at: null, ended_at: null, ended_by_workspace_id: null };
  return [
    insertRow(db, "connections", { ...inviter, role: "inviter", ...common }),
    insertRow(db, "connections", {
      ...inviter, workspace_id: inviter.other_workspace_id, partner_id: inviter.other_partner_id,
      other_workspace_id: inviter.workspace_id, other_partner_id: inviter.partner_id, role: "acceptor", ...common,
    }),
  ];
}

const listedColumns = "k.*, w.name AS other_workspace_name";

export function loadConnection(db: TrackedDb, workspaceId: string, id: string): Promise<ListedConnection | null> {
  return db.first<ListedConnection>(
    `SELECT ${listedColumns} FROM connections k JOIN workspaces w ON w.id = k.other_workspace_id WHERE k.workspace_id = ? AND k.id = ?`,
    workspaceId, id,
  );
}

const newestFirst: KeysetOrder = { expression: "k.created_at", id: "k.id", descending: true };

export async function listConnections(db: TrackedDb, workspaceId: string, page: { limit: number; cursor?: string }) {
  const after = page.cursor ? keysetAfter(newestFirst, page.cursor) : { clause: "1 = 1", params: [] };
  const rows = await db.all<ListedConnection>(
    `SELECT ${listedColumns} FROM connections k JOIN workspaces w ON w.id = k.other_workspace_id
      WHERE k.workspace_id = ? AND ${after.clause} ORDER BY ${keysetOrderBy(newestFirst)} LIMIT ?`,
    workspaceId, ...after.params, page.limit + 1,
  );
  return pageOf(rows, page.limit, (row) => [row.created_at, row.id]);
}

/** The live connection of one of the caller's partners, if any. */
export function liveConnectionOf(db: TrackedDb, workspaceId: string, partnerId: string): Promise<ListedConnection | null> {
  return db.first<ListedConnection>(
    `SELECT ${listedColumns} FROM connections k JOIN workspaces w ON w.id = k.other_workspace_id
      WHERE k.workspace_id = ? AND k.partner_id = ? AND k.ended_at IS NULL`,
    workspaceId, partnerId,
  );
}

/** The caller's live connection to another workspace, if any. */
export function liveConnectionTo(db: TrackedDb, workspaceId: string, otherWorkspaceId: string): Promise<ConnectionRow | null> {
  return db.first<ConnectionRow>(
    "SELECT * FROM connections WHERE workspace_id = ? AND other_workspace_id = ? AND ended_at IS NULL",
    workspaceId, otherWorkspaceId,
  );
}

/** Ends both sides at once; the caller's row is the one that names the other. */
export function endConnection(db: Prepares, row: ConnectionRow, byWorkspaceId: string, at: string): D1PreparedStatement {
  return db.prepare(
    `UPDATE connections SET ended_at = ?, ended_by_workspace_id = ?
      WHERE id = ? AND workspace_id IN (?, ?) AND ended_at IS NULL`,
    at, byWorkspaceId, row.id, row.workspace_id, row.other_workspace_id,
  );
}

/**
 * A workspace's own domains are its members' email domains (free-mail
 * excluded): they are what the partner company's records know it by, and
 * they need no setting to keep true.
 */
export async function ownDomainsOf(db: TrackedDb, workspaceId: string): Promise<string[]> {
  const rows = await db.all<{ email: string }>("SELECT email FROM members WHERE workspace_id = ?", workspaceId);
  const domains = new Set<string>();
  for (const { email } of rows) {
    const checked = normalizeDomain(emailDomain(email) ?? "");
    if (checked.ok) domains.add(checked.domain);
  }
  return [...domains].sort();
}

/** The caller's live partner holding one of these domains and not yet connected, first by name. */
export function partnerByDomains(db: TrackedDb, workspaceId: string, domains: string[]): Promise<{ id: string } | null> {
  if (domains.length === 0) return Promise.resolve(null);
  return db.first<{ id: string }>(
    `SELECT p.id FROM json_each(?) d
       JOIN partner_domains pd ON pd.workspace_id = ? AND pd.domain = d.value
       JOIN partners p ON p.id = pd.partner_id AND p.workspace_id = pd.workspace_id AND p.archived_at IS NULL
      WHERE NOT EXISTS (SELECT 1 FROM connections k WHERE k.workspace_id = p.workspace_id AND k.partner_id = p.id AND k.ended_at IS NULL)
      ORDER BY p.name COLLATE NOCASE, p.id LIMIT 1`,
    JSON.stringify(domains), workspaceId,
  );
}

/** Which of these domains no live partner of the workspace holds yet. */
export async function freeDomains(db: TrackedDb, workspaceId: string, domains: string[]): Promise<string[]> {
  if (domains.length === 0) return [];
  const taken = await db.all<{ domain: string }>(
    "SELECT pd.domain FROM json_each(?) d JOIN partner_domains pd ON pd.workspace_id = ? AND pd.domain = d.value",
    JSON.stringify(domains), workspaceId,
  );
  const held = new Set(taken.map((row) => row.domain));
  return domains.filter((domain) => !held.has(domain));
}

export function workspaceName(db: TrackedDb, workspaceId: string): Promise<{ name: string } | null> {
  return db.first<{ name: string }>("SELECT name FROM workspaces WHERE id = ?", workspaceId);
}
