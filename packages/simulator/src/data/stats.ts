import { round } from '../util/prng';

/** min / max / avg of a non-empty series, rounded. */
export function stats(values: readonly number[], decimals = 2): { min: number; max: number; avg: number } {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  if (values.length === 0) return { min: 0, max: 0, avg: 0 };
  return { min: round(min, decimals), max: round(max, decimals), avg: round(sum / values.length, decimals) };
}

/** stats() plus the raw values, the shape the summary endpoint uses. */
export function statsWithValues(values: readonly number[], decimals = 2): { min: number; max: number; avg: number; values: number[] } {
  return { ...stats(values, decimals), values: [...values] };
}

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
