import { type ClientOptions, type ResolvedConfig, resolveConfig } from './config';
import { ConfigError } from './errors';
import { type CallOptions, executeOperation } from './http/execute';
import { type IterateParams, iterateSessions } from './pagination';
import type { Session } from './schemas/session';
import * as polling from './polling';
import { getOperation, registry, type OperationById, type OperationId, type Registry } from './registry';
import type { AnyOperation, OperationInput, OperationOutput } from './registry/types';
import { resolveSleep, type Sleep } from './timing/sleep';
import type { Transport } from './transport/types';
import { type Logger, silentLogger } from './util/logger';

/** A method derived from one registry operation; input optional when nothing is required. */
type OperationMethod<Op extends AnyOperation> = {} extends OperationInput<Op>
  ? (input?: OperationInput<Op>, options?: CallOptions) => Promise<OperationOutput<Op>>
  : (input: OperationInput<Op>, options?: CallOptions) => Promise<OperationOutput<Op>>;

/** The methods of one area, derived from the registry. */
export type Namespace<Ops> = { [K in keyof Ops]: Ops[K] extends AnyOperation ? OperationMethod<Ops[K]> : never };

/** Extra helpers on `client.sessions` that are not single API operations. */
export interface SessionHelpers {
  /** Every session matching the filters, newest first, fetched page by page. */
  iterate(params?: IterateParams, options?: CallOptions): AsyncGenerator<Session>;
}

let defaultTransportFactory: (() => Transport) | undefined;
/** Set by the standalone entry point (undici); hosts always pass their own transport. */
export function setDefaultTransportFactory(factory: () => Transport): void {
  defaultTransportFactory = factory;
}

/** The AIKYNETIX API client: one method per registry operation, plus waits and paging. */
export class Aikynetix {
  readonly sessions: Namespace<Registry['sessions']> & SessionHelpers;
  readonly running: Namespace<Registry['running']>;
  readonly jumping: Namespace<Registry['jumping']>;
  readonly weightlifting: Namespace<Registry['weightlifting']>;
  /** The options in force (never includes the transport). */
  readonly config: Readonly<Omit<ResolvedConfig, 'apiKey' | 'secrets'>>;
  #config: ResolvedConfig;
  #transport: Transport;
  #logger: Logger;
  #sleep: Sleep;

  constructor(options: ClientOptions = {}) {
    this.#config = resolveConfig(options);
    const { apiKey: _secret, secrets: _secrets, ...visible } = this.#config;
    this.config = Object.freeze(visible);
    const transport = options.transport ?? defaultTransportFactory?.();
    if (!transport) {
      throw new ConfigError('No transport: pass options.transport, or import the standalone "@aikynetix/core" entry');
    }
    this.#transport = transport;
    this.#sleep = resolveSleep(options.sleep);
    this.#logger = options.logger ?? silentLogger;
    this.sessions = Object.assign(this.#namespace('sessions'), {
      iterate: (params?: IterateParams, opts?: CallOptions) => iterateSessions(this, params, opts),
    }) as never;
    this.running = this.#namespace('running') as never;
    this.jumping = this.#namespace('jumping') as never;
    this.weightlifting = this.#namespace('weightlifting') as never;
  }

  /** Call any operation by registry id; input is validated before anything is sent. */
  call<Id extends OperationId>(
    id: Id,
    input?: OperationInput<OperationById<Id>>,
    options?: CallOptions,
  ): Promise<OperationOutput<OperationById<Id>>>;
  call(id: string, input?: Record<string, unknown>, options?: CallOptions): Promise<unknown>;
  call(id: string, input?: unknown, options?: CallOptions): Promise<unknown> {
    const op = getOperation(id);
    return executeOperation({ config: this.#config, transport: this.#transport, logger: this.#logger, sleep: this.#sleep }, op, input, options);
  }

  /** Resolve once the session is processed; SessionFailedError on failure, WaitTimeoutError at the deadline. */
  waitForSession(sessionId: string, options?: polling.WaitForSessionOptions) {
    return polling.waitForSession(this, sessionId, { timer: this.#sleep, ...options });
  }

  /** After generateSummary: resolve with the summary once its GenAI text is present. */
  waitForSummaryText(sessionId: string, options?: polling.WaitForTextOptions) {
    return polling.waitForSummaryText(this, sessionId, { timer: this.#sleep, ...options });
  }

  /** After generateFormRecommendations: resolve with the form report once its comments are present. */
  waitForFormRecommendations(sessionId: string, options?: polling.WaitForTextOptions) {
    return polling.waitForFormRecommendations(this, sessionId, { timer: this.#sleep, ...options });
  }

  /** After generateGaitRecommendations: resolve with the gait report once its comments are present. */
  waitForGaitRecommendations(sessionId: string, options?: polling.WaitForTextOptions) {
    return polling.waitForGaitRecommendations(this, sessionId, { timer: this.#sleep, ...options });
  }

  /** Release the default transport's sockets (no-op for host transports). */
  async close(): Promise<void> {
    const t = this.#transport as Transport & { close?: () => Promise<void> };
    await t.close?.();
  }

  #namespace(area: keyof Registry): Record<string, (input?: unknown, options?: CallOptions) => Promise<unknown>> {
    const out: Record<string, (input?: unknown, options?: CallOptions) => Promise<unknown>> = {};
    for (const [name, op] of Object.entries(registry[area] as Record<string, AnyOperation>)) {
      out[name] = (input?: unknown, options?: CallOptions) => this.call(op.id, input as never, options);
    }
    return out;
  }

  /** Keeps the key out of console.log / util.inspect output. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Aikynetix { baseUrl: '${this.#config.baseUrl}', auth: '${this.#config.auth}' }`;
  }

  toJSON(): Record<string, unknown> {
    return { baseUrl: this.#config.baseUrl, auth: this.#config.auth };
  }
}
