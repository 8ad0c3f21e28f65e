/**
 * Turning the API's deep report objects into flat, mappable Zapier fields. Zapier joins nested
 * keys with `__` in its field picker, so flat keys like `performance_metrics__speed__avg` line
 * up with `outputFields` labels. Long numeric series (per-frame values) are never copied into
 * fields: they are summarised (avg/min/max) or left to the Export search.
 */

/** A value Zapier can map into another app's field. */
export type FlatValue = string | number | boolean | null;
/** One Zapier output item. */
export type Flat = Record<string, FlatValue>;

/** A Zapier outputField (the subset we use). */
export interface OutputField {
  key: string;
  label: string;
  type?: 'string' | 'number' | 'boolean' | 'datetime' | 'integer';
}

/** Arrays of scalars up to this length are joined into one text field; longer ones are dropped. */
const MAX_JOINED_ITEMS = 20;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Flatten `value` under `prefix`; series (`values`, long arrays) are skipped. */
export function flatten(value: unknown, prefix: string, out: Flat = {}, skipKeys: ReadonlySet<string> = SERIES_KEYS): Flat {
  if (value === undefined) return out;
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    if (prefix) out[prefix] = value;
    return out;
  }
  if (Array.isArray(value)) {
    const scalars = value.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
    if (scalars && value.length <= MAX_JOINED_ITEMS && prefix) out[prefix] = value.map((v) => String(v)).join(', ');
    return out;
  }
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (skipKeys.has(k) || isIsoTwin(value, k)) continue;
      // The core adds `<key>_iso` beside each API date: Zapier shows only the ISO value, under the key.
      const iso = `${k}_iso`;
      flatten(iso in value ? value[iso] : v, prefix ? `${prefix}__${k}` : k, out, skipKeys);
    }
  }
  return out;
}

/** `last_session_iso` beside `last_session`: already used for `last_session`. */
function isIsoTwin(o: Record<string, unknown>, key: string): boolean {
  return key.endsWith('_iso') && key.slice(0, -4) in o;
}

/** A date the core presented as ISO 8601 (`<key>_iso`), or null: never the API's raw layout. */
export function isoOf(o: Record<string, unknown>, key: string): string | null {
  const v = o[`${key}_iso`];
  return typeof v === 'string' && v !== '' ? v : null;
}

/** Keys whose values are per-frame series: summarised elsewhere, never copied. */
export const SERIES_KEYS: ReadonlySet<string> = new Set(['values', 'graph_timestamps', 'all_timestamps', 'keypoints']);

/** Rounded to 3 decimals: enough for biomechanics, short in an email. */
export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** avg/min/max of the finite numbers of a series; null when there are none. */
export function stats(series: unknown): { avg: number; min: number; max: number; count: number } | null {
  if (!Array.isArray(series)) return null;
  const nums = series.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (nums.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const n of nums) {
    if (n < min) min = n;
    if (n > max) max = n;
    sum += n;
  }
  return { avg: round(sum / nums.length), min: round(min), max: round(max), count: nums.length };
}

/**
 * A dictionary of series (metric name -> number[] or number) as `<prefix>__<name>__avg|min|max`;
 * a plain number stays `<prefix>__<name>`.
 */
export function summariseSeries(dict: unknown, prefix: string, out: Flat = {}): Flat {
  if (!isPlainObject(dict)) return out;
  for (const [name, series] of Object.entries(dict)) {
    if (typeof series === 'number' || series === null) {
      out[`${prefix}__${name}`] = series;
      continue;
    }
    const values = isPlainObject(series) && Array.isArray(series.current) ? series.current : series;
    const s = stats(values);
    if (s) {
      out[`${prefix}__${name}__avg`] = s.avg;
      out[`${prefix}__${name}__min`] = s.min;
      out[`${prefix}__${name}__max`] = s.max;
    }
  }
  return out;
}

/** `contact_angle` -> `Contact Angle`, `lhip_angle` -> `Lhip Angle`. */
export function humanise(key: string): string {
  return key
    .split('_')
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** outputFields for `<prefix>__<metric>__avg|min|max` of the named metrics. */
export function statFields(prefix: string, metrics: ReadonlyArray<readonly [string, string]>, labelPrefix = ''): OutputField[] {
  const out: OutputField[] = [];
  for (const [name, label] of metrics) {
    out.push({ key: `${prefix}__${name}__avg`, label: `${labelPrefix}Average ${label}`, type: 'number' });
    out.push({ key: `${prefix}__${name}__min`, label: `${labelPrefix}Minimum ${label}`, type: 'number' });
    out.push({ key: `${prefix}__${name}__max`, label: `${labelPrefix}Maximum ${label}`, type: 'number' });
  }
  return out;
}

/** Fields of the athlete profile the reports embed (`user_info` / `user_information`). */
export function athleteFields(prefix: string): OutputField[] {
  return [
    { key: `${prefix}__display_name`, label: 'Athlete Name' },
    { key: `${prefix}__email`, label: 'Athlete Email' },
    { key: `${prefix}__age`, label: 'Athlete Age' },
    { key: `${prefix}__gender`, label: 'Athlete Gender' },
    { key: `${prefix}__height`, label: 'Athlete Height (cm)', type: 'number' },
    { key: `${prefix}__weight`, label: 'Athlete Weight (kg)', type: 'number' },
    { key: `${prefix}__leg_length`, label: 'Athlete Leg Length (m)', type: 'number' },
    { key: `${prefix}__brand`, label: 'Shoe Brand' },
    { key: `${prefix}__shoeModel`, label: 'Shoe Model' },
    { key: `${prefix}__shoeSize`, label: 'Shoe Size' },
  ];
}

/** A realistic athlete profile under `prefix` (samples of every report that embeds one). */
export function athleteSample(prefix: string): Flat {
  const athlete: Flat = {
    display_name: 'Maya Lindqvist',
    email: 'maya@example.com',
    age: 29,
    gender: 'female',
    height: 168,
    weight: 57,
    leg_length: 0.86,
    brand: 'Saucony',
    shoeModel: 'Endorphin Speed 4',
    shoeSize: 39,
  };
  return Object.fromEntries(Object.entries(athlete).map(([k, v]) => [`${prefix}__${k}`, v]));
}
