/**
 * A trend line from daily scores; gaps (no score) are skipped, not drawn as
 * zero. Days computed afterwards from the history as it stood then
 * (`backfilled`, after an import) are drawn dashed, and the label says so.
 * Smaller `width` and `height` fit it beside the score in the sidebar's top.
 */
export function Sparkline({ points, label, backfilled = [], width = 120, height = 28 }: { points: (number | null)[]; label: string; backfilled?: boolean[]; width?: number; height?: number }) {
  const scored = points.map((value, index) => ({ value, index })).filter((p): p is { value: number; index: number } => p.value !== null);
  if (scored.length < 2) return <span class="muted">{scored.length === 1 ? "one day so far" : "no trend yet"}</span>;
  const x = (index: number) => (index / Math.max(1, points.length - 1)) * width;
  const y = (value: number) => height - (value / 100) * height;
  const pathOf = (part: typeof scored) => part.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.index).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const first = scored[0]!.value;
  const last = scored[scored.length - 1]!.value;
  const lastBackfilled = backfilled.lastIndexOf(true);
  const note = lastBackfilled >= 0 ? `; the first ${lastBackfilled + 1} days are backfilled` : "";
  // The backfilled stretch runs up to the first live point, so the two lines meet.
  const cut = scored.findIndex((p) => p.index > lastBackfilled);
  const early = lastBackfilled >= 0 ? scored.slice(0, cut === -1 ? scored.length : cut + 1) : [];
  const live = lastBackfilled >= 0 ? (cut === -1 ? [] : scored.slice(cut)) : scored;
  return (
    <svg width={width} height={height} role="img" aria-label={`${label}: from ${first} to ${last}${note}`}>
      {note && <title>{`The first ${lastBackfilled + 1} days are backfilled: computed afterwards from the history as it stood each day`}</title>}
      {early.length > 1 && <path class="backfilled" d={pathOf(early)} fill="none" stroke="#8a96b5" stroke-width="1.5" stroke-dasharray="3 2" />}
      {live.length > 1 && <path d={pathOf(live)} fill="none" stroke="#3451b2" stroke-width="1.5" />}
    </svg>
  );
}
