import type { PartnershipPlan } from "../../shared/schemas/plan.ts";
import type { Prepares } from "./sql.ts";
import type { TrackedDb } from "./tracked-db.ts";

/** Shares or keeps private the plan of one of the caller's partners; its plan version is unchanged (the plan itself is). */
export function setPlanVisibility(db: Prepares, workspaceId: string, partnerId: string, visibility: "private" | "shared"): D1PreparedStatement {
  return db.prepare("UPDATE partners SET plan_visibility = ? WHERE id = ? AND workspace_id = ? AND archived_at IS NULL", visibility, partnerId, workspaceId);
}

/** The connected company's plan for this partnership, only through the caller's live connection and only while they share it. */
export async function theirSharedPlan(db: TrackedDb, workspaceId: string, partnerId: string) {
  const row = await db.first<{ plan_json: string; plan_version: number; updated_at: string; name: string }>(
    `SELECT p.plan_json, p.plan_version, p.updated_at, w.name FROM connections k
       JOIN partners p ON p.id = k.other_partner_id AND p.workspace_id = k.other_workspace_id
        AND p.archived_at IS NULL AND p.plan_visibility = 'shared'
       JOIN workspaces w ON w.id = k.other_workspace_id
      WHERE k.workspace_id = ? AND k.partner_id = ? AND k.ended_at IS NULL`,
    workspaceId, partnerId,
  );
  if (!row) return null;
  return { workspace_name: row.name, plan: JSON.parse(row.plan_json) as PartnershipPlan, version: row.plan_version, updated_at: row.updated_at };
}
