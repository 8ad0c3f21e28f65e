import { ValidationError } from '../errors/input';

/** Anything we can read bytes from without buffering it all. */
export type ByteSource = AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array>;

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return value != null && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}

/** True for Node Readables and look-alikes (they pipe, emit and iterate). */
export function isNodeReadable(value: unknown): value is NodeJS.ReadableStream & AsyncIterable<unknown> {
  const v = value as { pipe?: unknown; on?: unknown; read?: unknown };
  return v != null && typeof v.pipe === 'function' && typeof v.on === 'function' && typeof v.read === 'function';
}

/** True for WHATWG ReadableStreams (Blob.stream(), fetch bodies). */
export function isWebStream(value: unknown): value is ReadableStream<Uint8Array> {
  return value != null && typeof (value as ReadableStream).getReader === 'function';
}

/** Whether `value` is something `toByteStream` can read. */
export function isByteSource(value: unknown): value is ByteSource {
  return isAsyncIterable(value) || isWebStream(value);
}

async function* readWeb(stream: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Normalises any byte source to Uint8Array chunks (strings as UTF-8), passing chunks through uncopied. */
export async function* toByteStream(source: ByteSource): AsyncGenerator<Uint8Array> {
  const iterable: AsyncIterable<unknown> = isAsyncIterable(source) ? source : readWeb(source);
  for await (const chunk of iterable) {
    if (chunk instanceof Uint8Array) yield chunk;
    else if (typeof chunk === 'string') yield Buffer.from(chunk, 'utf8');
    else if (chunk instanceof ArrayBuffer) yield new Uint8Array(chunk);
    else throw new ValidationError([{ field: 'video', rule: 'the stream produced something other than bytes' }], 'running.createSession');
  }
}

/** Yields a byte array in slices so a large Buffer is never copied into one giant write. */
export async function* sliceBytes(bytes: Uint8Array, sliceSize = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += sliceSize) {
    yield bytes.subarray(offset, Math.min(offset + sliceSize, bytes.byteLength));
  }
}

/** Stops a source that will never be read (frees its file handle or socket). */
export function closeSource(source: unknown): void {
  if (isNodeReadable(source)) (source as unknown as { destroy?: () => void }).destroy?.();
  else if (isWebStream(source) && !source.locked) source.cancel().catch(() => undefined);
}
