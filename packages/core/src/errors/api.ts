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
/** 404: the session (or anything matching) does not exist. */
export class NotFoundError extends ApiError {}
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
