import { checkFaultSpec } from './faults/state';
import type { FaultSpec } from './faults/types';
import { badRequest } from './http/errors';
import type { Sim } from './sim';
import { seedSessions, type SeedOptions } from './store/seed';
import type { SessionRecord, VideoStatus } from './store/types';
import { statusOf } from './store/types';

/** What `/__sim/stats` and `control.stats()` report. */
export interface SimStats {
  startedAt: string;
  sessions: number;
  sessionsCreated: number;
  sessionsSeeded: number;
  totalRequests: number;
  requests: Record<string, number>;
  faultsFired: Record<string, number>;
  processingDelayMs: number;
  genAiDelayMs: number;
}

/** Run-time control of a running simulator (also exposed over HTTP under /__sim/). */
export class SimulatorControl {
  constructor(private readonly sim: Sim) {}

  /** Replaces the fault rules (one spec or a list). */
  setFaults(rules: FaultSpec | FaultSpec[]): void {
    this.sim.faults.set(normaliseFaults(rules));
  }

  /** Adds fault rules to the current ones. */
  addFaults(rules: FaultSpec | FaultSpec[]): void {
    this.sim.faults.add(normaliseFaults(rules));
  }

  /** Current rules with remaining counts. */
  getFaults(): FaultSpec[] {
    return this.sim.faults.list();
  }

  clearFaults(): void {
    this.sim.faults.clear();
  }

  /** Removes all sessions, videos, faults and counters. */
  async reset(): Promise<void> {
    this.sim.faults.clear();
    this.sim.stats.reset();
    await this.sim.store.clear();
  }

  stats(): SimStats {
    const { store, stats, faults, settings } = this.sim;
    return {
      startedAt: stats.startedAt,
      sessions: store.size,
      sessionsCreated: store.sessionsCreated,
      sessionsSeeded: store.sessionsSeeded,
      totalRequests: stats.totalRequests,
      requests: { ...stats.requests },
      faultsFired: { ...faults.fired },
      processingDelayMs: settings.processingDelayMs,
      genAiDelayMs: settings.genAiDelayMs,
    };
  }

  /** Creates many sessions at once (benchmarks, pagination tests). */
  seed(options: SeedOptions): { created: number; ids: string[] } {
    if (!Number.isInteger(options?.count) || options.count < 1 || options.count > 100_000) throw badRequest('count must be an integer from 1 to 100000');
    const admin = [...this.sim.keys.values()].find((k) => k.role === 'admin')!;
    const ids = seedSessions(this.sim.store, options, admin, this.sim.settings.processingDelayMs);
    return { created: ids.length, ids };
  }

  /** Changes the processing / GenAI delays for sessions created from now on. */
  setDelays(d: { processingDelayMs?: number; genAiDelayMs?: number }): void {
    if (d.processingDelayMs !== undefined) this.sim.settings.processingDelayMs = nonNegative(d.processingDelayMs, 'processingDelayMs');
    if (d.genAiDelayMs !== undefined) this.sim.settings.genAiDelayMs = nonNegative(d.genAiDelayMs, 'genAiDelayMs');
  }

  /** Forces a session's outcome now (e.g. finish processing without waiting). */
  setSessionStatus(id: string, status: Exclude<VideoStatus, 'Processing'> | 'Processing', reason?: string): SessionRecord {
    const s = this.sim.store.get(id);
    if (!s) throw badRequest(`Session '${id}' not found`);
    const now = new Date().toISOString();
    if (status === 'Processing') {
      return this.sim.store.update(id, { readyAt: new Date(Date.now() + this.sim.settings.processingDelayMs).toISOString() })!;
    }
    return this.sim.store.update(id, { readyAt: now, outcome: status, failureReason: status === 'Failed' ? reason ?? 'Marked failed by the control route' : undefined })!;
  }

  /** Directory where uploaded videos are stored. */
  get videosDir(): string {
    return this.sim.store.videosDir;
  }

  /** The stored session (and its current status), for tests. */
  session(id: string): (SessionRecord & { video_status: VideoStatus }) | undefined {
    const s = this.sim.store.get(id);
    return s ? { ...s, video_status: statusOf(s) } : undefined;
  }
}

function nonNegative(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw badRequest(`${name} must be a non-negative number`);
  return v;
}

/** Accepts one spec, a list, or `{ rules: [...] }`; throws 400 naming the problem. */
export function normaliseFaults(input: unknown): FaultSpec[] {
  const list = Array.isArray(input) ? input : input && typeof input === 'object' && Array.isArray((input as { rules?: unknown }).rules) ? (input as { rules: unknown[] }).rules : [input];
  list.forEach((r, i) => {
    const problem = checkFaultSpec(r);
    if (problem) throw badRequest(`fault ${i}: ${problem}`);
  });
  return list as FaultSpec[];
}
