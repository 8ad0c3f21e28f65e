import { AikynetixError, type ErrorDetails } from './base';

/** The session's video could not be processed (status Failed). */
export class SessionFailedError extends AikynetixError {
  readonly sessionId: string;
  constructor(sessionId: string, details: ErrorDetails = {}) {
    super(`Session ${sessionId} failed to process`, {
      hint: 'Check that the upload is a real video (MP4/MOV) of the athlete, then upload it again.',
      ...details,
    });
    this.sessionId = sessionId;
  }
}

/** A wait (processing, GenAI text) did not finish before its deadline; nothing failed. */
export class WaitTimeoutError extends AikynetixError {
  readonly sessionId: string;
  constructor(sessionId: string, what: string, waitedMs: number, details: ErrorDetails = {}) {
    super(`Gave up waiting for ${what} of session ${sessionId} after ${Math.round(waitedMs / 1000)} s`, {
      hint: 'Processing is still running on AIKYNETIX: raise the maximum wait, or continue from the "Session Processed" trigger.',
      ...details,
    });
    this.sessionId = sessionId;
  }
}
