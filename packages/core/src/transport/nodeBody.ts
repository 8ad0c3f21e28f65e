import { Readable } from 'node:stream';
import type { TransportBody } from './types';

/**
 * The body in the form Node HTTP clients (axios in n8n, node-fetch in Zapier) stream natively:
 * strings as is, bytes as a Buffer, async iterables as a Readable (never collected in memory).
 */
export function toNodeBody(body: TransportBody | undefined): string | Buffer | Readable | undefined {
  if (body === undefined || typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof Readable) return body;
  return Readable.from(body, { objectMode: false });
}
