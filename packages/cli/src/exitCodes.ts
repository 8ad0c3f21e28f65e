import {
  AbortError,
  AuthenticationError,
  BadRequestError,
  ConfigError,
  ConnectionError,
  DeadlineExceededError,
  NotAppliedError,
  NotFoundError,
  OutcomeUnknownError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  ServerError,
  SessionFailedError,
  TimeoutError,
  UnprocessableError,
  ValidationError,
  WaitTimeoutError,
} from '@aikynetix/core';
import { MissingError, UsageError } from './usage';

/** Process exit codes of `aikynetix` (documented in README.md). */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  auth: 3,
  notFound: 4,
  sessionFailed: 5,
  timeout: 6,
  network: 7,
  outcomeUnknown: 8,
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit code for an error thrown by a command. */
export function exitCodeFor(err: unknown): ExitCodeValue {
  // First: a write whose answer was lost must never look like a plain network error to retry.
  if (err instanceof OutcomeUnknownError) return ExitCode.outcomeUnknown;
  if (err instanceof NotAppliedError) return ExitCode.network;
  if (err instanceof UsageError || err instanceof ValidationError || err instanceof ConfigError) return ExitCode.usage;
  // 400/409/422: the API rejected what the user typed, so it is bad input too
  if (err instanceof BadRequestError || err instanceof UnprocessableError) return ExitCode.usage;
  if (err instanceof AuthenticationError || err instanceof PermissionDeniedError) return ExitCode.auth;
  if (err instanceof NotFoundError || err instanceof MissingError) return ExitCode.notFound;
  if (err instanceof SessionFailedError) return ExitCode.sessionFailed;
  if (err instanceof WaitTimeoutError || err instanceof DeadlineExceededError || err instanceof TimeoutError) {
    return ExitCode.timeout;
  }
  if (err instanceof ConnectionError || err instanceof ServerError || err instanceof RateLimitError) return ExitCode.network;
  if (err instanceof ResponseParseError) return ExitCode.network;
  if (err instanceof AbortError) return ExitCode.interrupted;
  return ExitCode.failure;
}
