import { DEFAULT_KEYS, keyTable } from './auth/keys';
import { SimulatorControl } from './control';
import { FaultState } from './faults/state';
import type { FaultSpec } from './faults/types';
import { buildApp } from './server';
import { silentLogger, Stats, type Sim, type SimLogger } from './sim';
import { SessionStore } from './store/store';
import { loadOpenApi } from './validation/load';
import { OpenApiValidator } from './validation/openapi';

export { SimulatorControl, type SimStats } from './control';
export type { FaultSpec } from './faults/types';
export type { SeedOptions } from './store/seed';
export type { SimLogger } from './sim';
export { DEFAULT_KEYS } from './auth/keys';
export { OpenApiValidator } from './validation/openapi';
export { loadOpenApi } from './validation/load';
export { DEMO_IDS } from './data/demo';

/** Options of start(). Every option has a working default. */
export interface StartOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Persist sessions and videos here (survive restarts); default: in memory + a temp dir for videos. */
  dataDir?: string;
  /** The admin API key (default `sim_admin_key`). */
  apiKey?: string;
  /** Keys of the other roles (defaults `sim_user_key`, `sim_noplan_key`). */
  nonAdminKey?: string;
  noPlanKey?: string;
  /** Pending -> Processed/Failed delay (default 3000 ms). */
  processingDelayMs?: number;
  /** Delay before GenAI texts appear (default 2000 ms). */
  genAiDelayMs?: number;
  /** Fault rules active from the start. */
  faults?: FaultSpec | FaultSpec[];
  logger?: SimLogger;
  /** OpenAPI document used for request validation (default: repo docs/openapi.json, then the packaged copy). */
  openapiPath?: string;
}

/** A running simulator. */
export interface Simulator {
  /** Base URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
  url: string;
  /** The admin key. */
  apiKey: string;
  keys: { admin: string; nonAdmin: string; noPlan: string };
  control: SimulatorControl;
  /** The OpenAPI validator in use (undefined when no document was found). */
  validator: OpenApiValidator | undefined;
  /** Stops listening and flushes persisted state. */
  close(): Promise<void>;
}

/** Starts a local AIKYNETIX API simulator. */
export async function start(options: StartOptions = {}): Promise<Simulator> {
  const log = options.logger ?? silentLogger;
  const keys = {
    admin: options.apiKey ?? DEFAULT_KEYS.admin,
    nonAdmin: options.nonAdminKey ?? DEFAULT_KEYS.nonAdmin,
    noPlan: options.noPlanKey ?? DEFAULT_KEYS.noPlan,
  };
  if (new Set(Object.values(keys)).size !== 3) throw new Error('The admin, non-admin and no-plan keys must differ');
  const loaded = loadOpenApi(options.openapiPath);
  if (!loaded) log.warn('docs/openapi.json not found: request validation is off');
  const store = await SessionStore.open(options.dataDir);
  const faults = new FaultState();
  const sim: Sim = {
    store,
    faults,
    stats: new Stats(),
    settings: { processingDelayMs: options.processingDelayMs ?? 3000, genAiDelayMs: options.genAiDelayMs ?? 2000 },
    keys: keyTable(keys),
    validator: loaded ? new OpenApiValidator(loaded.doc) : undefined,
    adminName: 'Simulator Admin',
    log,
  };
  const control = new SimulatorControl(sim);
  if (options.faults) control.setFaults(options.faults);
  const app = buildApp(sim, control);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : options.port ?? 0;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = `http://${urlHost}:${port}`;
  let closed = false;
  return {
    url,
    apiKey: keys.admin,
    keys,
    control,
    validator: sim.validator,
    async close() {
      if (closed) return;
      closed = true;
      // Don't wait for idle keep-alive sockets of clients that never close them.
      app.server.closeIdleConnections?.();
      await app.close();
      await store.close();
    },
  };
}
