import type { Readable } from 'node:stream';
import type { ChunkRecycler } from './recycler';

/** A video ready to stream into a multipart body. */
export interface OpenedVideo {
  /** The bytes, read lazily; consumed once. */
  stream: AsyncIterable<Uint8Array>;
  /** Exact size in bytes when known (enables Content-Length). */
  size?: number;
  filename: string;
  contentType: string;
  /** Releases the underlying file handle or connection when the stream will not be read. */
  close?: () => void;
  /** Set when the stream refills one buffer once a transport attaches (file paths only). */
  recycler?: ChunkRecycler;
}

/** A caller-described stream, for hosts that hold their own binary data (n8n, Zapier). */
export interface VideoStreamInput {
  stream: AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array> | Readable;
  size?: number;
  filename?: string;
  contentType?: string;
}

/** Everything `running.createSession` accepts as `video`. Strings are file paths or http(s) URLs. */
export type VideoSource = string | URL | Readable | Uint8Array | Blob | VideoStreamInput;

/** Fetches a video URL as a stream. Must never send AIKYNETIX credentials to the file's host. */
export type Downloader = (url: string, signal?: AbortSignal) => Promise<OpenedVideo>;

/** Reads local files: only the Node and standalone entries have one, so host bundles touch no file system. */
export interface FileReader {
  /** Opens a file path for streaming. */
  open(path: string): Promise<OpenedVideo>;
  /** Opens a file:// URL for streaming. */
  openUrl(url: string): Promise<OpenedVideo>;
  /** Size of an untouched file stream over a whole file, so it gets a Content-Length; else undefined. */
  sizeOf(stream: unknown): Promise<number | undefined>;
  /** Refuses a file path or file:// URL that cannot be uploaded (missing, folder, named pipe, empty), from metadata only. */
  check(location: string): Promise<void>;
}
