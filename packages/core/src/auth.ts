/** The three header styles the API documentation uses (see docs/api-notes.md §1). */
export type AuthStyle = 'authorizationApiKey' | 'apiKeyHeader' | 'bearer';

/** Auth styles with labels for host dropdowns; the first is the default. */
export const AUTH_STYLES: ReadonlyArray<{ value: AuthStyle; label: string; description: string }> = [
  {
    value: 'authorizationApiKey',
    label: 'Authorization: API-KEY <key>',
    description: 'What the API guides and curl examples use (recommended)',
  },
  { value: 'apiKeyHeader', label: 'API-KEY: <key>', description: 'A separate API-KEY header' },
  { value: 'bearer', label: 'Authorization: Bearer <token>', description: 'A Firebase bearer token' },
];

/** The default style: the one every prose page and curl example uses. */
export const DEFAULT_AUTH_STYLE: AuthStyle = 'authorizationApiKey';

/** Headers that authenticate a request with `key` in the given style (lower-case names). */
export function authHeaders(style: AuthStyle | undefined, key: string): Record<string, string> {
  switch (style ?? DEFAULT_AUTH_STYLE) {
    case 'apiKeyHeader':
      return { 'api-key': key };
    case 'bearer':
      return { authorization: `Bearer ${key}` };
    case 'authorizationApiKey':
      return { authorization: `API-KEY ${key}` };
    default:
      throw new TypeError(`Unknown auth style "${String(style)}"`);
  }
}

/** Type guard for auth style strings coming from host settings. */
export function isAuthStyle(value: unknown): value is AuthStyle {
  return value === 'authorizationApiKey' || value === 'apiKeyHeader' || value === 'bearer';
}
