import type { DemoPartner } from "./demo-partners.ts";
import type { DemoTables } from "./demo-rows.ts";
import type { IdPrefix } from "../shared/ids.ts";
import type { SeededRandom } from "./seeded-random.ts";

export interface HistoryContext {
  workspaceId: string;
  /** Our people's emails; the first is the default partner owner. */
  team: readonly string[];
  nowMs: number;
  random: SeededRandom;
  /** The partner's position in the workspace: part of every id, so ids never repeat. */
  index: number;
}

/** One partner's history being written: what every section of it draws on. */
export interface PartnerScope {
  tables: DemoTables;
  partner: DemoPartner;
  context: HistoryContext;
  partnerId: string;
  createdMs: number;
  ownerEmail: string;
  /** Days since the last contact: nothing the partner did falls in this quiet stretch. */
  quietFrom: number;
  newId(prefix: IdPrefix): string;
  /** A working-hours instant on the day `daysAgo` days before now, never after now. */
  instantDaysAgo(daysAgo: number): number;
}

export interface DemoContact {
  email: string;
  firstName: string;
}

export const iso = (ms: number) => new Date(ms).toISOString();
export const isoDate = (ms: number) => iso(ms).slice(0, 10);

export const dayMs = 86_400_000;
