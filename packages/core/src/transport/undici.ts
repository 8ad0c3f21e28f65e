import type { Socket } from 'node:net';
import { Agent, buildConnector, Client, request, type Dispatcher } from 'undici';
import { untilFlushed } from './flushed';
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

async function send(req: TransportRequest, dispatcher: Dispatcher): Promise<TransportResponse> {
  const res = await request(req.url, {
    method: req.method,
    headers: req.headers,
    body: req.body as never,
    signal: req.signal,
    dispatcher,
    // idle timeouts: an upload that keeps moving is never cut off, a stalled one is
    headersTimeout: req.timeoutMs,
    bodyTimeout: req.timeoutMs,
  });
  const body = await res.body.text();
  return { status: res.statusCode, headers: flatHeaders(res.headers), body };
}

/**
 * An upload whose reader can reuse its buffer gets a connection of its own, so the transport
 * knows which socket carries the body and can tell the reader when that socket has flushed.
 * One extra handshake per multi-megabyte upload costs nothing; the saving is the upload's memory.
 */
async function sendRecycled(req: TransportRequest): Promise<TransportResponse> {
  const connect = buildConnector({});
  let socket: Socket | undefined;
  const client = new Client(new URL(req.url).origin, {
    connect(options, callback) {
      connect(options, (...result) => {
        if (result[1]) socket = result[1];
        callback(...result);
      });
    },
  });
  req.recycler?.attach(() => untilFlushed(socket));
  try {
    return await send(req, client);
  } finally {
    void client.destroy().catch(() => undefined);
  }
}

/** The standalone transport: undici with a keep-alive pool; streams request bodies as given. */
export function createUndiciTransport(options: UndiciTransportOptions = {}): Transport & { close(): Promise<void> } {
  const agent = new Agent({
    connections: options.connections ?? 16,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
  });
  let closing: Promise<void> | undefined;
  return {
    send: (req) => (req.recycler ? sendRecycled(req) : send(req, agent)),
    // idempotent: a client and its owner may both close the same transport
    close: () => (closing ??= agent.close()),
  };
}
