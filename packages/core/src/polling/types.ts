import type { Sleep } from '../timing/sleep';
import type { Aikynetix } from '../client';

/**
 * The untyped call port the event feed still uses (the waits take typed slices of the client).
 * @deprecated use a `Pick<Aikynetix, ...>` slice.
 */
export interface CallApi {
  call(operationId: string, input: Record<string, unknown>, opts?: { signal?: AbortSignal }): Promise<any>;
}

/** The part of the client a session wait needs. */
export type SessionsApi = Pick<Aikynetix, 'sessions'>;
/** The part of the client a GenAI text wait needs. */
export type ReportsApi = Pick<Aikynetix, 'running'>;

/** Reported after every status check. */
export interface PollProgress {
  attempt: number;
  elapsedMs: number;
  /** What the last check saw (e.g. `processing`, `waiting`, `retrying` after a transient failure). */
  status: string;
}

/** Timing and cancellation of a wait. */
export interface PollOptions {
  /** First pause between checks (default 2000 ms). */
  intervalMs?: number;
  /** Longest pause between checks (default 15000 ms). */
  maxIntervalMs?: number;
  /** Each pause is the previous one times this factor, up to maxIntervalMs (default 1.5). */
  backoff?: number;
  /** Give up after this long (ms); Infinity waits forever. Each wait has its own default. */
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: PollProgress) => void;
  /** Clock, injectable for tests. */
  now?: () => number;
  /** The pause between checks (tests pass a virtual one); default `timer`. */
  sleep?: Sleep;
  /** The host's waiting, for pauses and the deadline of a running check; the client passes its own. */
  timer?: Sleep;
}

/** What one check found: finished with a value, not yet, or a terminal error (after progress is reported). */
export type PollStep<T> = { status: string } & ({ done: true; value: T } | { done: false; error?: Error });

/** Progress of any session wait (processing or GenAI text). */
export interface WaitProgress extends PollProgress {
  sessionId: string;
}

/** Options every session wait accepts. */
export interface WaitOptions extends Omit<PollOptions, 'onProgress'> {
  onProgress?: (progress: WaitProgress) => void;
}
