import { hasDemo } from './describe';
import {
  AbortError,
  AikynetixError,
  AuthenticationError,
  ConfigError,
  ConnectionError,
  DeadlineExceededError,
  NoPlanError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  ServerError,
  SessionFailedError,
  TimeoutError,
  ValidationError,
  WaitTimeoutError,
  getOperation,
  isOperationId,
  scrub,
} from '@aikynetix/core';

/** Where the failed call came from, to tailor the advice. */
export interface ErrorOrigin {
  tool: string;
  operationId?: string;
  /** The session the call was about, when there was one. */
  sessionId?: string;
}

/** A tool input problem found here, before the core (e.g. a local path over HTTP). */
export class ToolInputError extends ValidationError {}

const FIND = 'Find the right ID with find_sessions (by athlete, date or title) or list_all_sessions.';

/** Whether a write's effect could have happened although the call failed. */
function outcomeUnknown(err: AikynetixError, operationId?: string): boolean {
  if (!operationId || !isOperationId(operationId) || getOperation(operationId).idempotent) return false;
  if (err instanceof ConnectionError) return !err.notSent;
  return err instanceof ServerError || err instanceof TimeoutError || err instanceof DeadlineExceededError || err instanceof ResponseParseError;
}

/** The next step a model should take after an error. */
function advice(err: unknown, origin: ErrorOrigin): string {
  const id = origin.sessionId ? ` ${origin.sessionId}` : '';
  if (err instanceof ValidationError) return 'Nothing was sent to AIKYNETIX. Correct the named field and call the tool again.';
  if (err instanceof AbortError) return 'The call was cancelled; nothing more will happen for it here.';
  if (err instanceof AikynetixError && outcomeUnknown(err, origin.operationId)) {
    return origin.operationId === 'running.createSession'
      ? 'The outcome is unknown: the session may have been created. Do not upload again; look for it with find_sessions (user_id and today\'s date) first.'
      : 'The outcome is unknown: the request may have been carried out. Do not repeat it; check the session with the matching get tool first.';
  }
  if (err instanceof SessionFailedError) return 'AIKYNETIX could not analyse this video. Ask the user for a clear video of the athlete (MP4 or MOV) and upload it again.';
  if (err instanceof WaitTimeoutError) return `Nothing failed: AIKYNETIX is still working. Call the same wait tool again for session${id} (or tell the user to check back later).`;
  if (err instanceof NoPlanError) {
    const demo = origin.operationId && isOperationId(origin.operationId) && hasDemo(getOperation(origin.operationId));
    return `This needs a paid AIKYNETIX plan. Tell the user to upgrade the account${demo ? ', or call the tool again with demo: true to see demo data' : ''}.`;
  }
  if (err instanceof NotFoundError) {
    if (err.sessionStatus === 'processing') return `The session${id} is still processing, so this is not there yet: call wait_for_session, then call this tool again.`;
    if (err.sessionStatus === 'failed') return `AIKYNETIX could not analyse the session${id}, so this will never be there. Ask the user for a clear video of the athlete and upload it again.`;
    if (origin.sessionId) return `No such session${id}, or it is still processing. ${FIND} If it was just uploaded, call wait_for_session first.`;
    return 'Nothing matched. Loosen the filters or check them with the user.';
  }
  if (err instanceof AuthenticationError) return 'The API key this server runs with was refused. The person who set up the server must update AIKYNETIX_API_KEY; retrying will not help.';
  if (err instanceof PermissionDeniedError) return 'The API key lacks the rights for this (uploads need an admin key). The account owner must use an admin key; retrying will not help.';
  if (err instanceof RateLimitError) {
    const s = err.retryAfterMs ? ` about ${Math.ceil(err.retryAfterMs / 1000)} s` : ' a minute';
    return `AIKYNETIX is rate limiting: wait${s}, then call the tool again.`;
  }
  if (err instanceof ConfigError) return 'The server is misconfigured; the person who set it up must fix it. Retrying will not help.';
  if (err instanceof AikynetixError && err.retryable) return 'This looks temporary: call the tool again in a little while.';
  return 'Tell the user what failed; retrying the same call is unlikely to help.';
}

/** The error as text a model can act on: what went wrong and what to do next; no stack, no secrets. */
export function errorText(err: unknown, origin: ErrorOrigin, secrets: readonly string[]): string {
  let what: string;
  if (err instanceof AikynetixError) {
    what = err.message;
    if (err.apiMessage && !what.includes(err.apiMessage)) what += ` (AIKYNETIX said: ${err.apiMessage})`;
  } else {
    // Unexpected: the message may come from anywhere, so only its first line goes out.
    what = `Unexpected error in ${origin.tool}: ${String((err as Error)?.message ?? err).split('\n')[0]}`;
  }
  return scrub(`${what}. ${advice(err, origin)}`.replace(/\.\. /g, '. '), secrets);
}
