import { type AuthStyle, DEFAULT_AUTH_STYLE, DEFAULT_BASE_URL, isAuthStyle, normalizeBaseUrl } from '@aikynetix/core/host';
import type { Bundle } from 'zapier-platform-core';

/** The connection fields the user filled in (see authentication.ts). */
export interface Connection {
  apiKey: string;
  authStyle: AuthStyle;
  /** Normalised (no trailing slash); may throw the core's ConfigError for a bad URL. */
  baseUrl: string;
}

/** Key styles accepted in the Advanced Settings field, by the words a support note would use. */
const STYLE_WORDS: Record<string, AuthStyle> = {
  'authorization-api-key': 'authorizationApiKey',
  authorizationapikey: 'authorizationApiKey',
  'api-key-header': 'apiKeyHeader',
  apikeyheader: 'apiKeyHeader',
  bearer: 'bearer',
};

/** A Firebase ID token (a JWT: three base64url parts, the header starting `eyJ`) goes as a Bearer token. */
const looksLikeJwt = (key: string): boolean => /^eyJ[\w-]*\.[\w-]+\.[\w-]+$/.test(key);

/** What the optional Advanced Settings field holds: an API address and/or a key style, in any order. */
export function parseAdvanced(text: string): { baseUrl?: string; authStyle?: AuthStyle } {
  const out: { baseUrl?: string; authStyle?: AuthStyle } = {};
  for (const word of text.split(/[\s,;]+/).filter(Boolean)) {
    const style = STYLE_WORDS[word.toLowerCase()];
    if (style) out.authStyle = style;
    else out.baseUrl = word; // anything else is the address; normalizeBaseUrl names what is wrong with it
  }
  return out;
}

/**
 * Read the connection from `bundle.authData`. The form asks only for the key: the header style
 * follows from it (a Firebase token goes as Bearer, an API key as `Authorization: API-KEY`), and
 * the optional Advanced Settings field overrides the style or the address for support cases and
 * the local simulator. Connections made with the earlier separate fields (`authStyle`, `baseUrl`)
 * keep working.
 */
export function connectionOf(bundle: Pick<Bundle, 'authData'>): Connection {
  const data = (bundle.authData ?? {}) as Record<string, unknown>;
  const apiKey = typeof data.apiKey === 'string' ? data.apiKey.trim() : '';
  const advanced = parseAdvanced(typeof data.advanced === 'string' ? data.advanced : '');
  const legacyStyle = isAuthStyle(data.authStyle) ? data.authStyle : undefined;
  const rawUrl = advanced.baseUrl ?? (typeof data.baseUrl === 'string' ? data.baseUrl.trim() : '');
  return {
    apiKey,
    authStyle: advanced.authStyle ?? legacyStyle ?? (looksLikeJwt(apiKey) ? 'bearer' : DEFAULT_AUTH_STYLE),
    baseUrl: normalizeBaseUrl(rawUrl || DEFAULT_BASE_URL),
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
