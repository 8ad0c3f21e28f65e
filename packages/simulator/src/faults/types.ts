/**
 * One fault rule. Counted faults (`count`) fire on the next N matching requests, then stop;
 * `latencyMs` applies to every matching request until the rules are replaced or reset.
 * `route` is a substring of the URL path, or a regular expression written as `/.../`.
 */
export interface FaultSpec {
  /** Added delay before the request is handled. */
  latencyMs?: number;
  /** Next N requests get 429 with `Retry-After: retryAfterSeconds` (default 1). Never reaches the handler. */
  rateLimit?: { count: number; retryAfterSeconds?: number };
  /** Next N requests get a 5xx (default 503, JSON `{error}`), or an HTML body with `html: true` (default status 502 then). Never reaches the handler. */
  serverError?: { count: number; status?: number; html?: boolean };
  /**
   * Next N requests are handled normally (side effects happen) but the connection is destroyed
   * after the response headers (`after: 'headers'`, default) or after half the body (`'partial-body'`).
   */
  drop?: { count: number; after?: 'headers' | 'partial-body' };
  /** Next N requests are handled normally but get only the first half of their JSON body (valid HTTP, invalid JSON). */
  truncatedJson?: { count: number };
  route?: string;
  method?: string;
}

/** Which kind of fault fired for a request (for stats). */
export type FaultKind = 'latency' | 'rateLimit' | 'serverError' | 'drop' | 'truncatedJson';
