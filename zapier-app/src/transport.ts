import { Readable } from 'node:stream';
import type { Transport, TransportBody, TransportRequest, TransportResponse } from '@aikynetix/core/host';
import type { HttpRequestOptions, ZObject } from 'zapier-platform-core';

/**
 * Options z.request understands but its typings omit: `signal` is passed through to node-fetch,
 * `throwForThrottlingEarly: false` lets the core see a 429 (and its Retry-After) instead of
 * Zapier throwing a generic ThrottledError before our error mapping runs.
 */
type ZRequestOptions = HttpRequestOptions & { signal?: AbortSignal; throwForThrottlingEarly?: boolean };

/** z.request only recognises Node streams, Buffers and strings as bodies left untouched. */
function toZapierBody(body: TransportBody | undefined): string | Buffer | Readable | undefined {
  if (body === undefined || typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  // A streaming multipart body: handed over chunk by chunk, never buffered.
  return body instanceof Readable ? body : Readable.from(body, { objectMode: false });
}

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
      const options: ZRequestOptions = {
        method: req.method,
        url: req.url,
        headers: { ...req.headers },
        body: toZapierBody(req.body),
        skipThrowForStatus: true,
        throwForThrottlingEarly: false,
      };
      // The core enforces its own timeouts through the signal (idle-based for uploads), so no
      // node-fetch `timeout`, which would cut a long upload short.
      if (req.signal) options.signal = req.signal;
      const res = await z.request(options as HttpRequestOptions & { url: string });
      return { status: res.status, headers: headersOf(res.headers), body: res.content ?? '' };
    },
  };
}
