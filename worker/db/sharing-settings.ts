import type { SharingSettings } from "../../shared/schemas/workspace-settings.ts";
import type { Prepares } from "./sql.ts";
import type { TrackedDb } from "./tracked-db.ts";

/** The workspace's default visibility for new records (private unless an owner or admin changed it). */
export async function loadSharingSettings(db: TrackedDb, workspaceId: string): Promise<SharingSettings> {
  const row = await db.first<SharingSettings>("SELECT default_visibility FROM workspaces WHERE id = ?", workspaceId);
  return { default_visibility: row?.default_visibility ?? "private" };
}

export function saveSharingSettings(db: Prepares, workspaceId: string, settings: SharingSettings): D1PreparedStatement {
  return db.prepare("UPDATE workspaces SET default_visibility = ? WHERE id = ?", settings.default_visibility, workspaceId);
}
