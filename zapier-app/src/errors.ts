import {
  AikynetixError,
  AuthenticationError,
  ConfigError,
  NoPlanError,
  OutcomeUnknownError,
  PermissionDeniedError,
  RateLimitError,
  ValidationError,
  scrub,
} from '@aikynetix/core/host';
import type { Bundle, ZObject } from 'zapier-platform-core';

/** Zapier shows at most this much of an error message in its UI and emails. */
export const MAX_MESSAGE_LENGTH = 249;
/** When the server gave no Retry-After: ask Zapier to come back in a minute. */
const DEFAULT_THROTTLE_SECONDS = 60;

/** Zapier's own error classes pass through untouched (they are already deliberate). */
function isZapierError(z: ZObject, err: unknown): boolean {
  const e = z.errors;
  return [e.Error, e.HaltedError, e.ExpiredAuthError, e.RefreshAuthError, e.ThrottledError].some(
    (cls) => typeof cls === 'function' && err instanceof cls,
  );
}

/** "What failed — what to do", without the key, cut to Zapier's limit. */
export function userMessage(err: unknown, secrets: ReadonlyArray<string | undefined> = []): string {
  let text: string;
  if (err instanceof AikynetixError) {
    text = err.hint && !err.message.includes(err.hint) ? `${err.message}. ${err.hint}` : err.message;
  } else if (err instanceof Error) {
    text = `Unexpected error: ${err.message}`;
  } else {
    text = `Unexpected error: ${String(err)}`;
  }
  const clean = scrub(text.replace(/\s+/g, ' ').trim(), secrets);
  return clean.length <= MAX_MESSAGE_LENGTH ? clean : `${clean.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
}

/**
 * Map anything thrown by the core to the Zapier error that makes Zapier do the right thing:
 * retry later (throttled), ask the user to reconnect (expired auth), stop without retrying
 * (halted) or show the API's message (plain error).
 */
export function toZapierError(z: ZObject, bundle: Pick<Bundle, 'authData'>, err: unknown): Error {
  if (isZapierError(z, err)) return err as Error;
  const apiKey = (bundle.authData as Record<string, unknown> | undefined)?.apiKey;
  const message = userMessage(err, [typeof apiKey === 'string' ? apiKey : undefined]);
  if (err instanceof RateLimitError) {
    const seconds = err.retryAfterMs !== undefined ? Math.max(1, Math.ceil(err.retryAfterMs / 1000)) : DEFAULT_THROTTLE_SECONDS;
    return new z.errors.ThrottledError(message, seconds);
  }
  if (err instanceof AuthenticationError) return new z.errors.ExpiredAuthError(message);
  // Retrying cannot help: the plan, the key's rights or the input must change first. And a write
  // whose outcome is unknown must never be replayed automatically (it could duplicate a session).
  if (err instanceof NoPlanError || err instanceof PermissionDeniedError || err instanceof ValidationError || err instanceof OutcomeUnknownError) {
    return new z.errors.HaltedError(message);
  }
  if (err instanceof ConfigError) return new z.errors.Error(message, 'InvalidConnection', 400);
  if (err instanceof AikynetixError) {
    return new z.errors.Error(message, err.name, err.status ?? 0);
  }
  return new z.errors.Error(message, 'UnexpectedError', 0);
}

/** Run `fn`, converting any failure to the matching Zapier error. */
export async function guarded<T>(z: ZObject, bundle: Pick<Bundle, 'authData'>, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toZapierError(z, bundle, err);
  }
}
