import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { ValidationError } from '../src/errors/input';
import { ConnectionError } from '../src/errors/network';
import { openVideo } from '../src/upload/videoSource';
import { videoProblem } from '../src/schemas/video';
import { encodeMultipart } from '../src/upload/multipart';
import type { OpenedVideo } from '../src/upload/types';
import { startFileServer } from './helpers/fileServer';
import { startMultipartServer } from './helpers/multipartServer';
import { request } from 'undici';
import { gzipSync } from 'node:zlib';
import { AbortError } from '../src/errors/network';

const dir = mkdtempSync(join(tmpdir(), 'aky-src-'));
/** The first 12 bytes of an MP4 (`ftyp` box): openVideo refuses anything that is not a video. */
const HEAD = '\u0000\u0000\u0000\u0018ftypisom';
/** Random bytes that start like an MP4. */
const mp4 = (b: Buffer): Buffer => (b.write(HEAD, 0, 'latin1'), b);
const data = mp4(randomBytes(300 * 1024 + 5));

async function bytesOf(video: OpenedVideo): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of video.stream) parts.push(c);
  return Buffer.concat(parts);
}

async function rejection(p: Promise<unknown>): Promise<ValidationError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  return err as ValidationError;
}

describe('openVideo: local inputs', () => {
  test('file path: size from stat, name and type from extension, exact bytes', async () => {
    const path = join(dir, 'Sprint Test.MOV');
    writeFileSync(path, data);
    const video = await openVideo(path);
    expect(video).toMatchObject({ size: data.length, filename: 'Sprint Test.MOV', contentType: 'video/quicktime' });
    expect((await bytesOf(video)).equals(data)).toBe(true);
  });

  test.each([
    ['a.mp4', 'video/mp4'],
    ['a.m4v', 'video/x-m4v'],
    ['a.webm', 'video/webm'],
    ['a.mkv', 'video/x-matroska'],
    ['a.avi', 'video/x-msvideo'],
    ['noext', 'video/mp4'],
    ['a.bin', 'video/mp4'],
  ])('content type of %s is %s', async (name, type) => {
    const path = join(dir, name);
    writeFileSync(path, HEAD);
    const video = await openVideo(path);
    expect(video.contentType).toBe(type);
    video.close?.();
  });

  test('file:// URL opens the file', async () => {
    const path = join(dir, 'url.mp4');
    writeFileSync(path, data);
    const video = await openVideo(pathToFileURL(path).href);
    expect(video.size).toBe(data.length);
    expect((await bytesOf(video)).equals(data)).toBe(true);
  });

  test('missing file: ValidationError naming the video field and the path', async () => {
    const missing = join(dir, 'nope.mp4');
    const err = await rejection(openVideo(missing));
    expect(err.field).toBe('video');
    expect(err.message).toContain('file not found');
    expect(err.message).toContain(missing);
  });

  test('a folder, an empty file, an empty string and an unsupported scheme are rejected', async () => {
    const folder = join(dir, 'folder.mp4');
    mkdirSync(folder, { recursive: true });
    const empty = join(dir, 'empty.mp4');
    writeFileSync(empty, '');
    for (const [input, text] of [
      [folder, 'folder'],
      [empty, 'empty'],
      ['   ', 'must not be empty'],
      ['ftp://example.com/a.mp4', 'ftp'],
    ] as const) {
      const err = await rejection(openVideo(input));
      expect(err.field).toBe('video');
      expect(err.message).toContain(text);
    }
  });

  test('Buffer and Uint8Array: size known, streamed in slices without copying the whole', async () => {
    const big = mp4(randomBytes(200 * 1024));
    const video = await openVideo(big);
    expect(video.size).toBe(big.length);
    expect(video.filename).toBe('video.mp4');
    expect(video.contentType).toBe('video/mp4');
    const chunks: Uint8Array[] = [];
    for await (const c of video.stream) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).equals(big)).toBe(true);
    const plain = new Uint8Array(Buffer.from(HEAD, 'latin1'));
    expect([...(await bytesOf(await openVideo(plain)))]).toEqual([...plain]);
    await rejection(openVideo(Buffer.alloc(0)));
  });

  test('Blob and File: size, name and type come from the object', async () => {
    const blob = new Blob([data], { type: 'video/webm' });
    const video = await openVideo(blob);
    expect(video).toMatchObject({ size: data.length, contentType: 'video/webm', filename: 'video.mp4' });
    expect((await bytesOf(video)).equals(data)).toBe(true);
    const file = new File([data], 'jump.mov');
    const opened = await openVideo(file);
    expect(opened).toMatchObject({ size: data.length, filename: 'jump.mov', contentType: 'video/quicktime' });
    expect((await bytesOf(opened)).equals(data)).toBe(true);
  });

  test('Node Readable: unknown size, bytes pass through; fs.ReadStream gets its file size and name', async () => {
    const video = await openVideo(Readable.from([data.subarray(0, 10), data.subarray(10)]));
    expect(video.size).toBeUndefined();
    expect((await bytesOf(video)).equals(data)).toBe(true);
    const path = join(dir, 'rs.webm');
    writeFileSync(path, data);
    const fsVideo = await openVideo(createReadStream(path));
    expect(fsVideo).toMatchObject({ size: data.length, filename: 'rs.webm', contentType: 'video/webm' });
    expect((await bytesOf(fsVideo)).equals(data)).toBe(true);
    const partial = await openVideo(createReadStream(path, { start: 0, end: 100 }));
    expect(partial.size).toBeUndefined();
    partial.close?.();
  });

  test('{ stream, size, filename, contentType } is used as described; strings become UTF-8', async () => {
    const video = await openVideo({
      stream: Readable.from([HEAD.slice(0, 6), Buffer.from(HEAD.slice(6), 'latin1')]),
      size: 12,
      filename: 'C:\\clips\\hop.mkv',
      contentType: 'application/octet-stream',
    });
    expect(video).toMatchObject({ size: 12, filename: 'hop.mkv', contentType: 'video/x-matroska' });
    expect((await bytesOf(video)).toString('latin1')).toBe(HEAD);
    const web = await openVideo({ stream: new Blob([`${HEAD}xyz`]).stream(), contentType: 'video/mp4' });
    expect((await bytesOf(web)).toString('latin1')).toBe(`${HEAD}xyz`);
  });

  test('bad described streams name the sub-field', async () => {
    expect((await rejection(openVideo({ stream: Readable.from([]), size: -1 }))).field).toBe('video.size');
    expect((await rejection(openVideo({ stream: Readable.from([]), size: 1.5 }))).field).toBe('video.size');
    expect((await rejection(openVideo({ stream: 42 as never }))).field).toBe('video.stream');
    expect((await rejection(openVideo(42 as never))).field).toBe('video');
  });
});

