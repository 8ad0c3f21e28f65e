import * as z from 'zod';
import { labelOf, optionsOf, type FieldOption, type FieldType } from '../schemas/meta';
import type { AnyOperation, ParamLocation } from './types';

export type { FieldOption, FieldType } from '../schemas/meta';

/**
 * Host-neutral description of one input field, for building n8n properties and Zapier
 * inputFields from the registry.
 */
export interface FieldMeta {
  /** The API's field name (snake_case), also the key in the operation's input. */
  key: string;
  /** Human label, e.g. "Session ID". */
  label: string;
  /** One sentence for the host's help text. */
  description: string;
  type: FieldType;
  required: boolean;
  /** Choices of `enum` and `enumList` fields. */
  options?: FieldOption[];
  /** Suggested default shown by the host (the schema never applies it). */
  default?: unknown;
  /** Where the value travels in the HTTP request. */
  location: ParamLocation;
  /** A realistic example value. */
  example?: unknown;
  /** Bounds of `number`/`integer` fields. */
  min?: number;
  max?: number;
}

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; entries?: Record<string, string | number>; checks?: unknown[] };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** Walks wrappers (optional, pipes...) collecting metadata; returns the innermost schema. */
function unwrap(schema: z.ZodType): { base: z.ZodType; meta: Record<string, unknown> } {
  const layers: Record<string, unknown>[] = [];
  let s = schema;
  for (let depth = 0; depth < 20; depth++) {
    const m = z.globalRegistry.get(s);
    if (m) layers.push(m as Record<string, unknown>);
    const def = defOf(s);
    if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else break;
  }
  // Outer layers describe the field as used here, so they win over inner ones.
  return { base: s, meta: Object.assign({}, ...layers.reverse()) };
}

/** Field type and options when a schema carries no `fieldType` meta (introspection fallback). */
function inferType(base: z.ZodType): { type: FieldType; options?: FieldOption[] } {
  const def = defOf(base);
  switch (def.type) {
    case 'number': {
      const isInt = (base as z.ZodNumber).format === 'safeint' || (base as z.ZodNumber).isInt === true;
      return { type: isInt ? 'integer' : 'number' };
    }
    case 'int':
      return { type: 'integer' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'date' };
    case 'custom':
      return { type: 'file' };
    case 'enum':
      return { type: 'enum', options: optionsOf(Object.values(def.entries ?? {}).map(String)) };
    case 'array': {
      const el = def.element ? unwrap(def.element).base : undefined;
      if (el && defOf(el).type === 'enum') return { type: 'enumList', options: inferType(el).options };
      return { type: 'stringList' };
    }
    default:
      return { type: 'string' };
  }
}

/** Describes an operation's input fields, in declaration order, for host adapters. */
export function fieldsOf(op: AnyOperation): FieldMeta[] {
  const shape = op.input.shape as Record<string, z.ZodType>;
  const locations = op.in as Record<string, ParamLocation>;
  return Object.entries(shape).map(([key, schema]) => {
    const { base, meta } = unwrap(schema);
    const inferred = inferType(base);
    const type = (meta.fieldType as FieldType | undefined) ?? inferred.type;
    const options = (meta.options as FieldOption[] | undefined) ?? inferred.options;
    const examples = meta.examples as unknown[] | undefined;
    const out: FieldMeta = {
      key,
      label: typeof meta.title === 'string' ? meta.title : labelOf(key),
      description: typeof meta.description === 'string' ? meta.description : '',
      type,
      required: !schema.safeParse(undefined).success,
      location: locations[key],
    };
    if (options && (type === 'enum' || type === 'enumList')) out.options = options;
    if (meta.default !== undefined) out.default = meta.default;
    if (examples && examples.length > 0) out.example = examples[0];
    if (typeof meta.minimum === 'number') out.min = meta.minimum;
    if (typeof meta.maximum === 'number') out.max = meta.maximum;
    return out;
  });
}
