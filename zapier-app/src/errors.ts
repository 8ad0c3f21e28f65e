import {
  AikynetixError,
  AuthenticationError,
  ConfigError,
  OutcomeUnknownError,
  fieldsOf,
  getOperation,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SessionFailedError,
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

/** Field labels the Zap editor shows where they differ from the registry's titles. */
const ZAPIER_LABELS: Record<string, string> = { video: 'Video File', activity: 'Activity', confirm: 'Confirm Permanent Deletion' };

/** `video` -> `Video File (video)`: the label the user sees, and the key a mapping shows. */
function fieldName(key: string, operationId: string | undefined): string {
  const top = key.split('.')[0];
  let label = ZAPIER_LABELS[top];
  if (!label && operationId) {
    try {
      label = fieldsOf(getOperation(operationId)).find((f) => f.key === top)?.label ?? '';
    } catch {
      label = '';
    }
  }
  return label && label !== key ? `${label} (${key})` : key;
}

/** A validation message naming each field by its label. */
function validationText(err: ValidationError): string {
  const list = err.issues.map((i) => `${fieldName(i.field, err.operationId)}: ${i.rule}`).join('; ');
  return `Invalid input: ${list}. ${err.hint ?? ''}`.trim();
}

/**
 * A 404 the core explained (the session exists): in the Zap editor's words, short enough for
 * Zapier's limit. Undefined for a plain "not found".
 */
function explainedNotFound(err: NotFoundError): string | undefined {
  const id = err.sessionId ?? 'this session';
  const what = err.operationId ? getOperation(err.operationId).title.replace(/^(Get|Generate|Export) /, '') : 'this';
  if (err.sessionActivity) {
    return `Session ${id} is a ${err.sessionActivity} session, so it has no ${what} here. Choose Activity = ${err.sessionActivity} (or the matching ${err.sessionActivity} step).`;
  }
  if (err.sessionStatus === 'processing') {
    return `Session ${id} is still being analysed, so its ${what} is not there yet. Start the Zap from "New Session Processed" (not "New Session").`;
  }
  if (err.sessionStatus === 'failed') {
    return `AIKYNETIX could not analyse session ${id}, so it will never have a ${what}. Upload the video again (it becomes a new session).`;
  }
  return undefined;
}

/** "What failed — what to do", without the key, cut to Zapier's limit. */
export function userMessage(err: unknown, secrets: ReadonlyArray<string | undefined> = []): string {
  let text: string;
  const explained = err instanceof NotFoundError ? explainedNotFound(err) : undefined;
  if (err instanceof ValidationError) {
    text = validationText(err);
  } else if (explained) {
    text = explained;
  } else if (err instanceof AikynetixError) {
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
 * Map anything thrown by the core to the Zapier error that makes Zapier do the right thing, as
 * Zapier's docs prescribe: retry later (ThrottledError), ask the user to reconnect
 * (ExpiredAuthError), stop this run only when the data is the problem and the Zap is fine
 * (HaltedError: a session that failed processing, is still processing or is of another activity), and a plain
 * z.errors.Error for everything the user must fix (bad input, connection settings, the key's
 * rights or plan) so that a broken Zap is reported and eventually turned off.
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
  if (err instanceof SessionFailedError) return new z.errors.HaltedError(message);
  // The session exists but is of another activity, still processing or failed: this run's data is
  // the problem, not the Zap.
  if (err instanceof NotFoundError && (err.sessionActivity || err.sessionStatus)) return new z.errors.HaltedError(message);
  // A write whose outcome is unknown must never be replayed automatically (Autoreplay could
  // duplicate the session): halt, with the message saying what to check.
  if (err instanceof OutcomeUnknownError) return new z.errors.HaltedError(message);
  // Misconfiguration: the input, the connection, the key's rights or the plan must change first.
  if (err instanceof ValidationError) return new z.errors.Error(message, 'InvalidInput', 400);
  if (err instanceof ConfigError) return new z.errors.Error(message, 'InvalidConnection', 400);
  if (err instanceof PermissionDeniedError) return new z.errors.Error(message, err.name, err.status ?? 403);
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
