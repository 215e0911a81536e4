/** Medians and spreads for the extension benches' logs and BENCHMARKS.md sections. */
export interface Spread { median: number; min: number; max: number; n: number }

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n === 0 ? Number.NaN : n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { median, min: sorted[0] ?? Number.NaN, max: sorted[n - 1] ?? Number.NaN, n };
}

export const ms = (value: number) => (Number.isNaN(value) ? "–" : value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);
export const fmt = (s: Spread) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
