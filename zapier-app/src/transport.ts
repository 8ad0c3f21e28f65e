import { Agent as HttpAgent } from 'node:http';
import { Readable } from 'node:stream';
import { Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';
import type { Transport, TransportRequest, TransportResponse } from '@aikynetix/core/host';
import { toNodeBody } from '@aikynetix/core/node';
import type { HttpRequestOptions, ZObject } from 'zapier-platform-core';

/**
 * Options z.request understands but its typings omit: `signal` is passed through to node-fetch,
 * `throwForThrottlingEarly: false` lets the core see a 429 (and its Retry-After) instead of
 * Zapier throwing a generic ThrottledError before our error mapping runs.
 */
type ZRequestOptions = HttpRequestOptions & { signal?: AbortSignal; throwForThrottlingEarly?: boolean; agent?: HttpAgent };

/** Flatten fetch-style Headers into the core's lower-case record. */
function headersOf(headers: { forEach(cb: (value: string, key: string) => void): void }): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key.toLowerCase()] = value;
  });
  return out;
}

/**
 * The core's Transport on top of `z.request`, so every API call shows up in Zapier's HTTP log and
 * passes through the app's middleware (which adds the auth headers). Never throws on 4xx/5xx:
 * the core classifies the status itself.
 */
export function zapierTransport(z: ZObject): Transport {
  return {
    async send(req: TransportRequest): Promise<TransportResponse> {
      // Streams become a Readable, never buffered.
      const body = toNodeBody(req.body);
      const options: ZRequestOptions = {
        method: req.method,
        url: req.url,
        headers: { ...req.headers },
        body,
        skipThrowForStatus: true,
        throwForThrottlingEarly: false,
      };
      // The core enforces its own timeouts through the signal (idle-based for uploads), so no
      // node-fetch `timeout`, which would cut a long upload short.
      const lost = new AbortController();
      // node-fetch 2 pipes the body and ignores its errors: a video source that fails mid-upload
      // (a download cut, a file over a limit) would leave the request hanging. End it, and report
      // the source's own error.
      let sourceError: unknown;
      if (body instanceof Readable) {
        body.on('error', (err) => {
          sourceError ??= err;
          lost.abort();
        });
      }
      options.signal = req.signal ? AbortSignal.any([req.signal, lost.signal]) : lost.signal;
      options.agent = watchedAgent(req.url, () => lost.abort());
      try {
        const res = await z.request(options as HttpRequestOptions & { url: string });
        return { status: res.status, headers: headersOf(res.headers), body: res.content ?? '' };
      } catch (err) {
        if (sourceError !== undefined) throw sourceError;
        // reported as a connection failure (the core classifies it), not as the caller's abort
        if (lost.signal.aborted && !req.signal?.aborted) {
          throw Object.assign(new Error('the connection closed before the response was complete'), { code: 'ECONNRESET' });
        }
        throw err;
      } finally {
        options.agent.destroy();
      }
    },
  };
}

/**
 * A one-request agent that calls `onLost` when its socket closes before the response is complete.
 * node-fetch 2 (under z.request) never notices a connection dropped after the headers: the body
 * just stops, and the step would hang until its deadline instead of failing (and, for reads,
 * being retried) at once.
 */
function watchedAgent(url: string, onLost: () => void): HttpAgent {
  const agent: HttpAgent = url.startsWith('https:') ? new HttpsAgent({ keepAlive: false }) : new HttpAgent({ keepAlive: false });
  type CreateConnection = (options: object, callback?: unknown) => Socket;
  const withAgentMethod = agent as unknown as { createConnection: CreateConnection };
  const create = withAgentMethod.createConnection.bind(agent);
  withAgentMethod.createConnection = (options, callback) => {
    const socket = create(options, callback);
    socket.once('close', () => {
      const res = (socket as Socket & { _httpMessage?: { res?: { complete?: boolean } } })._httpMessage?.res;
      if (res && !res.complete) onLost();
    });
    return socket;
  };
  return agent;
}
