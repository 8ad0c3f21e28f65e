import { inspect } from 'node:util';

/**
 * Recognisable keys the whole suite runs with: any of them showing up in collected output,
 * errors or logs is a leak. Three, because the simulator's admin, non-admin and no-plan keys
 * must differ (and each is a secret).
 */
export const KEYS = {
  admin: 'rk_live_LEAKCANARY_admin_5f3a9c1e7b',
  nonAdmin: 'rk_live_LEAKCANARY_user_2d8e4f6a0c',
  noPlan: 'rk_live_LEAKCANARY_noplan_9b1c3e5d7f',
} as const;
const ALL = Object.values(KEYS);

/** Every way a value can be shown to a person: message, stack, JSON, util.inspect (hidden fields too). */
export function renderings(value: unknown): string[] {
  const out: string[] = [];
  if (typeof value === 'string') return [value];
  if (value instanceof Error) {
    out.push(value.message, value.stack ?? '', String(value));
  }
  try {
    out.push(JSON.stringify(value) ?? '');
  } catch {
    /* circular: inspect covers it */
  }
  out.push(inspect(value, { depth: 8, showHidden: true, getters: false }));
  return out;
}

/** Collects everything a surface showed during a test file; `leaks()` names what contained a key. */
export class LeakWatch {
  private readonly seen: Array<{ label: string; text: string }> = [];
  private restore: Array<() => void> = [];

  /** Remember a value (error, result, output text) under a label. */
  record(label: string, value: unknown): void {
    for (const text of renderings(value)) this.seen.push({ label, text });
  }

  /** How many things were recorded (a watch that saw nothing proves nothing). */
  get count(): number {
    return this.seen.length;
  }

  /** A core Logger that records every line and its metadata. */
  logger() {
    const rec = (level: string) => (message: string, meta?: unknown) => this.record(`log.${level}`, { message, meta });
    return { debug: rec('debug'), info: rec('info'), warn: rec('warn'), error: rec('error') };
  }

  /** Records (and silences) console output and process.stdout/stderr writes until stop(). */
  captureConsole(): void {
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const spy = jest.spyOn(console, level).mockImplementation((...args: unknown[]) => this.record(`console.${level}`, args));
      this.restore.push(() => spy.mockRestore());
    }
  }

  stop(): void {
    this.restore.forEach((r) => r());
    this.restore = [];
  }

  /** Whether any recorded text matches (proves a channel was really captured). */
  logged(pattern: RegExp): boolean {
    return this.seen.some((s) => s.label.startsWith('console.') && pattern.test(s.text));
  }

  /** Labels of recorded texts containing any key (empty = no leak). */
  leaks(): string[] {
    return [...new Set(this.seen.filter((s) => ALL.some((k) => s.text.includes(k))).map((s) => s.label))];
  }
}
