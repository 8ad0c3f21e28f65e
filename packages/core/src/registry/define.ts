import type * as z from 'zod';
import type { Area, OperationDef } from './types';

/** `{session_id}` placeholders of a path template. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}

/**
 * Declares an operation. Returns the declaration unchanged, with its literal types (id, area,
 * name, input and output schemas) kept, after checking at load time that it is coherent:
 * id is `<area>.<name>`, every input field has a location and every location a field, and the
 * path's `{param}` placeholders are exactly the `in: 'path'` fields.
 */
export function defineOperation<
  const A extends Area,
  const N extends string,
  I extends z.ZodObject,
  O extends z.ZodType,
>(def: OperationDef<I, O, A, N>): OperationDef<I, O, A, N> {
  const problems: string[] = [];
  if (def.id !== `${def.area}.${def.name}`) problems.push(`id must be '${def.area}.${def.name}'`);
  const fields = Object.keys(def.input.shape);
  const located = Object.keys(def.in) as string[];
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
  if (problems.length > 0) throw new Error(`Operation ${def.id} is declared wrongly: ${problems.join('; ')}`);
  return def;
}
