import { promises as fsp, ReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ValidationError } from '../errors/input';
import { pickContentType } from './contentType';
import { closeSource, isByteSource, sliceBytes, toByteStream } from './byteStream';
import { videoKindOf } from './kind';
import { defaultDownloader } from './download';
import { fileChunks } from './fileChunks';
import { ChunkRecycler } from './recycler';
import { cleanFilename } from './filename';
import type { Downloader, OpenedVideo, VideoSource, VideoStreamInput } from './types';

export type { Downloader, OpenedVideo, VideoSource, VideoStreamInput };

export interface OpenVideoOptions {
  /** How http(s) URLs are fetched; default: global fetch, no credentials, redirects followed. */
  download?: Downloader;
  signal?: AbortSignal;
}

function invalid(rule: string, field = 'video'): ValidationError {
  return new ValidationError([{ field, rule }], 'running.createSession');
}

async function openFile(path: string): Promise<OpenedVideo> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw invalid(`file not found: ${path}`);
    if (code === 'EACCES' || code === 'EPERM') throw invalid(`file cannot be read (permission denied): ${path}`);
    if (code === 'EISDIR') throw invalid(`is a folder, not a video file: ${path}`);
    throw invalid(`file cannot be opened (${code ?? 'error'}): ${path}`);
  }
  const stat = await handle.stat();
  if (!stat.isFile()) {
    await handle.close();
    throw invalid(`is not a regular file: ${path}`);
  }
  if (stat.size === 0) {
    await handle.close();
    throw invalid(`file is empty (0 bytes): ${path}`);
  }
  const filename = cleanFilename(path);
  const recycler = new ChunkRecycler();
  const file = fileChunks(handle, recycler);
  return { stream: file.chunks, size: stat.size, filename, contentType: pickContentType(undefined, filename), close: file.close, recycler };
}

async function openLocation(location: string, opts: OpenVideoOptions): Promise<OpenedVideo> {
  const text = location.trim();
  if (text === '') throw invalid('must not be empty: give a file path, an http(s) URL or binary data');
  if (/^https?:\/\//i.test(text)) {
    try {
      new URL(text);
    } catch {
      throw invalid('is not a valid URL');
    }
    return (opts.download ?? defaultDownloader)(text, opts.signal);
  }
  if (/^file:\/\//i.test(text)) return openFile(fileURLToPath(text));
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    throw invalid(`URL scheme ${text.slice(0, text.indexOf(':'))}: is not supported; use an http(s) URL or a file path`);
  }
  return openFile(location);
}

/** Size of an untouched fs.ReadStream over a whole file, so a plain createReadStream gets Content-Length. */
async function readStreamSize(stream: unknown): Promise<number | undefined> {
  if (!(stream instanceof ReadStream) || typeof stream.path !== 'string' || stream.bytesRead !== 0) return undefined;
  const s = stream as ReadStream & { start?: number; end?: number };
  if (s.start !== undefined && s.start !== 0) return undefined;
  if (s.end !== undefined && s.end !== Infinity) return undefined;
  try {
    const stat = await fsp.stat(stream.path);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

function openDescribed(input: VideoStreamInput): OpenedVideo {
  const { size, filename, contentType } = input;
  if (size !== undefined && (!Number.isSafeInteger(size) || size < 0)) {
    throw invalid('must be a whole number of bytes (0 or more)', 'video.size');
  }
  if (filename !== undefined && typeof filename !== 'string') throw invalid('must be text', 'video.filename');
  if (contentType !== undefined && typeof contentType !== 'string') throw invalid('must be text', 'video.contentType');
  if (!isByteSource(input.stream)) throw invalid('must be a readable stream of bytes', 'video.stream');
  const name = cleanFilename(filename);
  return {
    stream: toByteStream(input.stream),
    size,
    filename: name,
    contentType: pickContentType(contentType, name),
    close: () => closeSource(input.stream),
  };
}

/**
 * Opens any supported `video` input as a lazily read byte stream with its name, type and (when
 * knowable) size. Nothing is buffered; URLs are downloaded as they are uploaded.
 */
export async function openVideo(source: VideoSource, opts: OpenVideoOptions = {}): Promise<OpenedVideo> {
  const kind = videoKindOf(source);
  if (kind === 'location') return openLocation(source as string, opts);
  if (kind === 'url') return openLocation((source as URL).href, opts);
  if (kind === 'bytes') {
    const bytes = source as Uint8Array;
    if (bytes.byteLength === 0) throw invalid('is empty (0 bytes)');
    return { stream: sliceBytes(bytes), size: bytes.byteLength, filename: cleanFilename(undefined), contentType: pickContentType(undefined, '') };
  }
  if (kind === 'blob') {
    const blob = source as Blob & { name?: string };
    if (blob.size === 0) throw invalid('is empty (0 bytes)');
    const filename = cleanFilename(blob.name);
    const stream = blob.stream();
    return { stream: toByteStream(stream), size: blob.size, filename, contentType: pickContentType(blob.type, filename), close: () => closeSource(stream) };
  }
  if (kind === 'readable') {
    const path = (source as { path?: unknown }).path;
    const filename = cleanFilename(typeof path === 'string' ? path : undefined);
    return {
      stream: toByteStream(source as AsyncIterable<Uint8Array>),
      size: await readStreamSize(source),
      filename,
      contentType: pickContentType(undefined, filename),
      close: () => closeSource(source),
    };
  }
  if (kind === 'described') return openDescribed(source as VideoStreamInput);
  if (kind === 'stream' && isByteSource(source)) return openDescribed({ stream: source });
  throw invalid('must be a file path, an http(s) URL, a stream, a Buffer or a Blob');
}
