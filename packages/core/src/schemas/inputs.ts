/**
 * Reusable request fields. Every field validates strictly, says what is wrong in plain words,
 * and outputs the value exactly as it goes on the wire (dates formatted, flags as booleans,
 * joint lists as arrays, numbers as numbers).
 */
import * as z from 'zod';
import { field, optionsOf } from './meta';
import { formatUpdateDate, parseDateTime, parseFilterDate, formatFilterDate } from './dates';

/** Longest accepted session id. Real ids are 20-character Firestore ids; 128 leaves room. */
export const SESSION_ID_MAX = 128;
/** The characters a session id may hold: they are safe in a URL path without escaping. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]*$/;
export const SESSION_ID_RULE = `may contain only letters, digits, '_' and '-' (at most ${SESSION_ID_MAX} characters)`;

const quote = (v: unknown): string => {
  const s = String(v);
  return `'${s.length > 30 ? `${s.slice(0, 30)}…` : s}'`;
};

/** C0 control characters (NUL, CR, LF, ...) and DEL: never meaningful in an id or a name. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** "must not contain control characters (found U+000A)", or undefined when there are none. */
export function controlCharProblem(input: unknown): string | undefined {
  const hit = typeof input === 'string' ? input.match(CONTROL)?.[0] : undefined;
  if (hit === undefined) return undefined;
  const code = hit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `must not contain control characters such as line breaks or NUL (found U+${code})`;
}

/** The most specific reason a (trimmed, non-empty, short enough) id is unsafe. */
function idCharProblem(input: unknown): string {
  const control = controlCharProblem(input);
  if (control) return control;
  const s = String(input);
  for (const bad of ['/', '..', '?', '#', '\\', '%']) if (s.includes(bad)) return `must not contain '${bad}'`;
  if (/\s/.test(s)) return 'must not contain spaces';
  const other = s.match(/[^A-Za-z0-9_-]/)?.[0];
  return `${SESSION_ID_RULE}; found '${other ?? '?'}'`;
}

/** A session id schema without metadata (also used for list items). */
export function idSchema() {
  return z
    .string({ error: (iss) => (iss.input === undefined ? undefined : 'must be text') })
    .refine((v) => !CONTROL.test(v), { error: (iss) => controlCharProblem(iss.input), abort: true })
    .trim()
    .min(1, { error: 'must not be empty', abort: true })
    .max(SESSION_ID_MAX, {
      error: (iss) => `must be at most ${SESSION_ID_MAX} characters (got ${String(iss.input).length})`,
      abort: true,
    })
    .regex(SESSION_ID_PATTERN, { error: (iss) => idCharProblem(iss.input) });
}

/** The `session_id` path parameter. */
export function sessionIdField(description = 'The ID of the session, as returned when the video was uploaded.') {
  return field(idSchema(), {
    title: 'Session ID',
    description,
    fieldType: 'string',
    examples: ['f3K9x2LmQp7RtVw8YzA1'],
  });
}

/** An optional id used as a pagination cursor. */
export function cursorField(title: string, description: string) {
  return field(idSchema(), { title, description, fieldType: 'string' }).optional();
}

/** A boolean that also accepts 'true'/'false' text, as hosts often send. */
export function flagField(title: string, description: string) {
  return field(
    z
      .union([z.boolean(), z.string().trim().toLowerCase().pipe(z.enum(['true', 'false']))], {
        error: (iss) => (iss.input === undefined ? undefined : `must be true or false (got ${quote(iss.input)})`),
      })
      .transform((v) => v === true || v === 'true'),
    { title, description, fieldType: 'boolean', default: false },
  ).optional();
}

/** `demo=true`: the API answers with its pre-generated demo data instead of a real session. */
export function demoField() {
  return flagField('Demo Data', 'Return AIKYNETIX\'s pre-generated demo data instead of this session (useful for testing a workflow).');
}

/** Plain decimal notation only: `0x10`, `1e1`, `Infinity` or `1_000` are not what a user means by a number. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A number given as a number or decimal text, checked against a range. */
export function numberLike(opts: { min: number; max: number; integer?: boolean }) {
  const kind = opts.integer ? 'a whole number' : 'a number';
  let target = z.number({ error: `must be ${kind}` });
  if (opts.integer) target = target.int({ error: `must be ${kind}` });
  return z
    .union([z.number(), z.string()], {
      error: (iss) => (iss.input === undefined ? undefined : `must be ${kind} (got ${quote(iss.input)})`),
    })
    .transform((v, ctx) => {
      const n = typeof v === 'number' ? v : DECIMAL.test(v.trim()) ? Number(v.trim()) : Number.NaN;
      if (!Number.isFinite(n)) {
        const how = typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v.trim())) ? ', written in plain decimal digits' : '';
        ctx.addIssue({ code: 'custom', message: `must be ${kind}${how} (got ${quote(v)})`, input: v });
        return z.NEVER;
      }
      return n;
    })
    .pipe(
      target
        .min(opts.min, { error: `must be between ${opts.min} and ${opts.max}` })
        .max(opts.max, { error: `must be between ${opts.min} and ${opts.max}` }),
    );
}

