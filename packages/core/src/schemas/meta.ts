import type * as z from 'zod';

/** Host-neutral kind of an input field; adapters map it to n8n property / Zapier field types. */
export type FieldType =
  | 'string'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'enum'
  | 'enumList'
  | 'date'
  | 'file'
  | 'stringList';

/** One choice of an enum field. */
export interface FieldOption {
  value: string;
  label: string;
}

/**
 * What every input field declares through `.meta()`. `title`/`description` are the JSON Schema
 * keywords; `fieldType` and `options` tell the host adapters how to render the field, because
 * the zod type alone is ambiguous (a flag accepts `true` and `'true'`, a date accepts Date or text).
 */
export interface InputMeta {
  title: string;
  description: string;
  fieldType: FieldType;
  options?: FieldOption[];
  examples?: unknown[];
  /** Bounds of number fields (JSON Schema keywords). */
  minimum?: number;
  maximum?: number;
  /** Shown as the host's default; never applied by the schema (the API has its own defaults). */
  default?: unknown;
  [key: string]: unknown;
}

/** Attaches field metadata to a schema (a typed `.meta()`). */
export function field<T extends z.ZodType>(schema: T, meta: InputMeta): T {
  return schema.meta(meta) as T;
}

/** `processed` -> `Processed`, `vertical_jump` -> `Vertical jump`. */
export function labelOf(value: string): string {
  const s = value.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Options for an enum field from its values. */
export function optionsOf(values: readonly string[]): FieldOption[] {
  return values.map((value) => ({ value, label: labelOf(value) }));
}
