import { ValidationError } from '../errors/input';
import { AbortError } from '../errors/network';
import { sleep as defaultSleep } from '../util/sleep';
import type { PollOptions, PollStep } from './types';

export const POLL_DEFAULTS = { intervalMs: 2000, maxIntervalMs: 15000, backoff: 1.5 } as const;

/** Extra knobs a specific wait gives the generic loop. */
export interface PollLoopOptions extends PollOptions {
  /** The error thrown when the deadline passes. */
  onTimeout: (elapsedMs: number) => Error;
  /** Names the wait in the AbortError message. */
  what?: string;
}

function checkNumber(field: string, value: number | undefined, min: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || Number.isNaN(value) || value < min || value === -Infinity) {
    throw new ValidationError([{ field, rule: `must be a number of at least ${min}` }]);
  }
}

/**
 * Runs `check` until it reports done, pausing between checks with exponential back-off. Rejects
 * with `onTimeout()` at the deadline (a check still running then is aborted), with AbortError when
 * `signal` aborts, and with a step's own error when the check reports one.
 */
export async function pollUntil<T>(
  check: (ctx: { attempt: number; signal: AbortSignal }) => Promise<PollStep<T>>,
  opts: PollLoopOptions,
): Promise<T> {
  const intervalMs = opts.intervalMs ?? POLL_DEFAULTS.intervalMs;
  const maxIntervalMs = Math.max(opts.maxIntervalMs ?? POLL_DEFAULTS.maxIntervalMs, intervalMs);
  const backoff = opts.backoff ?? POLL_DEFAULTS.backoff;
  checkNumber('intervalMs', intervalMs, 1);
  checkNumber('maxIntervalMs', opts.maxIntervalMs, 1);
  checkNumber('backoff', backoff, 1);
  checkNumber('timeoutMs', opts.timeoutMs, 0);
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? defaultSleep;
  const { signal } = opts;
  const aborted = () =>
    new AbortError(`Stopped waiting for ${opts.what ?? 'the result'}: the wait was cancelled`, { cause: signal?.reason });

  const start = now();
  const deadline = start + (opts.timeoutMs ?? Infinity);
  let interval = intervalMs;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw aborted();
    const step = await runCheck(check, attempt, signal, deadline - now(), () => opts.onTimeout(now() - start), aborted);
    opts.onProgress?.({ attempt, elapsedMs: now() - start, status: step.status });
    if (step.done) return step.value;
    if (step.error) throw step.error;
    const remaining = deadline - now();
    if (remaining <= 0) throw opts.onTimeout(now() - start);
    try {
      // Never pause past the deadline: the last check happens right at it.
      await sleep(Math.min(interval, remaining), signal);
    } catch (err) {
      if (signal?.aborted) throw aborted();
      throw err;
    }
    interval = Math.min(interval * backoff, maxIntervalMs);
  }
}

/** Smallest time budget a check gets, so the check made right at the deadline can still answer. */
const MIN_CHECK_MS = 1000;

/** One check, aborted when the caller aborts or when it would run past the deadline. */
async function runCheck<T>(
  check: (ctx: { attempt: number; signal: AbortSignal }) => Promise<PollStep<T>>,
  attempt: number,
  callerSignal: AbortSignal | undefined,
  remainingMs: number,
  timeoutError: () => Error,
  abortError: () => Error,
): Promise<PollStep<T>> {
  const stop = new AbortController();
  const onAbort = () => stop.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  if (Number.isFinite(remainingMs)) {
    timer = setTimeout(() => stop.abort(new Error('deadline')), Math.max(remainingMs, MIN_CHECK_MS));
    timer.unref?.();
  }
  try {
    return await check({ attempt, signal: stop.signal });
  } catch (err) {
    if (callerSignal?.aborted) throw abortError();
    if (stop.signal.aborted) throw timeoutError();
    throw err;
  } finally {
    if (timer) clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onAbort);
  }
}
