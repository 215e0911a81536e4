/** A trend line from daily scores; gaps (no score) are skipped, not drawn as zero. */
export function Sparkline({ points, label }: { points: (number | null)[]; label: string }) {
  const scored = points.map((value, index) => ({ value, index })).filter((p): p is { value: number; index: number } => p.value !== null);
  if (scored.length < 2) return <span class="muted">{scored.length === 1 ? "one day so far" : "no trend yet"}</span>;
  const width = 120;
  const height = 28;
  const x = (index: number) => (index / Math.max(1, points.length - 1)) * width;
  const y = (value: number) => height - (value / 100) * height;
  const path = scored.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.index).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const first = scored[0]!.value;
  const last = scored[scored.length - 1]!.value;
  return (
    <svg width={width} height={height} role="img" aria-label={`${label}: from ${first} to ${last}`}>
      <path d={path} fill="none" stroke="#3451b2" stroke-width="1.5" />
    </svg>
  );
}
