/** Fields every AIKYNETIX error carries; safe to log (never holds a secret). */
export interface ErrorDetails {
  /** Registry operation id, e.g. `running.createSession`. */
  operationId?: string;
  /** HTTP status, when a response was received. */
  status?: number;
  /** The API's own `error` text, when it sent one. */
  apiMessage?: string;
  /** Request id from the response headers, when the server sent one. */
  requestId?: string;
  /** What a no-code user can do about it. */
  hint?: string;
  /** For a failed write: whether it took effect, as far as the core could find out. */
  outcome?: WriteOutcome;
  cause?: unknown;
}

/**
 * What a failed write did to the account: `not-applied` (checked: nothing was created, so a retry is
 * safe) or `unknown` (the core could not find out; see the message for what to check).
 */
export type WriteOutcome = 'not-applied' | 'unknown';

/**
 * Root of the error hierarchy. Messages are built from redacted parts only, and `toJSON`
 * exposes the same safe fields, so `JSON.stringify(error)` never leaks a key.
 */
export class AikynetixError extends Error {
  readonly operationId?: string;
  readonly status?: number;
  readonly apiMessage?: string;
  readonly requestId?: string;
  readonly hint?: string;
  readonly outcome?: WriteOutcome;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.operationId = details.operationId;
    this.status = details.status;
    this.apiMessage = details.apiMessage;
    this.requestId = details.requestId;
    this.hint = details.hint;
    this.outcome = details.outcome;
  }

  /** Whether retrying the same request later could succeed. */
  get retryable(): boolean {
    return false;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      operationId: this.operationId,
      status: this.status,
      apiMessage: this.apiMessage,
      requestId: this.requestId,
      hint: this.hint,
      outcome: this.outcome,
    };
  }
}
