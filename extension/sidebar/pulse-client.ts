import { signal } from "@preact/signals";
import { healthChanges, type HealthChanges } from "../../shared/schemas/health-changes.ts";
import { pulse, type Pulse } from "../../shared/schemas/pulse.ts";
import { api } from "../entrypoints/dashboard/use-pages.ts";
import type { Reply } from "../messaging/protocol.ts";

/** The quarterly pulse and "why did it change", as the sidebar and the dashboard read them, each answer checked with the API's schema. */
export const readPulse = (partnerId: string): Promise<Reply<Pulse>> => api(`/v1/partners/${partnerId}/pulse`, pulse);

/** The last week's move and its causes, by partner; a partner not here shows no line. */
export const weekChanges = signal<Record<string, HealthChanges>>({});

/** Reads a partner's last week; a failure (offline, an older API) leaves the line out: it is extra. */
export async function loadWeekChange(partnerId: string): Promise<void> {
  const reply = await api(`/v1/partners/${partnerId}/health/changes`, healthChanges);
  if (reply.ok) weekChanges.value = { ...weekChanges.value, [partnerId]: reply.data };
}
