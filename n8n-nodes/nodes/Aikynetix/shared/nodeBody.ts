// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- a Node built-in, not a dependency; axios (under n8n's httpRequest) streams only Node Readables. Moves to @aikynetix/core (request in notes/n8n.md).
import { Readable } from 'node:stream';
import type { TransportBody } from '@aikynetix/core/host';

/** Request body for n8n's HTTP helper: text as is, bytes as a Buffer, streams as a Readable (never buffered). */
export function toNodeBody(body: TransportBody | undefined): string | Buffer | Readable | undefined {
	if (body === undefined || typeof body === 'string') return body;
	if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	return body instanceof Readable ? body : Readable.from(body, { objectMode: false });
}
