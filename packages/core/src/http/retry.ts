import { AikynetixError, ConnectionError, RateLimitError } from '../errors';

/** Base pause before the first retry (ms); doubles each attempt. */
const BASE_DELAY_MS = 500;
/** Longest computed back-off pause (ms) when the server gives no Retry-After. */
const MAX_BACKOFF_MS = 8_000;

/**
 * Parse a Retry-After header: delta-seconds or an HTTP date. Returns ms from `now`, or undefined
 * when absent or unparseable. Also understands the `retry-after-ms` extension.
 */
export function parseRetryAfter(headers: Record<string, string>, now = Date.now()): number | undefined {
  const ms = headers['retry-after-ms'];
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.max(0, Number(ms));
  const raw = headers['retry-after']?.trim();
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.max(0, Number(raw) * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential back-off with full jitter for retry number `attempt` (1-based). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  // keep at least half the ceiling so bursts spread out without retrying instantly
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The pause before retry `attempt`: the server's Retry-After (capped) or back-off. */
export function retryDelay(error: AikynetixError, attempt: number, maxRetryAfterMs: number): number {
  if (error instanceof RateLimitError && error.retryAfterMs !== undefined) {
    return Math.min(error.retryAfterMs, maxRetryAfterMs);
  }
  return backoffDelay(attempt);
}

/**
 * May this failure be retried? Idempotent operations retry every retryable failure. Others only
 * when the server provably did not act: a 429 (rejected before processing) or a connection that
 * was never established (nothing was sent) — and only when the body can be produced again.
 */
export function mayRetry(error: AikynetixError, idempotent: boolean, replayable: boolean): boolean {
  if (!error.retryable) return false;
  if (idempotent) return replayable;
  if (!replayable) return false;
  return provablyNotSent(error);
}

/** The server provably did not act on the request: rejected with 429, or the connection was never made. */
export function provablyNotSent(error: AikynetixError): boolean {
  return error instanceof RateLimitError || (error instanceof ConnectionError && error.notSent === true);
}
