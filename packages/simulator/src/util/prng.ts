/** A small seeded PRNG (mulberry32) so synthetic data is identical for the same session id. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform float in [min, max). */
  range(min: number, max: number): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** Approximately normal noise with the given standard deviation. */
  gauss(stdDev: number): number;
}

/** 32-bit FNV-1a hash of a string, used as the PRNG seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Creates a deterministic PRNG from a string seed (e.g. a session id plus a purpose). */
export function createRng(seed: string): Rng {
  let state = hashString(seed) || 1;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    // Sum of uniforms: cheap, bounded, close enough to normal for plausible noise.
    gauss: (stdDev) => (next() + next() + next() + next() - 2) * stdDev * 1.7,
  };
}

/** Rounds to a fixed number of decimals (keeps payloads realistic and compact). */
const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

export function round(value: number, decimals = 2): number {
  const f = POW10[decimals] ?? 10 ** decimals;
  return Math.round(value * f) / f;
}
