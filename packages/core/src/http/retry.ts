import { AikynetixError, ConnectionError, RateLimitError } from '../errors';

/** Base pause before the first retry (ms); doubles each attempt. */
const BASE_DELAY_MS = 500;
/** Longest computed back-off pause (ms) when the server gives no Retry-After. */
const MAX_BACKOFF_MS = 8_000;

/** Shortest pause honoured from a Retry-After: a "0" or a past date never becomes a retry storm. */
export const MIN_RETRY_AFTER_MS = 250;

/**
 * Parse a Retry-After header: delta-seconds or an HTTP date. A header repeated by a proxy arrives
 * joined (`1, 1`); every repeat must agree (else undefined), and an HTTP date's own comma is kept.
 * Returns ms from `now` (at least MIN_RETRY_AFTER_MS), or undefined when absent or unreadable (then
 * normal back-off applies). Also understands the `retry-after-ms` extension.
 */
export function parseRetryAfter(headers: Record<string, string>, now = Date.now()): number | undefined {
  const ms = single(headers['retry-after-ms'], /^\d+(\.\d+)?$/);
  if (ms !== undefined) return Math.max(MIN_RETRY_AFTER_MS, Number(ms));
  const raw = headers['retry-after']?.trim();
  if (!raw) return undefined;
  const seconds = single(raw, /^\d+(\.\d+)?$/);
  if (seconds !== undefined) return Math.max(MIN_RETRY_AFTER_MS, Number(seconds) * 1000);
  const date = single(raw, HTTP_DATE, /,\s*(?=[A-Za-z]{3},)/);
  if (date === undefined) return undefined;
  const at = Date.parse(date);
  return Number.isNaN(at) ? undefined : Math.max(MIN_RETRY_AFTER_MS, at - now);
}

/** IMF-fixdate, e.g. `Wed, 21 Oct 2015 07:28:00 GMT` (obsolete formats are not worth the risk). */
const HTTP_DATE = /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** The one value of a possibly repeated header when every repeat matches `shape` and they agree. */
function single(raw: string | undefined, shape: RegExp, separator: RegExp = /\s*,\s*/): string | undefined {
  if (raw === undefined) return undefined;
  const parts = raw.trim().split(separator).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0 || !parts.every((p) => shape.test(p))) return undefined;
  return parts.every((p) => p === parts[0]) ? parts[0] : undefined;
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
