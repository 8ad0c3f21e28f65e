import { type AuthStyle, DEFAULT_AUTH_STYLE, isAuthStyle } from './auth';
import { ConfigError } from './errors';
import type { Sleep } from './timing/sleep';
import type { Transport } from './transport/types';
import type { Logger } from './util/logger';

/** The production API. */
export const DEFAULT_BASE_URL = 'https://api.aikynetix.app';

/** Options of the `Aikynetix` client. */
export interface ClientOptions {
  /** API key or bearer token. Omit when the transport authenticates itself (n8n credentials). */
  apiKey?: string;
  /** Header style for the key; default `Authorization: API-KEY <key>`. */
  auth?: AuthStyle;
  /** Default https://api.aikynetix.app. Non-loopback URLs must use https. */
  baseUrl?: string;
  /** The host's HTTP client; default an undici keep-alive pool. */
  transport?: Transport;
  /** The host's waiting (retry pauses, timeouts, status polling); default Node's timers in the standalone entry. */
  sleep?: Sleep;
  /** Per-attempt timeout for ordinary calls (ms), default 60 s. Uploads use `uploadTimeoutMs`. */
  timeoutMs?: number;
  /** Idle timeout for uploads (ms): no progress for this long aborts; default 10 min. */
  uploadTimeoutMs?: number;
  /** Retries after the first attempt for retryable failures, default 2. */
  maxRetries?: number;
  /** Overall budget for one call incl. retries and pauses (ms); Zapier steps use ~25 s. */
  deadlineMs?: number;
  /** Longest server-requested Retry-After pause honoured (ms), default 60 s. */
  maxRetryAfterMs?: number;
  logger?: Logger;
  /** Extra headers on every request (e.g. a host's user agent suffix). */
  headers?: Record<string, string>;
  /**
   * Secret values to scrub from error messages, for hosts whose transport adds the key itself
   * (n8n credentials, Zapier authData): an API that echoes the key never leaks it through us.
   */
  redact?: ReadonlyArray<string | undefined>;
}

/** Options after defaults and checks. */
export interface ResolvedConfig {
  apiKey?: string;
  auth: AuthStyle;
  baseUrl: string;
  timeoutMs: number;
  uploadTimeoutMs: number;
  maxRetries: number;
  deadlineMs?: number;
  maxRetryAfterMs: number;
  headers: Record<string, string>;
  /** The key plus `redact`: every value scrubbed from messages. */
  secrets: string[];
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;

/** True for localhost, 127.0.0.0/8 and [::1]. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

/** Parse and check a base URL: absolute http(s), https unless loopback, no credentials or query. */
export function normalizeBaseUrl(raw: string | undefined): string {
  const value = (raw ?? '').trim() || DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`Base URL "${value}" is not a valid URL`, {
      hint: 'Use the full address, e.g. https://api.aikynetix.app',
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`Base URL must start with https:// (got ${url.protocol})`, { hint: 'Use https://api.aikynetix.app' });
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ConfigError(`Base URL ${url.origin} must use https: only local simulators (localhost, 127.0.0.1) may use http`, {
      hint: 'Change http:// to https:// so the API key is never sent unencrypted.',
    });
  }
  if (url.username || url.password) {
    throw new ConfigError('Base URL must not contain a user name or password', { hint: 'Put the key in the API key field.' });
  }
  if (url.search || url.hash) {
    throw new ConfigError('Base URL must not contain a query or fragment', { hint: 'Use only scheme, host and optional path.' });
  }
  return url.toString().replace(/\/+$/, '');
}

/** Apply defaults and validate client options. */
export function resolveConfig(options: ClientOptions): ResolvedConfig {
  if (options.auth !== undefined && !isAuthStyle(options.auth)) {
    throw new ConfigError(`Unknown auth style "${String(options.auth)}"`, {
      hint: 'Use authorizationApiKey, apiKeyHeader or bearer.',
    });
  }
  const apiKey = options.apiKey?.trim();
  if (options.apiKey !== undefined && !apiKey) {
    throw new ConfigError('API key is empty', { hint: 'Paste the key from your AIKYNETIX dashboard.' });
  }
  const positive = (v: number | undefined, name: string, dflt: number) => {
    if (v === undefined) return dflt;
    if (!Number.isFinite(v) || v < 0) throw new ConfigError(`${name} must be a non-negative number`);
    return v;
  };
  return {
    apiKey,
    auth: options.auth ?? DEFAULT_AUTH_STYLE,
    baseUrl: normalizeBaseUrl(options.baseUrl),
    timeoutMs: positive(options.timeoutMs, 'timeoutMs', 60_000),
    uploadTimeoutMs: positive(options.uploadTimeoutMs, 'uploadTimeoutMs', 600_000),
    maxRetries: Math.floor(positive(options.maxRetries, 'maxRetries', 2)),
    deadlineMs: options.deadlineMs === undefined ? undefined : positive(options.deadlineMs, 'deadlineMs', 0),
    maxRetryAfterMs: positive(options.maxRetryAfterMs, 'maxRetryAfterMs', 60_000),
    headers: Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    secrets: [apiKey, ...(options.redact ?? [])].filter((s): s is string => typeof s === 'string' && s.trim().length >= 4),
  };
}
