/**
 * A real loopback HTTP proxy that faults a seeded share of the requests passing through it, the
 * way gateways and networks do: resets before and after the server acted, 429s with odd
 * Retry-After headers, 5xx pages instead of (or after) the answer, 200s carrying HTML or cut-short
 * JSON, slow answers and duplicated headers. Decisions come from a seeded generator, so a run
 * is reproducible; counts per fault kind are kept for the report.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The faults, in the order the generator picks among them. */
export const FAULT_KINDS = [
  'reset-before', // connection dropped before forwarding: the server never saw the request
  'rate-limit', // 429 with a varied Retry-After, not forwarded
  'gateway-before', // 502/503/504 page, not forwarded
  'gateway-after', // forwarded (the server acted), then a 502/504 page instead of its answer
  'reset-after', // forwarded, headers sent, then the connection dropped
  'truncated', // forwarded, the 200 cut short (valid HTTP, broken JSON)
  'html-200', // a 200 with an HTML page (a captive portal / CDN error), not forwarded
  'slow', // forwarded after a pause
  'dup-headers', // forwarded with duplicated headers
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Deterministic 32-bit generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HTML = (status: number) => `<!DOCTYPE html><html><head><title>${status}</title></head><body><h1>${status}</h1><hr>gateway</body></html>`;

export interface ChaosProxy {
  url: string;
  /** Faults injected so far, by kind. */
  fired: Record<FaultKind, number>;
  /** Requests seen so far. */
  requests: number;
  /** Turn faulting on or off (off: a plain pass-through). */
  setRate(rate: number): void;
  close(): Promise<void>;
}

/** Starts the proxy in front of `upstream` (an http://127.0.0.1:port URL). */
export async function startChaosProxy(upstream: string, opts: { seed: number; rate: number }): Promise<ChaosProxy> {
  const target = new URL(upstream);
  const random = seeded(opts.seed);
  let rate = opts.rate;
  const fired = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
  let requests = 0;

  const pick = (): FaultKind | undefined => {
    if (random() >= rate) return undefined;
    return FAULT_KINDS[Math.floor(random() * FAULT_KINDS.length)];
  };
  const retryAfter = (): string | undefined => {
    const r = random();
    if (r < 0.25) return undefined;
    if (r < 0.5) return '0, 0'; // repeated by a proxy
    if (r < 0.75) return new Date(Date.now() + 1000).toUTCString(); // an HTTP date
    return 'soon'; // unreadable
  };

  /** Forward to the simulator; resolves with its full answer. */
  const forward = (req: IncomingMessage): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const up = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      up.on('error', reject);
      req.pipe(up);
    });

  const send = (res: ServerResponse, status: number, headers: Record<string, string | string[]>, body: Buffer | string) => {
    const buf = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(status, { ...headers, 'content-length': String(buf.length) });
    res.end(buf);
  };
  const passHeaders = (h: IncomingMessage['headers']) => {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(h)) if (v !== undefined && k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection') out[k] = v;
    return out;
  };

  const server = createServer(async (req, res) => {
    requests++;
    const fault = pick();
    if (fault) fired[fault]++;
    try {
      switch (fault) {
        case 'reset-before':
          req.socket.destroy();
          return;
        case 'rate-limit': {
          req.resume();
          const ra = retryAfter();
          return send(res, 429, { 'content-type': 'application/json', ...(ra ? { 'retry-after': ra } : {}) }, '{"error":"Too many requests"}');
        }
        case 'gateway-before': {
          req.resume();
          const status = [502, 503, 504][Math.floor(random() * 3)];
          return send(res, status, { 'content-type': 'text/html' }, HTML(status));
        }
        case 'html-200':
          req.resume();
          return send(res, 200, { 'content-type': 'text/html' }, '<!DOCTYPE html><html><body>Please log in to the network</body></html>');
        default:
          break;
      }
      if (fault === 'slow') await new Promise((r) => setTimeout(r, 100 + Math.floor(random() * 300)));
      const answer = await forward(req);
      if (fault === 'gateway-after') {
        const status = random() < 0.5 ? 502 : 504;
        return send(res, status, { 'content-type': 'text/html' }, HTML(status));
      }
      if (fault === 'reset-after') {
        res.writeHead(answer.status, { ...passHeaders(answer.headers), 'content-length': String(answer.body.length) });
        res.flushHeaders();
        setTimeout(() => res.socket?.destroy(), 5);
        return;
      }
      if (fault === 'truncated' && answer.body.length > 1) {
        return send(res, answer.status, passHeaders(answer.headers), answer.body.subarray(0, Math.floor(answer.body.length / 2)));
      }
      const headers = passHeaders(answer.headers);
      if (fault === 'dup-headers') {
        headers['x-request-id'] = ['dup-1', 'dup-2'];
        headers['cache-control'] = ['no-store', 'no-store'];
      }
      return send(res, answer.status, headers, answer.body);
    } catch {
      res.socket?.destroy();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    fired,
    get requests() {
      return requests;
    },
    setRate(r: number) {
      rate = r;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
