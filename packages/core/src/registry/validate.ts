import type * as z from 'zod';
import { ValidationError, type FieldIssue } from '../errors/input';
import type { AnyOperation, OperationDef } from './types';

type Raw = z.core.$ZodRawIssue;

const quote = (v: unknown): string => {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return `'${s.length > 30 ? `${s.slice(0, 30)}…` : s}'`;
};

function typeName(v: unknown): string {
  if (v === null) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return 'a date';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `text ${quote(v)}`;
  return `${typeof v} ${quote(v)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};

/** Plain-English rule for zod's built-in issues (schema-level messages take precedence). */
function plainEnglish(iss: Raw): string | undefined {
  const i = iss as Raw & Record<string, unknown>;
  // A missing required field reaches here whatever its schema (custom checks included).
  if (iss.input === undefined && iss.code !== 'unrecognized_keys') return 'is required';
  switch (iss.code) {
    case 'invalid_type':
      return `must be ${EXPECTED[String(i.expected)] ?? String(i.expected)} (got ${typeName(iss.input)})`;
    case 'too_small': {
      const n = Number(i.minimum);
      if (i.origin === 'string') return n === 1 ? 'must not be empty' : `must be at least ${n} characters`;
      if (i.origin === 'array' || i.origin === 'set') return `must contain at least ${n} items`;
      return `must be at least ${n}`;
    }
    case 'too_big': {
      const n = Number(i.maximum);
      if (i.origin === 'string') return `must be at most ${n} characters`;
      if (i.origin === 'array' || i.origin === 'set') return `must contain at most ${n} items`;
      return `must be at most ${n}`;
    }
    case 'invalid_value':
      return `must be one of ${(i.values as unknown[]).map(String).join(', ')} (got ${quote(iss.input)})`;
    case 'invalid_format':
      return 'is not in the expected format';
    case 'unrecognized_keys':
      return 'is not a known field';
    case 'invalid_union':
      return `is not valid (got ${typeName(iss.input)})`;
    default:
      return undefined;
  }
}

/** Converts zod issues to FieldIssues: dotted field path + plain-English rule. */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[], known: readonly string[] = []): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const iss of issues) {
    const base = iss.path.map(String);
    if (iss.code === 'unrecognized_keys') {
      const hint = known.length > 0 && base.length === 0 ? ` (known fields: ${known.join(', ')})` : '';
      for (const key of iss.keys) out.push({ field: [...base, key].join('.'), rule: `is not a known field${hint}` });
      continue;
    }
    out.push({ field: base.join('.') || '(input)', rule: iss.message });
  }
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/**
 * Validates an operation's input strictly and returns it wire-ready (ids trimmed, dates
 * formatted, flags as booleans). Hosts send null, blank text or an empty list for fields the user
 * left empty: those count as absent for optional fields (decided here only, for every host).
 * Throws ValidationError naming every bad field.
 */
export function validateInput<I extends z.ZodObject, O extends z.ZodType>(
  op: OperationDef<I, O, never, string> | AnyOperation,
  input: unknown,
): z.output<I> {
  const shape = op.input.shape as Record<string, z.ZodType>;
  const known = Object.keys(shape);
  if (input !== undefined && input !== null && !isPlainObject(input)) {
    throw new ValidationError([{ field: '(input)', rule: `must be an object of fields (got ${typeName(input)})` }], op.id);
  }
  // Object.fromEntries defines own properties, so a `__proto__` key stays an (unknown) field
  // instead of replacing the prototype.
  const cleaned = Object.fromEntries(
    Object.entries(input ?? {}).filter(([key, value]) => {
      if (value === undefined || value === null) return false;
      const blank = (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
      return !(blank && Object.hasOwn(shape, key) && shape[key].safeParse(undefined).success);
    }),
  );
  const result = op.input.safeParse(cleaned, { reportInput: true, error: plainEnglish });
  if (result.success) return result.data as z.output<I>;
  throw new ValidationError(toFieldIssues(result.error.issues, known), op.id);
}
