import {
  AbortError,
  type AikynetixError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConfigError,
  ConnectionError,
  NoPlanError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  ServerError,
  TimeoutError,
  UnprocessableError,
} from '../errors';
import type { AnyOperation } from '../registry/types';
import type { TransportResponse } from '../transport/types';
import { scrub, truncate } from '../util/redact';
import { parseRetryAfter } from './retry';

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-amzn-requestid', 'x-cloud-trace-context'];
const PLAN_WORDS = /\b(plan|subscription|payment|paid)\b/i;

/** The request id a server sent, if any. */
export function requestIdOf(headers: Record<string, string>): string | undefined {
  for (const h of REQUEST_ID_HEADERS) if (headers[h]) return headers[h];
  return undefined;
}

/** The API's own error text: `{error}` (documented), `{detail}` or `{message}`; else undefined. */
export function apiMessageOf(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object') {
      const o = parsed as Record<string, unknown>;
      for (const k of ['error', 'detail', 'message']) {
        const v = o[k];
        if (typeof v === 'string' && v.trim()) return v.trim();
        if (v && typeof v === 'object') return JSON.stringify(v);
      }
    }
  } catch {
    // not JSON (an HTML error page from a proxy): no API message
  }
  return undefined;
}

/**
 * True when a body is the API's own error answer: a JSON object with an `error` text (every error
 * response in the reference pages has that shape). A proxy's or another server's 404 page is not.
 */
export function isApiErrorBody(body: string): boolean {
  try {
    const parsed: unknown = JSON.parse(body);
    return !!parsed && typeof parsed === 'object' && typeof (parsed as { error?: unknown }).error === 'string';
  } catch {
    return false;
  }
}

