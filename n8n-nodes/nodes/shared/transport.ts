import type {
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import type { Transport, TransportBody, TransportRequest, TransportResponse } from '@aikynetix/core/host';
import { StreamedBody } from './streamBody';

/** The n8n contexts that can send authenticated requests. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** Name of the credential type every request authenticates with. */
export const CREDENTIAL_TYPE = 'aikynetixApi';

function lowerCaseHeaders(headers: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (headers && typeof headers === 'object') {
		for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
			if (value === undefined || value === null) continue;
			out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
		}
	}
	return out;
}

/** Strings and bytes as they are; a stream (an upload) as a lazily read Blob of its announced length. */
function bodyOf(request: TransportRequest): string | Buffer | StreamedBody | undefined {
	const body: TransportBody | undefined = request.body;
	if (body === undefined || typeof body === 'string') return body;
	if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	const length = Number(request.headers['content-length']);
	if (!Number.isSafeInteger(length)) {
		// n8n always knows a binary's size, so the core always announces the body's length.
		throw new Error('An upload body without a known length cannot be sent through n8n');
	}
	return new StreamedBody(body, length, request.headers['content-type'] ?? 'application/octet-stream');
}

function textOf(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	// axios may still hand back parsed JSON; the core parses text itself.
	return JSON.stringify(body);
}

/**
 * The core's transport on n8n's own HTTP helper: n8n adds the credential's headers, applies its
 * proxy and SSRF settings, and keeps the key out of execution data. Never throws on a status;
 * network failures reject and the core classifies them.
 */
export function n8nTransport(ctx: RequestContext): Transport {
	return {
		async send(request: TransportRequest): Promise<TransportResponse> {
			const body = bodyOf(request);
			const streamed = body instanceof StreamedBody;
			const options: IHttpRequestOptions = {
				method: request.method as IHttpRequestMethods,
				url: request.url,
				headers: { ...request.headers },
				body: body as IHttpRequestOptions['body'],
				// Following redirects makes axios keep every byte sent for a possible replay: a 2 GB
				// upload would sit in memory. The API never redirects an upload.
				disableFollowRedirect: streamed,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				json: false,
				encoding: 'text',
				timeout: request.timeoutMs,
				abortSignal: request.signal,
			};
			const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options)) as {
				statusCode: number;
				headers: unknown;
				body: unknown;
			};
			return { status: response.statusCode, headers: lowerCaseHeaders(response.headers), body: textOf(response.body) };
		},
	};
}
