import { signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { healthTrends, type HealthTrends } from "../../shared/schemas/health.ts";
import { api } from "../entrypoints/dashboard/use-pages.ts";

export type TrendPoints = HealthTrends["items"][number]["points"];

/** The window the sidebar's top tells the change over. */
export const trendDays = 30;

/** Shown partners' recent daily scores, by partner id; a partner not here simply shows no trend. */
export const partnerTrends = signal<Record<string, TrendPoints>>({});

/**
 * Reads these partners' trends in one request. A failure (offline, signed
 * out, an older API) leaves things as they are: the trend is extra, and the
 * lookup already says when the API can't be reached.
 */
export async function loadTrends(partnerIds: readonly string[]): Promise<void> {
  if (partnerIds.length === 0) return;
  const ids = partnerIds.slice(0, 100).map((id) => `partner_id=${encodeURIComponent(id)}`).join("&");
  const reply = await api(`/v1/health/trends?days=${trendDays}&${ids}`, healthTrends);
  if (!reply.ok) return;
  partnerTrends.value = { ...partnerTrends.value, ...Object.fromEntries(reply.data.items.map((item) => [item.partner_id, item.points])) };
}

/**
 * Asks for the shown partners' trends once the API's lookup is up (`ready`):
 * effects run after the browser paints, and waiting for the fresh answer
 * keeps this request from competing with the lookup, so neither the cached
 * nor the fresh first paint waits on it.
 */
export function useShownTrends(partnerIds: readonly string[], ready: boolean): void {
  const key = ready ? partnerIds.join(",") : "";
  useEffect(() => {
    if (key) void loadTrends(key.split(","));
  }, [key]);
}
