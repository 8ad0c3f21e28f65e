import { AikynetixError, type ErrorDetails } from './base';

/**
 * A write's answer was lost (gateway 5xx, reset, timeout, unreadable 2xx), then read-only checks
 * proved it did not take effect: nothing was created, so running it again is safe.
 */
export class NotAppliedError extends AikynetixError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, { ...details, outcome: 'not-applied' });
  }
  override get retryable(): boolean {
    return true;
  }
}

/**
 * A write's answer was lost and read-only checks could not tell whether it took effect. Never
 * retryable: a blind retry could create a duplicate. `candidates` names sessions that may be it.
 */
export class OutcomeUnknownError extends AikynetixError {
  readonly candidates: string[];
  constructor(message: string, details: ErrorDetails & { candidates?: string[] } = {}) {
    super(message, { ...details, outcome: 'unknown' });
    this.candidates = details.candidates ?? [];
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), candidates: this.candidates };
  }
}
