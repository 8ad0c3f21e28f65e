import { type AuthStyle, DEFAULT_AUTH_STYLE, DEFAULT_BASE_URL, isAuthStyle, normalizeBaseUrl } from '@aikynetix/core/host';
import type { Bundle } from 'zapier-platform-core';

/** The connection fields the user filled in (see authentication.ts). */
export interface Connection {
  apiKey: string;
  authStyle: AuthStyle;
  /** Normalised (no trailing slash); may throw the core's ConfigError for a bad URL. */
  baseUrl: string;
}

/** Read the connection from `bundle.authData`, applying the documented defaults. */
export function connectionOf(bundle: Pick<Bundle, 'authData'>): Connection {
  const data = (bundle.authData ?? {}) as Record<string, unknown>;
  const style = data.authStyle;
  const rawUrl = typeof data.baseUrl === 'string' ? data.baseUrl : '';
  return {
    apiKey: typeof data.apiKey === 'string' ? data.apiKey.trim() : '',
    authStyle: isAuthStyle(style) ? style : DEFAULT_AUTH_STYLE,
    baseUrl: normalizeBaseUrl(rawUrl.trim() || DEFAULT_BASE_URL),
  };
}

/**
 * True when `url` points at the configured API (same origin, under the base path). Only those
 * requests may carry the key: file downloads and analyzed-video links live on other hosts.
 */
export function isApiUrl(url: string, baseUrl: string): boolean {
  let target: URL;
  let base: URL;
  try {
    target = new URL(url);
    base = new URL(baseUrl);
  } catch {
    return false;
  }
  if (target.origin !== base.origin) return false;
  const prefix = base.pathname.replace(/\/+$/, '');
  return prefix === '' || target.pathname === prefix || target.pathname.startsWith(`${prefix}/`);
}
