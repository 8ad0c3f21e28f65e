import { App } from './app';

type Item = Record<string, unknown>;

/** Every value is something a zap can map: text, number, boolean or empty. */
export function expectFlat(item: Item): void {
  for (const [k, v] of Object.entries(item)) {
    if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) {
      throw new Error(`field ${k} is a ${Array.isArray(v) ? 'list' : typeof v}, not a mappable value`);
    }
  }
}

/** outputFields keys of a search/create/trigger that the real answer lacks. */
export function missingOutputFields(kind: 'triggers' | 'searches' | 'creates', key: string, item: Item): string[] {
  const defs = (App as unknown as Record<string, Record<string, { operation: { outputFields?: Array<{ key: string }> } }>>)[kind];
  return (defs[key].operation.outputFields ?? []).map((f) => f.key).filter((k) => !(k in item));
}
