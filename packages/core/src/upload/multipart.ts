import { randomBytes } from 'node:crypto';
import { VideoSizeMismatchError } from './errors';

/** The one file part of a multipart body. */
export interface MultipartFile {
  field: string;
  filename: string;
  contentType: string;
  stream: AsyncIterable<Uint8Array>;
  /** Exact byte count; when given the body has a Content-Length and the stream must match it. */
  size?: number;
}

/** A ready-to-send multipart/form-data body; `body` can be iterated once. */
export interface MultipartBody {
  contentType: string;
  contentLength?: number;
  boundary: string;
  body: AsyncIterable<Uint8Array>;
}

const CRLF = '\r\n';

/** Escapes a name or filename the way browsers do (WHATWG form encoding): quotes and line breaks. */
export function escapeHeaderParam(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function safeContentType(value: string): string {
  const v = value.trim();
  return /^[\w.+-]+\/[\w.+-]+$/.test(v) ? v : 'application/octet-stream';
}

/**
 * Streams a multipart/form-data body: text fields first, then the file, never buffering the file.
 * With a known size the exact Content-Length is computed up front, and a stream that delivers a
 * different byte count fails the upload instead of sending a corrupt body.
 */
export function encodeMultipart(fields: Array<[name: string, value: string]>, file: MultipartFile): MultipartBody {
  const boundary = `----AikynetixFormBoundary${randomBytes(16).toString('hex')}`;
  let head = '';
  for (const [name, value] of fields) {
    head += `--${boundary}${CRLF}Content-Disposition: form-data; name="${escapeHeaderParam(name)}"${CRLF}${CRLF}${value}${CRLF}`;
  }
  head +=
    `--${boundary}${CRLF}` +
    `Content-Disposition: form-data; name="${escapeHeaderParam(file.field)}"; filename="${escapeHeaderParam(file.filename)}"${CRLF}` +
    `Content-Type: ${safeContentType(file.contentType)}${CRLF}${CRLF}`;
  const headBytes = Buffer.from(head, 'utf8');
  const tailBytes = Buffer.from(`${CRLF}--${boundary}--${CRLF}`, 'utf8');
  const size = file.size;
  const contentLength = size === undefined ? undefined : headBytes.byteLength + size + tailBytes.byteLength;

  async function* generate(): AsyncGenerator<Uint8Array> {
    yield headBytes;
    let sent = 0;
    for await (const chunk of file.stream) {
      sent += chunk.byteLength;
      // Checked before yielding so we never send more bytes than Content-Length promised.
      if (size !== undefined && sent > size) throw new VideoSizeMismatchError(size, sent, true);
      if (chunk.byteLength > 0) yield chunk;
    }
    if (size !== undefined && sent !== size) throw new VideoSizeMismatchError(size, sent, false);
    yield tailBytes;
  }

  let consumed = false;
  const body: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]() {
      // A second read would silently send an empty file; fail loudly instead.
      if (consumed) throw new Error('This multipart body was already sent; build a new one to upload again');
      consumed = true;
      return generate();
    },
  };
  return { contentType: `multipart/form-data; boundary=${boundary}`, contentLength, boundary, body };
}
