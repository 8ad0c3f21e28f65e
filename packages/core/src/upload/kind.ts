import { isByteSource, isNodeReadable } from './byteStream';

/**
 * What kind of `video` input a value is. Decided here once: validation (schemas/video.ts) and
 * opening (videoSource.ts) both switch on it, so a value that passes one is handled by the other.
 */
export type VideoKind = 'location' | 'url' | 'bytes' | 'blob' | 'readable' | 'described' | 'stream';

const isObject = (v: unknown): v is Record<string | symbol, unknown> => typeof v === 'object' && v !== null;

/** A Blob or File, also from another realm or library (duck-typed: size, type and stream()). */
export function isBlobLike(v: unknown): v is Blob {
  return isObject(v) && typeof v.arrayBuffer === 'function' && typeof v.stream === 'function' && typeof v.size === 'number';
}

/** The kind of a `video` value, or undefined when it cannot be uploaded. */
export function videoKindOf(v: unknown): VideoKind | undefined {
  if (typeof v === 'string') return 'location';
  if (v instanceof URL) return 'url';
  if (v instanceof Uint8Array) return 'bytes';
  if (isBlobLike(v)) return 'blob';
  if (isNodeReadable(v)) return 'readable';
  if (isObject(v) && 'stream' in v) return 'described';
  if (isByteSource(v)) return 'stream';
  return undefined;
}