describe('validation and opening agree on what a video is', () => {
  const body = `${HEAD}abc`;
  const blobLike = { size: body.length, type: 'video/mp4', name: 'run.mp4', arrayBuffer: async () => new ArrayBuffer(body.length), stream: () => new Blob([body]).stream() };
  const pipeOnly = { pipe: () => undefined };
  test.each([
    ['a Blob from another library (duck-typed)', blobLike, true],
    ['an object that only pipes', pipeOnly, false],
    ['an async iterable of chunks', (async function* () { yield Buffer.from(body); })(), true],
    ['a number', 42, false],
  ])('%s: accepted by both or by neither', async (_name, value, ok) => {
    expect(videoProblem(value) === undefined).toBe(ok);
    const opened = await openVideo(value as never).then(
      (v) => v,
      () => undefined,
    );
    expect(opened !== undefined).toBe(ok);
    if (opened) expect((await bytesOf(opened)).toString()).toBe(body);
  });
});

describe('openVideo: http(s) URLs', () => {
  let files: Awaited<ReturnType<typeof startFileServer>>;
  beforeAll(async () => {
    files = await startFileServer({
      '/videos/run.mp4': (res) => {
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(data.length) });
        // Several writes, so the client really streams.
        for (let i = 0; i < data.length; i += 64 * 1024) res.write(data.subarray(i, i + 64 * 1024));
        res.end();
      },
      '/download': (res) => {
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-disposition': `attachment; filename="fallback.mp4"; filename*=UTF-8''L%C3%A4ufer%20lap.mov`,
          'content-length': String(data.length),
        });
        res.end(data);
      },
      '/chunked': (res) => {
        res.writeHead(200, { 'content-type': 'video/webm' });
        res.write(data.subarray(0, 1000));
        res.end(data.subarray(1000));
      },
      '/moved': (res) => res.writeHead(302, { location: '/videos/run.mp4' }).end(),
      '/loop': (res) => res.writeHead(301, { location: '/loop' }).end(),
      '/page': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>sign in</html>'),
      '/gzipped.mp4': (res) => {
        const packed = gzipSync(data);
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-encoding': 'gzip', 'content-length': String(packed.length) });
        res.end(packed);
      },
      '/slow.mp4': (res) => {
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(data.length) });
        res.write(data.subarray(0, 1000)); // then never finishes
      },
    });
  });
  afterAll(() => files.close());

  test('downloads as a stream with size, type and name; no auth header reaches the file host', async () => {
    const video = await openVideo(`${files.base}/videos/run.mp4`);
    expect(video).toMatchObject({ size: data.length, filename: 'run.mp4', contentType: 'video/mp4' });
    expect((await bytesOf(video)).equals(data)).toBe(true);
    for (const { headers } of files.seen) {
      expect(headers.authorization).toBeUndefined();
      expect(headers['api-key']).toBeUndefined();
      expect(headers.cookie).toBeUndefined();
    }
  });

  test('Content-Disposition filename* wins; octet-stream becomes a type from the extension', async () => {
    const video = await openVideo(`${files.base}/download?sig=abc`);
    expect(video).toMatchObject({ filename: 'Läufer lap.mov', contentType: 'video/quicktime', size: data.length });
    expect((await bytesOf(video)).equals(data)).toBe(true);
  });

  test('chunked responses have no size but stream fully', async () => {
    const video = await openVideo(`${files.base}/chunked`);
    expect(video.size).toBeUndefined();
    expect((await bytesOf(video)).equals(data)).toBe(true);
  });

  test('redirects are followed (and still carry no auth)', async () => {
    const start = files.seen.length;
    const video = await openVideo(`${files.base}/moved`);
    expect(video.filename).toBe('run.mp4');
    expect((await bytesOf(video)).equals(data)).toBe(true);
    const hops = files.seen.slice(start);
    expect(hops.map((h) => h.path)).toEqual(['/moved', '/videos/run.mp4']);
    expect(hops.every((h) => h.headers.authorization === undefined)).toBe(true);
  });

  test('non-2xx, redirect loops and web pages are clear errors without the query string', async () => {
    const notFound = await rejection(openVideo(`${files.base}/missing.mp4?X-Amz-Signature=topsecret`));
    expect(notFound.field).toBe('video');
    expect(notFound.message).toContain('HTTP 404');
    expect(notFound.message).toContain('/missing.mp4');
    expect(notFound.message).not.toContain('topsecret');
    expect(JSON.stringify(notFound)).not.toContain('topsecret');
    expect((await rejection(openVideo(`${files.base}/loop`))).message).toContain('redirected more than');
    expect((await rejection(openVideo(`${files.base}/page`))).message).toContain('web page');
  });

  test('a server that compresses anyway: the decoded bytes are streamed and no stale size is claimed', async () => {
    const video = await openVideo(`${files.base}/gzipped.mp4`);
    expect(video.size).toBeUndefined();
    expect((await bytesOf(video)).equals(data)).toBe(true);
    expect(files.seen[files.seen.length - 1].headers['accept-encoding']).toBe('identity');
  });

  test('abort before the headers: AbortError; close() releases an unread download', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(openVideo(`${files.base}/videos/run.mp4`, { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    const slow = await openVideo(`${files.base}/slow.mp4`);
    expect(slow.size).toBe(data.length);
    slow.close?.();
    // After close the stream ends or errors instead of hanging forever.
    await expect(Promise.race([bytesOf(slow).then(() => 'ended', () => 'closed'), new Promise((r) => setTimeout(() => r('hung'), 2000))])).resolves.not.toBe('hung');
  });

  test('an unreachable host is a ConnectionError', async () => {
    const err = await openVideo('http://127.0.0.1:1/video.mp4').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as Error).message).toContain('127.0.0.1:1/video.mp4');
  });

  test('an injected downloader replaces the default one', async () => {
    const calls: string[] = [];
    const video = await openVideo('https://files.example.com/x.mp4', {
      download: async (url) => {
        calls.push(url);
        return { stream: Readable.from([Buffer.from(HEAD, 'latin1')]), size: 12, filename: 'x.mp4', contentType: 'video/mp4' };
      },
    });
    expect(calls).toEqual(['https://files.example.com/x.mp4']);
    expect((await bytesOf(video)).toString('latin1')).toBe(HEAD);
  });

  test('URL to multipart to a real server: streamed across byte for byte with Content-Length', async () => {
    const sink = await startMultipartServer();
    try {
      const video = await openVideo(`${files.base}/videos/run.mp4`);
      const body = encodeMultipart([['user_id', 'u1']], { field: 'video', ...video });
      const res = await request(sink.url, {
        method: 'POST',
        headers: { 'content-type': body.contentType, 'content-length': String(body.contentLength) },
        body: Readable.from(body.body),
      });
      expect(res.statusCode).toBe(201);
      await res.body.text();
      expect(sink.uploads[0].rawBytes).toBe(body.contentLength);
      expect(sink.uploads[0].files[0].data.equals(data)).toBe(true);
    } finally {
      await sink.close();
    }
  });
});
