import { authHeaders } from '@aikynetix/core/host';
import type { Bundle, HttpRequestOptions, ZObject } from 'zapier-platform-core';
import { connectionOf, isApiUrl } from './settings';

/**
 * beforeRequest: authenticate requests to the AIKYNETIX API, and only those. A request to any
 * other host (a hydrated file, a video CDN) goes out without the key, whoever builds it.
 */
export function addAuthHeaders(request: HttpRequestOptions, _z: ZObject, bundle: Bundle): HttpRequestOptions {
  let conn;
  try {
    conn = connectionOf(bundle);
  } catch {
    return request; // an invalid base URL: the client reports it; never guess where the key may go
  }
  if (!conn.apiKey || !request.url || !isApiUrl(request.url, conn.baseUrl)) return request;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers ?? {})) {
    // drop any caller-supplied auth header so exactly one style is sent
    if (k.toLowerCase() !== 'authorization' && k.toLowerCase() !== 'api-key') headers[k] = v;
  }
  request.headers = { ...headers, ...authHeaders(conn.authStyle, conn.apiKey) };
  return request;
}
