/**
 * A small seeded PRNG (mulberry32) for demo and benchmark data: the same seed
 * gives the same workspace, so tests and benchmarks can compare runs.
 * Never use it for ids or tokens that must be unguessable.
 */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Lower-case base-32 text in the alphabet shared/ids.ts uses. */
  text(length: number): string;
}

const idAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => (max < min ? max : min) + Math.floor(next() * (Math.abs(max - min) + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    text: (length) => {
      let text = "";
      for (let i = 0; i < length; i++) text += idAlphabet.charAt(Math.floor(next() * 32));
      return text;
    },
  };
}

/** Mixes a seed with a number (a partner's index) into an independent seed. */
export function deriveSeed(seed: number, salt: number): number {
  let h = (seed ^ Math.imul(salt + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}
