import type { FastifyRequest } from 'fastify';
import type { KeyAccount } from './auth/keys';
import type { DataContext } from './data/context';
import type { FaultState } from './faults/state';
import type { SessionStore } from './store/store';
import type { OpenApiValidator } from './validation/openapi';

/** Request counters the control route reports. */
export class Stats {
  readonly startedAt = new Date().toISOString();
  requests: Record<string, number> = {};
  totalRequests = 0;

  count(route: string): void {
    this.totalRequests++;
    this.requests[route] = (this.requests[route] ?? 0) + 1;
  }

  reset(): void {
    this.requests = {};
    this.totalRequests = 0;
  }
}

/** Settings that can change at run time. */
export interface SimSettings {
  processingDelayMs: number;
  genAiDelayMs: number;
}

/** Everything route handlers share. */
export interface Sim {
  store: SessionStore;
  faults: FaultState;
  stats: Stats;
  settings: SimSettings;
  keys: Map<string, KeyAccount>;
  validator: OpenApiValidator | undefined;
  adminName: string;
  log: SimLogger;
}

/** Optional logger; the simulator never logs API keys. */
export interface SimLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: SimLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Data context for a request: absolute base URL as the client reached us, delays, clock. */
export function dataContext(sim: Sim, request: FastifyRequest): DataContext {
  const host = request.headers.host ?? 'localhost';
  return { baseUrl: `${request.protocol}://${host}`, genAiDelayMs: sim.settings.genAiDelayMs, now: Date.now(), adminName: sim.adminName };
}

declare module 'fastify' {
  interface FastifyRequest {
    account: KeyAccount | null;
  }
  interface FastifyContextConfig {
    opId?: string;
    docPath?: string;
  }
}
