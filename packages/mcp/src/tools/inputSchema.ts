import { type AnyOperation, type FieldMeta, fieldsOf } from '@aikynetix/core';
import { z } from 'zod';
import type { ObjectSchema, TransportKind } from './types';

type Json = Record<string, unknown>;

/** Keys the registry's `.meta()` adds for host adapters; not JSON Schema keywords. */
const HOST_KEYS = ['fieldType', 'options', 'default', '$schema'];
/** Keywords describing the accepted type; replaced by the field's declared type. */
const TYPE_KEYS = ['type', 'anyOf', 'oneOf', 'items', 'enum'];

const values = (f: FieldMeta) => (f.options ?? []).map((o) => o.value);

/** The type a model should send for a field (the core also accepts looser forms, e.g. 'true'). */
function typeFor(f: FieldMeta): Json {
  switch (f.type) {
    case 'number':
    case 'integer':
      return { type: f.type };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'string', enum: values(f) };
    case 'enumList':
      return { type: 'array', items: { type: 'string', enum: values(f) }, minItems: 1 };
    case 'stringList':
      return { type: 'array', items: { type: 'string' }, minItems: 1 };
    default:
      // string, date (text such as 2025-02-05) and file (a path or URL)
      return { type: 'string' };
  }
}

/** What `video` means depends on where the agent runs relative to this server. */
function videoDescription(transport: TransportKind): string {
  return transport === 'stdio'
    ? 'The video to analyse: an absolute path to a video file on this computer, or an https URL the server downloads. It is streamed, never loaded into memory.'
    : 'The video to analyse: an https URL the server downloads and streams (this server cannot read files on your computer).';
}

/**
 * The JSON Schema of an operation's input, from the registry's zod schema (constraints, titles,
 * descriptions, examples) with each field's type taken from its declared field type, so a model
 * sees `boolean` where the core also tolerates `'true'` from form-based hosts.
 */
export function inputSchemaOf(op: AnyOperation, transport: TransportKind): ObjectSchema {
  const generated = z.toJSONSchema(op.input, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Json;
  const props = (generated.properties ?? {}) as Record<string, Json>;
  const properties: Record<string, Json> = {};
  for (const f of fieldsOf(op)) {
    const base: Json = { ...(props[f.key] ?? {}) };
    for (const k of [...HOST_KEYS, ...TYPE_KEYS]) delete base[k];
    if (f.type === 'file') base.description = videoDescription(transport);
    if (f.min !== undefined) base.minimum = f.min;
    if (f.max !== undefined) base.maximum = f.max;
    properties[f.key] = { ...base, ...typeFor(f) };
  }
  const required = fieldsOf(op).filter((f) => f.required).map((f) => f.key);
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}
