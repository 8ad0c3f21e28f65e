/** Header names whose values are secrets. */
const SECRET_HEADERS = new Set(['authorization', 'api-key', 'x-api-key', 'cookie', 'set-cookie', 'proxy-authorization']);

/** A copy of `headers` safe to log: secret values replaced. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? '[redacted]' : v;
  return out;
}

/** `scheme://user:password@` inside any text. */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;

/** `text` with the user:password part of every URL in it replaced (`https://[redacted]@host/...`). */
export function redactUrlCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1[redacted]@');
}

/**
 * `text` with every occurrence of each secret (4+ chars) replaced, so echoes of a key never escape,
 * and with credentials inside URLs removed.
 */
export function scrub(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = redactUrlCredentials(text);
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join('[redacted]');
  }
  return out;
}

/** At most `max` characters of `text`, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
