/**
 * Keeps tool results a size a model can read: long numeric series become their statistics, long
 * lists their first items and a count, long text its beginning. The full data stays available
 * through the export tools; results are marked so the model knows something was left out.
 */

/** Numeric series longer than this are replaced by statistics. */
export const SERIES_MAX = 16;
/** Other lists longer than this keep only their first items. */
export const LIST_MAX = 50;
/** Text longer than this is cut. */
export const TEXT_MAX = 4000;

/** The stand-in for a long numeric series. */
export interface SeriesSummary {
  summarised: 'series';
  count: number;
  min: number;
  max: number;
  mean: number;
  first: number;
  last: number;
}

/** The stand-in for a long list of anything else. */
export interface ListSummary {
  summarised: 'list';
  count: number;
  first_items: unknown[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function seriesSummary(values: number[]): SeriesSummary {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return {
    summarised: 'series',
    count: values.length,
    min: round(min),
    max: round(max),
    mean: round(sum / values.length),
    first: round(values[0]),
    last: round(values[values.length - 1]),
  };
}

/** `value` with long series, lists and texts condensed; counts what was condensed in `stats`. */
export function condense(value: unknown, stats = { condensed: 0 }): unknown {
  if (typeof value === 'string') {
    if (value.length <= TEXT_MAX) return value;
    stats.condensed++;
    return `${value.slice(0, TEXT_MAX)}… [${value.length - TEXT_MAX} more characters]`;
  }
  if (Array.isArray(value)) {
    if (value.length > SERIES_MAX && value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      stats.condensed++;
      return seriesSummary(value as number[]);
    }
    if (value.length > LIST_MAX) {
      stats.condensed++;
      return { summarised: 'list', count: value.length, first_items: value.slice(0, 3).map((v) => condense(v, stats)) } satisfies ListSummary;
    }
    return value.map((v) => condense(v, stats));
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, condense(v, stats)]));
  }
  return value;
}

/** JSON Schema of what `condense` may put where a list was. */
export const CONDENSED_LIST_SCHEMA = {
  type: 'object',
  description: 'A long list condensed: statistics of a numeric series, or the first items of another list. The export tools return everything.',
  properties: {
    summarised: { type: 'string', enum: ['series', 'list'] },
    count: { type: 'integer' },
  },
  required: ['summarised', 'count'],
} as const;
