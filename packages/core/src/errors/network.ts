import { AikynetixError, type ErrorDetails } from './base';

/** The request never got an answer: DNS, refused, reset, TLS failure. */
export class ConnectionError extends AikynetixError {
  /** True when the connection was never established, so the server cannot have seen the request. */
  readonly notSent: boolean;
  /** The low-level error code (ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET...). */
  readonly code?: string;
  constructor(message: string, details: ErrorDetails & { notSent?: boolean; code?: string } = {}) {
    super(message, details);
    this.notSent = details.notSent ?? false;
    this.code = details.code;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), code: this.code, notSent: this.notSent };
  }
  override get retryable(): boolean {
    return true;
  }
}

/** One attempt took longer than `timeoutMs`. */
export class TimeoutError extends AikynetixError {
  override get retryable(): boolean {
    return true;
  }
}

/** The overall deadline (all attempts and back-off pauses) ran out. */
export class DeadlineExceededError extends AikynetixError {}

/** The caller aborted via its AbortSignal. */
export class AbortError extends AikynetixError {}
