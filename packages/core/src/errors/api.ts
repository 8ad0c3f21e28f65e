import { AikynetixError, type ErrorDetails } from './base';

/** The server answered with a non-success status. */
export class ApiError extends AikynetixError {
  declare readonly status: number;
  constructor(message: string, details: ErrorDetails & { status: number }) {
    super(message, details);
  }
}

/** 400: the API rejected the parameters. */
export class BadRequestError extends ApiError {}
/** 401: the API key is missing, wrong or revoked. */
export class AuthenticationError extends ApiError {}
/** 403: the key lacks admin rights for this operation. */
export class PermissionDeniedError extends ApiError {}
/** 403/404 caused by the account having no active paid plan. */
export class NoPlanError extends PermissionDeniedError {}
/** Why a report of an existing session is not there (see NotFoundError.sessionStatus). */
export type UnprocessedStatus = 'processing' | 'failed';

/** What the core found out about a 404 for an existing session. */
export interface NotFoundDetails {
  /** The session exists but is still processing or failed, so the report is not there. */
  sessionStatus?: UnprocessedStatus;
  /** The session exists but is of this activity (as the API names it), not the endpoint's. */
  sessionActivity?: string;
  /** The session these findings are about. */
  sessionId?: string;
}

/**
 * 404: the session (or anything matching) does not exist. For an operation on one session the core
 * checks why (see explainNotFound): a session of another activity (`sessionActivity`), or a report
 * of one still processing or failed (`sessionStatus`); the message and hint then say so.
 */
export class NotFoundError extends ApiError {
  readonly sessionStatus?: UnprocessedStatus;
  readonly sessionActivity?: string;
  readonly sessionId?: string;
  constructor(message: string, details: ErrorDetails & NotFoundDetails & { status: number }) {
    super(message, details);
    this.sessionStatus = details.sessionStatus;
    this.sessionActivity = details.sessionActivity;
    this.sessionId = details.sessionId;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), sessionStatus: this.sessionStatus, sessionActivity: this.sessionActivity, sessionId: this.sessionId };
  }
}
/** 409/422 and other 4xx the API may send. */
export class UnprocessableError extends ApiError {}

/** 429: too many requests; `retryAfterMs` is the server's requested pause, if it gave one. */
export class RateLimitError extends ApiError {
  readonly retryAfterMs?: number;
  constructor(message: string, details: ErrorDetails & { status: number; retryAfterMs?: number }) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
  override get retryable(): boolean {
    return true;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}

/** 5xx (and 408): the server failed; often temporary. */
export class ServerError extends ApiError {
  override get retryable(): boolean {
    return true;
  }
}

/** The response could not be parsed (HTML error page, truncated JSON, wrong shape). */
export class ResponseParseError extends AikynetixError {
  /** The first characters of the body, for diagnosis (never contains request headers). */
  readonly bodySnippet?: string;
  /** True when the body was not JSON at all (cut short, an HTML page): usually transient. */
  readonly unparsable: boolean;
  constructor(message: string, details: ErrorDetails & { bodySnippet?: string; unparsable?: boolean }) {
    super(message, details);
    this.bodySnippet = details.bodySnippet;
    this.unparsable = details.unparsable ?? false;
  }
  /** A garbled body is worth another try; a well-formed body of the wrong shape is not. */
  override get retryable(): boolean {
    return this.unparsable;
  }
}
