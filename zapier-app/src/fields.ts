import { type FieldMeta, fieldsOf, getOperation } from '@aikynetix/core/host';
import { ATHLETE_PICKER } from './athletes';

/** The subset of Zapier's inputField schema this app produces. */
export interface InputField {
  key: string;
  label: string;
  helpText?: string;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'datetime' | 'file' | 'text' | 'password';
  required?: boolean;
  list?: boolean;
  choices?: Array<{ value: string; label: string; sample: string }>;
  default?: string;
  placeholder?: string;
  dynamic?: string;
  search?: string;
  altersDynamicFields?: boolean;
}

const TYPE_MAP: Record<FieldMeta['type'], Pick<InputField, 'type' | 'list'>> = {
  string: { type: 'string' },
  number: { type: 'number' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
  enum: { type: 'string' },
  enumList: { type: 'string', list: true },
  date: { type: 'datetime' },
  file: { type: 'file' },
  stringList: { type: 'string', list: true },
};

/** Zapier wants help text of a sensible length; the registry's sentences already are. */
const help = (text: string): string | undefined => (text.trim().length > 0 ? text.trim().slice(0, 1000) : undefined);

/** One registry field as a Zapier inputField. */
export function toInputField(f: FieldMeta): InputField {
  const out: InputField = { key: f.key, label: f.label, required: f.required, ...TYPE_MAP[f.type] };
  const helpText = help(f.description);
  if (helpText) out.helpText = helpText;
  if (f.options) out.choices = f.options.map((o) => ({ value: o.value, label: o.label, sample: o.value }));
  if (f.default !== undefined && f.default !== null && String(f.default) !== '') out.default = String(f.default);
  if (f.example !== undefined && typeof f.example !== 'object' && f.type !== 'boolean') out.placeholder = String(f.example);
  if (!out.list) delete out.list;
  return out;
}

/** A session-id field as a dropdown of recent sessions that can also be mapped or searched. */
export const SESSION_PICKER: Partial<InputField> = {
  dynamic: 'session_list.id.label',
  search: 'find_session.id',
  helpText: 'Pick a recent session, or map the Session ID from an earlier step (e.g. New Session Processed or Upload Video).',
};

/** Fields that are dropdowns wherever they appear (a typed or mapped value still works). */
const DEFAULT_PICKERS: Record<string, Partial<InputField> | undefined> = { session_id: SESSION_PICKER, user_id: ATHLETE_PICKER };

/**
 * inputFields derived from a registry operation: labels, help, types, choices and defaults all
 * come from the core, so the Zapier app and the n8n node never disagree about a field.
 */
export function inputFieldsFor(
  operationId: string,
  options: { omit?: string[]; overrides?: Record<string, Partial<InputField>> } = {},
): InputField[] {
  const omit = new Set(options.omit ?? []);
  return fieldsOf(getOperation(operationId))
    .filter((f) => !omit.has(f.key))
    .map((f) => {
      const base = toInputField(f);
      const override = options.overrides?.[f.key] ?? DEFAULT_PICKERS[f.key];
      if (!override) return base;
      const merged: Record<string, unknown> = { ...base, ...override };
      for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k]; // override removed it
      return merged as unknown as InputField;
    });
}

/**
 * The values of the operation's fields from `bundle.inputData`: unknown keys are left out (the
 * core validates strictly) and so are the empty strings Zapier sends for untouched optional
 * fields. The core then validates what remains and names any bad field.
 */
export function inputFrom(operationId: string, inputData: Record<string, unknown>, omit: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fieldsOf(getOperation(operationId))) {
    if (omit.includes(f.key)) continue;
    const v = inputData[f.key];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[f.key] = v;
  }
  return out;
}
