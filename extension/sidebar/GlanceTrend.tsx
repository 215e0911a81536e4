import { trendChange } from "../../shared/health/trend-change.ts";
import { Sparkline } from "../pages/Sparkline.tsx";
import { partnerTrends, trendDays } from "./trends.ts";

/**
 * Beside the score at the card's top: a small line of the last 30 days
 * (backfilled days dashed, as on the dashboard) and the change as text, with
 * words for screen readers. Nothing until the trend has arrived, and nothing
 * if it couldn't be read.
 */
export function GlanceTrend({ partnerId, partnerName }: { partnerId: string; partnerName: string }) {
  const points = partnerTrends.value[partnerId];
  if (!points || !points.some((point) => point.score !== null)) return null;
  const change = trendChange(points);
  return (
    <span class="glance-trend">
      <Sparkline points={points.map((point) => point.score)} backfilled={points.map((point) => point.backfilled)}
        label={`${partnerName} health over ${trendDays} days`} width={44} height={14} />
      {change && <><span class="trend-change" aria-hidden="true">{change.text}</span><span class="visually-hidden">{change.spoken}</span></>}
    </span>
  );
}
