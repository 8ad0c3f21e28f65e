import type { z } from 'zod';
import { toJSONSchema } from 'zod';
import { CONDENSED_LIST_SCHEMA } from './condense';
import type { ObjectSchema } from './types';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A response schema made to describe what the tool returns: the API's fields stay documented,
 * but nothing is required (the registry parses responses leniently), unknown fields are allowed,
 * and any list may arrive condensed.
 */
function lenient(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(lenient);
  if (!isObj(schema)) return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'required' || k === '$schema') continue;
    if (k === 'additionalProperties' && v === false) continue;
    out[k] = k === 'properties' && isObj(v) ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, lenient(s)])) : lenient(v);
  }
  const types = Array.isArray(out.type) ? out.type : [out.type];
  if (types.includes('array') || 'items' in out) return { anyOf: [out, CONDENSED_LIST_SCHEMA] };
  // Long text may be cut, so length limits no longer hold.
  delete out.maxLength;
  return out;
}

/** The MCP output schema (always an object at the root) of a zod response schema. */
export function outputSchemaOf(schema: z.ZodType, description?: string): ObjectSchema {
  const generated = lenient(toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'any' })) as Json;
  if (generated.type === 'object') return { ...generated, ...(description ? { description } : {}) } as ObjectSchema;
  // The root is a transform or union zod cannot express: promise only an object.
  return { type: 'object', ...(description ? { description } : {}) };
}
