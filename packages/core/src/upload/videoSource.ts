import { ValidationError } from '../errors/input';
import { pickContentType } from './contentType';
import { closeSource, isByteSource, sliceBytes, toByteStream } from './byteStream';
import { videoKindOf } from './kind';
import { defaultDownloader } from './download';
import { alreadySniffed, sniffVideo } from './sniff';
import { cleanFilename } from './filename';
import type { Downloader, FileReader, OpenedVideo, VideoSource, VideoStreamInput } from './types';

export type { Downloader, FileReader, OpenedVideo, VideoSource, VideoStreamInput };

let files: FileReader | undefined;

/** Set by the Node and standalone entries; host bundles (n8n) cannot read file paths at all. */
export function setFileReader(reader: FileReader): void {
  files = reader;
}

export interface OpenVideoOptions {
  /** How http(s) URLs are fetched; default: global fetch, no credentials, redirects followed. */
  download?: Downloader;
  signal?: AbortSignal;
}

/** The validation error for the `video` field (or one of its parts). */
export function invalid(rule: string, field = 'video'): ValidationError {
  return new ValidationError([{ field, rule }], 'running.createSession');
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
  const isFileUrl = /^file:\/\//i.test(text);
  if (!isFileUrl && /^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    throw invalid(`URL scheme ${text.slice(0, text.indexOf(':'))}: is not supported; use an http(s) URL or a file path`);
  }
  if (!files) throw invalid('must be binary data or an http(s) URL here: this host does not read file paths');
  return isFileUrl ? files.openUrl(text) : files.open(location);
}

/**
 * Checks a file-path video before anything is sent (missing, a folder, a named pipe, empty), so
 * bad input fails before the upload's first request. Other sources are checked when opened.
 */
export async function precheckVideo(source: unknown): Promise<void> {
  if (typeof source !== 'string' && !(source instanceof URL)) return;
  const text = (typeof source === 'string' ? source : source.href).trim();
  const isFileUrl = /^file:\/\//i.test(text);
  if (text === '' || (!isFileUrl && /^[a-z][a-z0-9+.-]*:\/\//i.test(text))) return;
  if (!files) throw invalid('must be binary data or an http(s) URL here: this host does not read file paths');
  await files.check(text);
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
 * knowable) size, after checking that its first bytes start a video container (sniff.ts): bad
 * files fail here, before anything is created. Nothing else is buffered; URLs are downloaded as
 * they are uploaded.
 */
export async function openVideo(source: VideoSource, opts: OpenVideoOptions = {}): Promise<OpenedVideo> {
  const opened = await openSource(source, opts);
  return alreadySniffed(opened) ? opened : sniffVideo(opened);
}

async function openSource(source: VideoSource, opts: OpenVideoOptions): Promise<OpenedVideo> {
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
      size: await files?.sizeOf(source),
      filename,
      contentType: pickContentType(undefined, filename),
      close: () => closeSource(source),
    };
  }
  if (kind === 'described') return openDescribed(source as VideoStreamInput);
  if (kind === 'stream' && isByteSource(source)) return openDescribed({ stream: source });
  throw invalid('must be a file path, an http(s) URL, a stream, a Buffer or a Blob');
}
