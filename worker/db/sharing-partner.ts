import { newId } from "../../shared/ids.ts";
import { domainInserts } from "./partner-record.ts";
import { planVersionInsert } from "./plan-store.ts";
import { insertRow } from "./sql.ts";
import type { TrackedDb } from "./tracked-db.ts";

export interface NewConnectedPartner {
  workspaceId: string;
  memberId: string;
  /** The inviting company's workspace name. */
  name: string;
  kind: string;
  /** The inviting company's domains this workspace holds for no other partner. */
  domains: string[];
  now: string;
}

/**
 * The partner record a workspace gets for a company whose invitation it
 * accepted and holds no record of: active, private, scored on its first read.
 */
export function newPartnerForConnection(db: TrackedDb, input: NewConnectedPartner): { partnerId: string; statements: D1PreparedStatement[] } {
  const partnerId = newId("ptr");
  const statements = [
    insertRow(db, "partners", {
      id: partnerId, workspace_id: input.workspaceId, name: input.name, kind: input.kind, status: "active",
      plan_json: "{}", plan_version: 1, version: 1, created_at: input.now, updated_at: input.now,
    }),
    ...domainInserts(db, input.workspaceId, partnerId, input.domains),
    planVersionInsert(db, { workspaceId: input.workspaceId, partnerId, version: 1, before: {}, after: {}, memberId: input.memberId, now: input.now }),
  ];
  return { partnerId, statements };
}
