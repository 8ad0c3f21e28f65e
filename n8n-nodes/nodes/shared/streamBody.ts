/**
 * A streamed upload body in the one lazy form n8n's HTTP client (axios) sends without buffering
 * and without Node's stream module: a Blob whose bytes are read through `stream()` as they are
 * sent, the way file-backed Blobs are. axios takes its Content-Length from `size` and its
 * Content-Type from `type`, so both must be the multipart body's own.
 */
export class StreamedBody {
	readonly size: number;
	readonly type: string;
	readonly #chunks: AsyncIterable<Uint8Array>;

	constructor(chunks: AsyncIterable<Uint8Array>, size: number, type: string) {
		this.#chunks = chunks;
		this.size = size;
		this.type = type;
	}

	/** The bytes, read once, front to back. */
	stream(): ReadableStream<Uint8Array> {
		return ReadableStream.from(this.#chunks);
	}

	get [Symbol.toStringTag](): string {
		return 'Blob';
	}
}
