import type { Readable } from 'node:stream';
import type { Blob } from 'node:buffer';
import { z } from 'zod';
import { field } from './meta';

/** A video given as a stream plus what the multipart part needs to know about it. */
export interface VideoStreamSource {
  stream: Readable | AsyncIterable<Uint8Array>;
  /** Bytes; when known the upload is sent with Content-Length instead of chunked. */
  size?: number;
  filename?: string;
  contentType?: string;
}

/**
 * Anything `running.createSession` can upload: a local file path, an http(s) URL (downloaded as a
 * stream), a Buffer/Uint8Array, a Blob, a Node Readable, or a stream with its size and name.
 * The upload module turns it into a streaming multipart part; this module only recognises it.
 */
export type VideoSource = string | Uint8Array | Blob | Readable | VideoStreamSource;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function isStreamLike(v: unknown): boolean {
  if (!isObject(v)) return false;
  return typeof v.pipe === 'function' || typeof (v as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

function isBlobLike(v: unknown): boolean {
  return isObject(v) && typeof v.arrayBuffer === 'function' && typeof v.stream === 'function' && typeof v.size === 'number';
}

/** Why a value cannot be uploaded, or undefined when it can. */
export function videoProblem(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return 'is required';
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !/^https?:\/\//i.test(s)) {
      return `must be a file path or an http(s) URL (got a '${s.split(':')[0]}:' URL)`;
    }
    return undefined;
  }
  if (v instanceof Uint8Array || isBlobLike(v) || isStreamLike(v)) return undefined;
  if (isObject(v) && 'stream' in v) {
    if (!isStreamLike(v.stream)) return 'has a `stream` that is not a readable stream';
    if (v.size !== undefined && (typeof v.size !== 'number' || !Number.isInteger(v.size) || v.size < 0)) {
      return 'has a `size` that is not a whole number of bytes';
    }
    return undefined;
  }
  return 'must be a file path, an http(s) URL, a Buffer, a Blob, a readable stream or { stream, size?, filename?, contentType? }';
}

/** The upload's `video` input field. */
export const videoField = field(
  z.custom<VideoSource>((v) => videoProblem(v) === undefined, {
    error: (iss) => (iss.input === undefined ? undefined : videoProblem(iss.input)),
  }),
  {
    title: 'Video',
    description:
      'The video to analyse: a file path, an http(s) URL, or binary file data. Streamed, so size is not limited by memory.',
    fieldType: 'file',
    examples: ['https://example.com/videos/treadmill-run.mp4'],
  },
);
