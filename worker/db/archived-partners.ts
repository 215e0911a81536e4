import type { Partner } from "../../shared/schemas/partner.ts";
import { inChunks, placeholders } from "./sql.ts";
import type { TrackedDb } from "./tracked-db.ts";

/**
 * The domains archived partners had. Archiving lets go of them (another
 * partner may take them); the archive's audit entry keeps the list, so a
 * restore can take back those still free and the archived list can show them.
 */
export async function domainsWhenArchived(db: TrackedDb, workspaceId: string, partnerIds: string[]): Promise<Map<string, string[]>> {
  const byPartner = new Map<string, string[]>();
  for (const ids of inChunks(partnerIds)) {
    // Oldest first, so the newest archive of a partner archived twice wins.
    const rows = await db.all<{ entity_id: string; before_json: string | null }>(
      `SELECT entity_id, before_json FROM audit_log
        WHERE workspace_id = ? AND entity = 'partner' AND action = 'archive' AND entity_id IN (${placeholders(ids)}) ORDER BY at`,
      workspaceId, ...ids,
    );
    for (const row of rows) {
      const before = row.before_json === null ? null : (JSON.parse(row.before_json) as Partial<Partner>);
      byPartner.set(row.entity_id, before?.domains ?? []);
    }
  }
  return byPartner;
}