/** A body that starts as JSON but does not parse: an answer cut short on the way. */
function looksCutShort(body: string): boolean {
  const text = body.trimStart();
  if (!text.startsWith('{') && !text.startsWith('[')) return false;
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

const HINTS = {
  400: 'Check the fields of this step against what AIKYNETIX expects (the message names the problem).',
  401: 'Check the API key in your AIKYNETIX credentials (and the auth style); create a new key if it was revoked.',
  403: 'This API key lacks the rights for this operation: use an admin key of your AIKYNETIX account.',
  plan: 'This report needs an active AIKYNETIX plan (Pro, Premium, Enterprise or Standard): upgrade the account or use demo mode.',
  404: 'Check the session ID: the session does not exist, was deleted, or belongs to another account.',
  nothing: 'AIKYNETIX found nothing for this account yet: upload a video and wait until it is processed.',
  429: 'AIKYNETIX is rate-limiting this account: the step will succeed if retried a little later.',
  500: 'AIKYNETIX had a temporary problem (reads are retried automatically); try again in a few minutes.',
} as const;

/**
 * Whether a 403/404 means the account has no active plan. Only operations the registry marks as
 * needing one can answer so; a 403 from one open to every key has no other cause, otherwise the
 * status is shared (admin rights, unknown session) and the API's own words decide.
 */
function refusedForPlan(op: AnyOperation, status: number, apiMessage: string | undefined): boolean {
  if (op.requires?.plan === undefined || (status !== 403 && status !== 404)) return false;
  if (status === 403 && !op.requires.admin) return true;
  return apiMessage !== undefined && PLAN_WORDS.test(apiMessage);
}

/** Map a non-success response to the typed error for its status. */
export function errorFromResponse(
  op: AnyOperation,
  res: TransportResponse,
  secrets: ReadonlyArray<string | undefined>,
  baseUrl?: string,
): AikynetixError {
  const status = res.status;
  const rawMessage = apiMessageOf(res.body);
  const apiMessage = rawMessage === undefined ? undefined : truncate(scrub(rawMessage, secrets), 500);
  const base = { operationId: op.id, status, apiMessage, requestId: requestIdOf(res.headers) };
  const said = apiMessage ? `: ${apiMessage}` : '';
  const what = `${op.title} failed (HTTP ${status})${said}`;

  if (refusedForPlan(op, status, apiMessage)) return new NoPlanError(what, { ...base, hint: HINTS.plan });
  if (status === 400) return new BadRequestError(what, { ...base, hint: HINTS[400] });
  if (status === 401) return new AuthenticationError(what, { ...base, hint: HINTS[401] });
  if (status === 403) return new PermissionDeniedError(what, { ...base, hint: HINTS[403] });
  if (status === 404 && !isApiErrorBody(res.body) && looksCutShort(res.body)) {
    // JSON that stops midway: the API's answer damaged on the way (a proxy, a dropped connection).
    return new ResponseParseError(`${op.title}: the answer (HTTP 404) arrived cut short`, {
      ...base,
      bodySnippet: truncate(scrub(res.body, secrets), 200),
      unparsable: true,
      hint: 'This is usually a temporary server or proxy problem.',
    });
  }
  if (status === 404 && !isApiErrorBody(res.body)) {
    // Not the API's answer: the base URL points at something else (a web site, a wrong path).
    const where = baseUrl ? ` at ${baseUrl}` : '';
    return new ConfigError(`${op.title}: the server${where} answered 404 with a page that is not from the AIKYNETIX API`, {
      ...base,
      hint: `Check the base URL in your AIKYNETIX credentials${where ? ` (now ${baseUrl})` : ''}: it should be https://api.aikynetix.app or your simulator's address.`,
    });
  }
  if (status === 404) {
    const aboutOneSession = 'session_id' in (op.in as Record<string, unknown>);
    return new NotFoundError(what, { ...base, hint: aboutOneSession ? HINTS[404] : HINTS.nothing });
  }
  if (status === 429) {
    return new RateLimitError(what, { ...base, hint: HINTS[429], retryAfterMs: parseRetryAfter(res.headers) });
  }
  if (status === 408 || status >= 500) {
    const detail = apiMessage ? said : ' (the server sent no usable error message)';
    return new ServerError(`${op.title} failed (HTTP ${status})${detail}`, { ...base, hint: HINTS[500] });
  }
  if (status >= 400) return new UnprocessableError(what, { ...base, hint: HINTS[400] });
  return new ApiError(`${op.title} got an unexpected HTTP ${status}`, { ...base, hint: HINTS[500] });
}

/** Codes meaning the connection was never made, so nothing reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNABORTED']);

function codeOf(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Map a transport exception to a typed error. The original error is NOT kept as `cause`: host
 * HTTP clients (axios in n8n, node-fetch in Zapier) attach request configs holding the key.
 */
export function errorFromException(
  op: AnyOperation,
  err: unknown,
  ctx: { timedOut: boolean; aborted: boolean; secrets: ReadonlyArray<string | undefined> },
): AikynetixError {
  if (err instanceof ApiError || err instanceof ConnectionError || err instanceof TimeoutError) return err;
  if (err && typeof err === 'object' && (err as { name?: string }).name === 'ValidationError' && 'issues' in err) {
    return err as unknown as AikynetixError;
  }
  const code = codeOf(err);
  const name = (err as { name?: string } | null)?.name;
  const base = { operationId: op.id };
  if (ctx.aborted) return new AbortError(`${op.title} was cancelled`, base);
  if (ctx.timedOut || name === 'TimeoutError' || (code && TIMEOUT_CODES.has(code))) {
    return new TimeoutError(`${op.title} timed out waiting for AIKYNETIX`, {
      ...base,
      hint: 'AIKYNETIX did not answer in time: retry later, or raise the timeout.',
    });
  }
  const raw = err instanceof Error ? err.message : String(err);
  const detail = truncate(scrub(raw, ctx.secrets), 200);
  return new ConnectionError(`${op.title} could not reach AIKYNETIX (${code ?? 'network error'}): ${detail}`, {
    ...base,
    code,
    notSent: code !== undefined && NOT_SENT_CODES.has(code),
    hint: 'Check the base URL in your credentials and that this machine can reach it.',
  });
}
