import { Agent, request } from 'undici';
import type { Transport, TransportRequest, TransportResponse } from './types';

/** Options of the default transport. */
export interface UndiciTransportOptions {
  /** Sockets kept per origin (keep-alive pool), default 16. */
  connections?: number;
  /** How long an idle socket stays open (ms), default 30 s. */
  keepAliveTimeoutMs?: number;
}

function flatHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** The standalone transport: undici with a keep-alive pool; streams request bodies as given. */
export function createUndiciTransport(options: UndiciTransportOptions = {}): Transport & { close(): Promise<void> } {
  const agent = new Agent({
    connections: options.connections ?? 16,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
  });
  return {
    async send(req: TransportRequest): Promise<TransportResponse> {
      const res = await request(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body as never,
        signal: req.signal,
        dispatcher: agent,
        // idle timeouts: an upload that keeps moving is never cut off, a stalled one is
        headersTimeout: req.timeoutMs,
        bodyTimeout: req.timeoutMs,
      });
      const body = await res.body.text();
      return { status: res.statusCode, headers: flatHeaders(res.headers), body };
    },
    close: () => agent.close(),
  };
}
