import type * as z from 'zod';
import type { Area, OperationDef, OperationSpec } from './types';

/** `{session_id}` placeholders of a path template. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}

/**
 * Declares one operation of an area file. Returns the spec unchanged with its literal types
 * (input and output schemas, and `in` checked against the input's keys); `defineArea` names it.
 */
export function defineOperation<I extends z.ZodObject, O extends z.ZodType>(spec: OperationSpec<I, O>): OperationSpec<I, O> {
  return spec;
}

/** The declarations of an area, each with its id, area and name filled in from its key. */
export type AreaOperations<A extends Area, Specs> = {
  readonly [N in keyof Specs & string]: Specs[N] extends OperationSpec<infer I, infer O> ? OperationDef<I, O, A, N> : never;
};

/**
 * Declares an area's operations, keyed by client method name: fills in `id` (`<area>.<name>`),
 * `area` and `name`, and checks at load time that each declaration is coherent.
 */
export function defineArea<const A extends Area, const Specs extends Record<string, OperationSpec<z.ZodObject, z.ZodType>>>(
  area: A,
  specs: Specs,
): AreaOperations<A, Specs> {
  const out: Record<string, OperationDef> = {};
  for (const [name, spec] of Object.entries(specs)) out[name] = checked({ ...spec, id: `${area}.${name}`, area, name } as OperationDef);
  return Object.freeze(out) as AreaOperations<A, Specs>;
}

/**
 * Throws unless every input field has a location and every location a field, the path's
 * `{param}` placeholders are exactly the `in: 'path'` fields, bodies are of one kind, and the
 * safety flags agree.
 */
function checked(def: OperationDef): OperationDef {
  const problems: string[] = [];
  const fields = Object.keys(def.input.shape);
  const located = Object.keys(def.in);
  const locations = def.in as Record<string, string>;
  for (const f of fields) if (!located.includes(f)) problems.push(`input '${f}' has no 'in' location`);
  for (const f of located) if (!fields.includes(f)) problems.push(`'in' names '${f}', which is not an input field`);
  const params = pathParams(def.path);
  for (const p of params) {
    if (locations[p] !== 'path') problems.push(`path parameter {${p}} must be an input with in: 'path'`);
  }
  for (const f of located) {
    if (locations[f] === 'path' && !params.includes(f)) problems.push(`'${f}' is in: 'path' but the path has no {${f}}`);
  }
  const files = located.filter((f) => locations[f] === 'file');
  const bodyKinds = new Set(located.map((f) => locations[f]).filter((l) => l === 'json' || l === 'form' || l === 'file'));
  if (bodyKinds.has('json') && (bodyKinds.has('form') || files.length > 0)) problems.push('cannot mix json and form/file fields');
  if (def.method === 'GET' && bodyKinds.size > 0) problems.push('a GET cannot have body fields');
  if (!def.idempotent && def.sideEffect === 'none') problems.push("a non-idempotent operation must declare its sideEffect");
  // Hosts mark 'none' as read-only: a method that can change state must say what it changes.
  if (def.sideEffect === 'none' && (def.method === 'PUT' || def.method === 'DELETE')) problems.push(`a ${def.method} must declare its sideEffect`);
  if (def.sideEffect === 'creates' && def.idempotent) problems.push('an operation that creates something cannot be idempotent');
  if (def.anyStatus && !fields.includes('session_id')) problems.push('anyStatus is only for operations on one session (a session_id input)');
  if (problems.length > 0) throw new Error(`Operation ${def.id} is declared wrongly: ${problems.join('; ')}`);
  return def;
}
