import type { FaultKind, FaultSpec } from './types';

/** Live fault rules with their remaining counts. */
export class FaultState {
  private rules: FaultSpec[] = [];
  readonly fired: Record<FaultKind, number> = { latency: 0, rateLimit: 0, serverError: 0, drop: 0, truncatedJson: 0 };

  constructor(initial: FaultSpec[] = []) {
    this.set(initial);
  }

  /** Replaces all rules (deep-copied so counters don't mutate the caller's objects). */
  set(rules: FaultSpec[]): void {
    this.rules = rules.map((r) => JSON.parse(JSON.stringify(r)) as FaultSpec);
  }

  /** Adds rules to the current ones. */
  add(rules: FaultSpec[]): void {
    this.rules.push(...rules.map((r) => JSON.parse(JSON.stringify(r)) as FaultSpec));
  }

  /** Current rules with remaining counts. */
  list(): FaultSpec[] {
    return this.rules.map((r) => JSON.parse(JSON.stringify(r)) as FaultSpec);
  }

  clear(): void {
    this.rules = [];
    for (const k of Object.keys(this.fired) as FaultKind[]) this.fired[k] = 0;
  }

  get empty(): boolean {
    return this.rules.length === 0;
  }

  /** Total added latency for a request. */
  latencyFor(method: string, path: string): number {
    let ms = 0;
    for (const r of this.rules) if (r.latencyMs && matches(r, method, path)) ms += r.latencyMs;
    if (ms > 0) this.fired.latency++;
    return ms;
  }

  /** Consumes one count of the first matching rule of this kind; returns its settings or undefined. */
  take<K extends 'rateLimit' | 'serverError' | 'drop' | 'truncatedJson'>(kind: K, method: string, path: string): NonNullable<FaultSpec[K]> | undefined {
    for (const r of this.rules) {
      const f = r[kind];
      if (!f || f.count <= 0 || !matches(r, method, path)) continue;
      f.count--;
      this.fired[kind]++;
      return f as NonNullable<FaultSpec[K]>;
    }
    return undefined;
  }
}

function matches(r: FaultSpec, method: string, path: string): boolean {
  if (r.method && r.method.toUpperCase() !== method.toUpperCase()) return false;
  if (!r.route) return true;
  if (r.route.length > 2 && r.route.startsWith('/') && r.route.endsWith('/')) {
    try {
      return new RegExp(r.route.slice(1, -1)).test(path);
    } catch {
      return false;
    }
  }
  return path.includes(r.route);
}

/** Validates a fault spec from JSON (control route, env); returns an error message or undefined. */
export function checkFaultSpec(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'each fault must be an object';
  const v = value as Record<string, unknown>;
  const known = ['latencyMs', 'rateLimit', 'serverError', 'drop', 'truncatedJson', 'route', 'method'];
  for (const k of Object.keys(v)) if (!known.includes(k)) return `unknown fault field '${k}' (known: ${known.join(', ')})`;
  if (v.latencyMs !== undefined && (typeof v.latencyMs !== 'number' || v.latencyMs < 0)) return 'latencyMs must be a non-negative number';
  for (const k of ['rateLimit', 'serverError', 'drop', 'truncatedJson']) {
    const f = v[k] as Record<string, unknown> | undefined;
    if (f === undefined) continue;
    if (typeof f !== 'object' || f === null || typeof f.count !== 'number' || !Number.isInteger(f.count) || f.count < 0) {
      return `${k}.count must be a non-negative integer`;
    }
  }
  const drop = v.drop as { after?: unknown } | undefined;
  if (drop?.after !== undefined && drop.after !== 'headers' && drop.after !== 'partial-body') return "drop.after must be 'headers' or 'partial-body'";
  for (const k of ['route', 'method']) if (v[k] !== undefined && typeof v[k] !== 'string') return `${k} must be a string`;
  return undefined;
}
