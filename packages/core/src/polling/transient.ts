import { AikynetixError } from '../errors/base';
import { DeadlineExceededError } from '../errors/network';
import { NotFoundError } from '../errors/api';

/** Consecutive "not found" answers tolerated before a session was ever seen (a just-created one may lag). */
export const NOT_FOUND_GRACE = 3;

/**
 * Failures a wait rides out until its deadline: network, 5xx, 429, timeouts and unreadable bodies
 * (all `retryable`), plus a call that ran out of its own deadline. Anything else is a definitive
 * answer (401/403, bad request) and ends the wait.
 */
export function isTransient(err: unknown): boolean {
  return err instanceof AikynetixError && (err.retryable || err instanceof DeadlineExceededError);
}

/**
 * Tracks "not found" during a wait: definitive once the session was seen (it was deleted), or after
 * a few answers in a row for a session never seen (a wrong id should not wait for 30 minutes).
 */
export function notFoundTracker() {
  let seen = false;
  let misses = 0;
  return {
    saw(): void {
      seen = true;
      misses = 0;
    },
    /** True when this "not found" ends the wait. */
    definitive(err: unknown): boolean {
      if (!(err instanceof NotFoundError)) return false;
      misses++;
      return seen || misses >= NOT_FOUND_GRACE;
    },
  };
}
