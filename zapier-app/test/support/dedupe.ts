/**
 * Zapier's trigger dedupe, as its docs describe it: the poll made while a Zap is turned on
 * (isPopulatingDedupe) only records ids; every later poll fires for the ids never seen before and
 * records them. The only key is `id`.
 */
export class ZapierDedupe {
  readonly seen = new Set<string>();
  /** id -> how many times it fired. */
  readonly fired = new Map<string, number>();

  /** The Zap is turned on: remember these ids, fire nothing. */
  populate(items: Array<Record<string, unknown>>): void {
    for (const item of items) this.seen.add(String(item.id));
  }

  /** A regular poll: returns the ids that fire, in the order Zapier receives them. */
  poll(items: Array<Record<string, unknown>>): string[] {
    const fresh: string[] = [];
    for (const item of items) {
      const id = String(item.id);
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      this.fired.set(id, (this.fired.get(id) ?? 0) + 1);
      fresh.push(id);
    }
    return fresh;
  }
}
