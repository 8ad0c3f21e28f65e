/**
 * Building blocks for response schemas. Responses are parsed leniently: unknown fields are kept
 * (`z.looseObject`), documented fields are optional, and numbers may arrive as numeric text or
 * null (Python backends turn NaN into null) without failing the whole response.
 */
import * as z from 'zod';
import { toIso, toIsoValue } from './dates';

/** number/null as is, numeric text as a number, other text as null; undefined when not number-like. */
function toNumber(v: unknown): number | null | undefined {
  if (typeof v === 'number' || v === null) return v;
  if (typeof v !== 'string') return undefined;
  const n = v.trim() === '' ? Number.NaN : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** A number that may come as a number, numeric text or null; output number or null. */
export const Num = z.union([z.number(), z.string(), z.null()]).transform((v): number | null => toNumber(v) ?? null);

/**
 * A list of numbers (items may be null or numeric text). Exports and gait curves hold tens of
 * thousands of values, so items are checked in one pass rather than one zod schema per item
 * (about 30x faster).
 */
export const NumList = z.array(z.unknown()).transform((items, ctx): (number | null)[] => {
  const out = new Array<number | null>(items.length);
  for (let i = 0; i < items.length; i++) {
    const n = toNumber(items[i]);
    if (n === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must be a number', path: [i], input: items[i] });
      return z.NEVER;
    }
    out[i] = n;
  }
  return out;
});

/** A value documented as "various types". */
export const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Text that some endpoints send as a number (ages, shoe sizes). */
export const TextOrNum = z.union([z.string(), z.number()]);

/** `created_at`: `{date: 'DD/MM/YYYY', time: 'HH:MM AM/PM'}` or a date-time string. */
export const CreatedAt = z.union([
  z.looseObject({ date: z.string().optional(), time: z.string().optional() }),
  z.string(),
  z.number(),
]);
export type CreatedAt = z.output<typeof CreatedAt>;

/** `{min, max, avg, values?}` statistics of one metric. */
export const MinMaxAvg = z.looseObject({
  min: Num.optional(),
  max: Num.optional(),
  avg: Num.optional(),
  values: NumList.optional(),
});
export type MinMaxAvg = z.output<typeof MinMaxAvg>;

/** The API's error body. */
export const ErrorBody = z.looseObject({ error: z.string().optional() });
export type ErrorBody = z.output<typeof ErrorBody>;

/** GenAI endpoints answer with block name -> thread id. */
export const ThreadIds = z.record(z.string(), z.string().nullable());
export type ThreadIds = z.output<typeof ThreadIds>;

/** An open dictionary (metric name -> series, comments, ...). */
export const Dict = z.record(z.string(), z.unknown());

/** `{ success: '...' }` confirmations of update and delete. */
export const SuccessBody = z.looseObject({ success: z.union([z.string(), z.boolean()]).optional() });
export type SuccessBody = z.output<typeof SuccessBody>;

/** `{ analyzed_video_url }` of the analyzed-video endpoints. */
export const AnalyzedVideo = z.looseObject({ analyzed_video_url: z.string().nullable().optional() });
export type AnalyzedVideo = z.output<typeof AnalyzedVideo>;

/**
 * Adds `<key>_iso` (ISO 8601, UTC assumed; null when unreadable or absent) beside a raw date
 * field, keeping the raw value untouched.
 */
export function withIso<T extends z.ZodType<Record<string, unknown>>, K extends string>(schema: T, key: K) {
  return schema.transform((o) => ({ ...o, [`${key}_iso`]: toIso(o[key]) }) as z.output<T> & { [P in `${K}_iso`]: string | null });
}

/**
 * Adds `<key>_iso` beside each named date field (ISO 8601 via toIsoValue: a day stays a day),
 * keeping the raw values untouched for users who rely on them.
 */
export function withIsoDates<T extends z.ZodType<Record<string, unknown>>, K extends string>(schema: T, ...keys: K[]) {
  return schema.transform((o) => {
    const out: Record<string, unknown> = { ...o };
    for (const key of keys) if (o[key] !== undefined) out[`${key}_iso`] = toIsoValue(o[key]);
    return out as z.output<T> & { [P in `${K}_iso`]?: string | null };
  });
}
