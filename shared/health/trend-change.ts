/**
 * How a partner's score moved across a stretch of daily snapshots, said
 * briefly for the sidebar's top ("↑ 6 in 30 days", "steady") and in words
 * for screen readers, which read "↑" as "upwards arrow". Pure: the days come
 * from the snapshots themselves, so no clock is needed.
 */
export interface TrendChange {
  /** Last scored day minus first, in points. */
  delta: number;
  /** Days between the first and the last scored day. */
  days: number;
  text: string;
  spoken: string;
}

const dayMs = 86_400_000;

/** The change from the first scored day to the last; null with fewer than two scored days (there is no change to tell). */
export function trendChange(points: readonly { day: string; score: number | null }[]): TrendChange | null {
  const scored = points.filter((point): point is { day: string; score: number } => point.score !== null);
  const start = scored[0];
  const end = scored.at(-1);
  if (!start || !end || start === end) return null;
  // Said over the days actually covered: a partner scored for 12 days has no 30-day change.
  const days = Math.round((Date.parse(end.day) - Date.parse(start.day)) / dayMs);
  const span = `${days} day${days === 1 ? "" : "s"}`;
  const delta = Math.round(end.score - start.score);
  if (delta === 0) return { delta, days, text: "steady", spoken: `Health steady over ${span}` };
  const size = Math.abs(delta);
  const rising = delta > 0;
  return {
    delta,
    days,
    text: `${rising ? "↑" : "↓"} ${size} in ${span}`,
    spoken: `Health ${rising ? "up" : "down"} ${size} point${size === 1 ? "" : "s"} in ${span}`,
  };
}