/** A required or optional piece of free text, trimmed, with a length limit. */
export function textSchema(max: number) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? undefined : 'must be text') })
    .refine((v) => !CONTROL.test(v), { error: (iss) => controlCharProblem(iss.input), abort: true })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: (iss) => `must be at most ${max} characters (got ${String(iss.input).length})` });
}

/** An enum that accepts any letter case and outputs the canonical spelling. */
export function caseInsensitiveEnum<const T extends readonly [string, ...string[]]>(values: T) {
  const list = values.join(', ');
  return z
    .string({ error: (iss) => (iss.input === undefined ? undefined : `must be one of ${list}`) })
    .transform((v, ctx) => {
      const hit = values.find((x) => x.toLowerCase() === v.trim().toLowerCase());
      if (hit === undefined) {
        ctx.addIssue({ code: 'custom', message: `must be one of ${list} (got ${quote(v)})`, input: v });
        return z.NEVER;
      }
      return hit as T[number];
    });
}

/** Joints whose angles the analysis can report (`body_joint_angles`). */
export const JOINTS = ['ankle', 'knee', 'elbow', 'hip', 'shoulder'] as const;
export type Joint = (typeof JOINTS)[number];

/** Joint list: an array or a comma-separated string, any case; output a de-duplicated array. */
export function jointsField() {
  const joint = caseInsensitiveEnum(JOINTS);
  return field(
    z
      .union([z.array(z.string()), z.string()], {
        error: (iss) =>
          iss.input === undefined ? undefined : `must be a list of joints (${JOINTS.join(', ')}) or a comma-separated text`,
      })
      .transform((v) => (typeof v === 'string' ? v.split(',') : v).map((s) => s.trim()).filter((s) => s !== ''))
      .pipe(
        z
          .array(joint)
          .min(1, { error: `must name at least one joint (${JOINTS.join(', ')}); leave it out for all joints` }),
      )
      .transform((list) => [...new Set(list)]),
    {
      title: 'Body Joint Angles',
      description: `Joints whose angles to analyse: ${JOINTS.join(', ')}. Leave empty for all joints.`,
      fieldType: 'enumList',
      options: optionsOf(JOINTS),
      examples: [['knee', 'ankle']],
    },
  ).optional();
}

/** `created_at` for the update endpoint: Date or text in, `YYYY-MM-DD HH:MM:SS` (UTC) out. */
export function updateDateField() {
  return field(
    z
      .union([z.date(), z.string()], {
        error: (iss) => (iss.input === undefined ? undefined : 'must be a date-time such as 2025-02-05 18:00:00'),
      })
      .transform((v, ctx) => {
        if (parseDateTime(v) === null) {
          ctx.addIssue({
            code: 'custom',
            message: `must be a real date-time such as 2025-02-05 18:00:00 or 2025-02-05T18:00:00Z (got ${quote(v instanceof Date ? 'Invalid Date' : v)})`,
            input: v,
          });
          return z.NEVER;
        }
        return formatUpdateDate(v);
      }),
    {
      title: 'Created At',
      description: 'New date and time of the session (UTC), e.g. 2025-02-05 18:00:00.',
      fieldType: 'date',
      examples: ['2025-02-05 18:00:00'],
    },
  ).optional();
}

/** A filter day: Date, `YYYY-MM-DD`, `dd/mm/yyyy` (day first) or ISO date-time in; `dd/mm/yyyy` out. */
export function filterDateField(title: string, description: string, example = '2025-02-05') {
  return field(
    z
      .union([z.date(), z.string()], {
        error: (iss) => (iss.input === undefined ? undefined : 'must be a date such as 2025-02-05 or 05/02/2025'),
      })
      .transform((v, ctx) => {
        if (parseFilterDate(v) === null) {
          ctx.addIssue({
            code: 'custom',
            message: `must be a real date such as 2025-02-05 or 05/02/2025 (day first) (got ${quote(v instanceof Date ? 'Invalid Date' : v)})`,
            input: v,
          });
          return z.NEVER;
        }
        return formatFilterDate(v);
      }),
    { title, description, fieldType: 'date', examples: [example] },
  ).optional();
}

/** Most ids one by-ids request may carry (keeps one request small and quick). */
export const MAX_IDS = 100;

/** A list of session ids: array or comma-separated text, 1..100 valid ids, duplicates dropped. */
export function sessionIdsField() {
  return field(
    z
      .union([z.array(z.unknown()), z.string()], {
        error: (iss) => (iss.input === undefined ? undefined : 'must be a list of session IDs or a comma-separated text'),
      })
      .transform((v) => (typeof v === 'string' ? v.split(',').filter((s) => s.trim() !== '') : v))
      .pipe(
        z
          .array(idSchema())
          .min(1, { error: 'must contain at least one session ID' })
          .max(MAX_IDS, { error: (iss) => `must contain at most ${MAX_IDS} session IDs (got ${(iss.input as unknown[]).length})` }),
      )
      // The API expects each id once (openapi: uniqueItems); order is kept.
      .transform((ids) => [...new Set(ids)]),
    {
      title: 'Session IDs',
      description: `The sessions to fetch (1 to ${MAX_IDS} IDs).`,
      fieldType: 'stringList',
      examples: [['f3K9x2LmQp7RtVw8YzA1', 'a8Hq2ZrT5mNc0PvXy3Lk']],
    },
  );
}
