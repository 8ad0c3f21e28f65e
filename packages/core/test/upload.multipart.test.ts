import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { encodeMultipart, type MultipartBody } from '../src/upload/multipart';
import { openVideo } from '../src/upload/videoSource';
import { VideoSizeMismatchError } from '../src/upload/errors';
import { startMultipartServer } from './helpers/multipartServer';

let server: Awaited<ReturnType<typeof startMultipartServer>>;
beforeAll(async () => {
  server = await startMultipartServer();
});
afterAll(() => server.close());

async function send(body: MultipartBody) {
  const headers: Record<string, string> = { 'content-type': body.contentType };
  if (body.contentLength !== undefined) headers['content-length'] = String(body.contentLength);
  const res = await request(server.url, { method: 'POST', headers, body: Readable.from(body.body) });
  expect(res.statusCode).toBe(201);
  await res.body.text();
  return server.uploads[server.uploads.length - 1];
}

async function drain(iterable: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of iterable) parts.push(c);
  return Buffer.concat(parts);
}

describe('encodeMultipart on a real busboy server', () => {
  test('a 5 MB file from disk arrives byte for byte, with an exact Content-Length', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aky-mp-'));
    const data = randomBytes(5 * 1024 * 1024 + 17);
    data.write('\u0000\u0000\u0000\u0018ftypisom', 0, 'latin1'); // openVideo accepts only videos
    const path = join(dir, 'stride.mov');
    writeFileSync(path, data);
    const video = await openVideo(path);
    const body = encodeMultipart(
      [
        ['user_id', 'athlete-1'],
        ['session_name', 'Tempo run'],
        ['body_joint_angles', 'knee,ankle'],
      ],
      { field: 'video', ...video },
    );
    expect(body.contentLength).toBeDefined();
    const got = await send(body);
    expect(got.headers['content-length']).toBe(String(body.contentLength));
    expect(got.headers['transfer-encoding']).toBeUndefined();
    expect(got.rawBytes).toBe(body.contentLength);
    expect(got.fields).toEqual([
      ['user_id', 'athlete-1'],
      ['session_name', 'Tempo run'],
      ['body_joint_angles', 'knee,ankle'],
    ]);
    expect(got.files).toHaveLength(1);
    expect(got.files[0].field).toBe('video');
    expect(got.files[0].filename).toBe('stride.mov');
    expect(got.files[0].mimeType).toBe('video/quicktime');
    expect(got.files[0].data.equals(data)).toBe(true);
  });

  test.each([
    ['quotes', 'my "best" run.mp4', 'my %22best%22 run.mp4'],
    ['line breaks', 'evil\r\nContent-Type: text/html\r\n.mp4', 'evil%0D%0AContent-Type: text/html%0D%0A.mp4'],
    ['unicode', 'Läufer 🏃 5km.mp4', 'Läufer 🏃 5km.mp4'],
    ['semicolons and equals', 'a; name="x"; b=c.mp4', 'a; name=%22x%22; b=c.mp4'],
    ['backslashes', 'back\\slash.mp4', 'back\\slash.mp4'],
  ])('odd filename with %s is escaped and cannot inject headers', async (_label, filename, expected) => {
    const data = Buffer.from('tiny video bytes');
    const body = encodeMultipart([['session_name', 'Line one\r\nLine two "quoted" – ünïcode']], {
      field: 'video',
      filename,
      contentType: 'video/mp4',
      stream: Readable.from([data]),
      size: data.length,
    });
    const got = await send(body);
    expect(got.rawBytes).toBe(body.contentLength);
    expect(got.files).toHaveLength(1);
    expect(got.files[0].filename).toBe(expected);
    expect(got.files[0].mimeType).toBe('video/mp4');
    expect(got.files[0].data.equals(data)).toBe(true);
    expect(got.fields).toEqual([['session_name', 'Line one\r\nLine two "quoted" – ünïcode']]);
  });

  test('field names with quotes are escaped too', async () => {
    const body = encodeMultipart([['we"ird\nname', 'v']], {
      field: 'vid"eo',
      filename: 'x.mp4',
      contentType: 'video/mp4',
      stream: Readable.from([Buffer.from('x')]),
      size: 1,
    });
    const got = await send(body);
    expect(got.fields).toEqual([['we%22ird%0Aname', 'v']]);
    expect(got.files[0].field).toBe('vid%22eo');
  });

  test('unknown size: no Content-Length, body still arrives intact (chunked)', async () => {
    const chunks = Array.from({ length: 40 }, () => randomBytes(32 * 1024));
    const body = encodeMultipart([['user_id', 'u']], {
      field: 'video',
      filename: 'clip.webm',
      contentType: 'video/webm',
      stream: Readable.from(chunks),
    });
    expect(body.contentLength).toBeUndefined();
    const got = await send(body);
    expect(got.headers['content-length']).toBeUndefined();
    expect(got.files[0].data.equals(Buffer.concat(chunks))).toBe(true);
  });

  test('a header-injecting content type is replaced by application/octet-stream', async () => {
    const body = encodeMultipart([], {
      field: 'video',
      filename: 'x.mp4',
      contentType: 'video/mp4\r\nX-Evil: 1',
      stream: Readable.from([Buffer.from('abc')]),
      size: 3,
    });
    const text = (await drain(body.body)).toString('latin1');
    expect(text).not.toContain('X-Evil');
    expect(text).toContain('Content-Type: application/octet-stream\r\n\r\nabc\r\n');
  });
});

describe('encodeMultipart framing', () => {
  test('exact layout: CRLFs, boundary, closing delimiter', async () => {
    const body = encodeMultipart([['a', '1']], {
      field: 'video',
      filename: 'v.mp4',
      contentType: 'video/mp4',
      stream: Readable.from([Buffer.from('DATA')]),
      size: 4,
    });
    const b = body.boundary;
    expect(body.contentType).toBe(`multipart/form-data; boundary=${b}`);
    const text = (await drain(body.body)).toString('utf8');
    expect(text).toBe(
      `--${b}\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n` +
        `--${b}\r\nContent-Disposition: form-data; name="video"; filename="v.mp4"\r\nContent-Type: video/mp4\r\n\r\nDATA\r\n` +
        `--${b}--\r\n`,
    );
    expect(Buffer.byteLength(text)).toBe(body.contentLength);
  });

  test('boundaries are random', () => {
    const file = () => ({ field: 'v', filename: 'v', contentType: 'video/mp4', stream: Readable.from([]) });
    expect(encodeMultipart([], file()).boundary).not.toBe(encodeMultipart([], file()).boundary);
  });

  test('a stream shorter than its declared size fails the body', async () => {
    const body = encodeMultipart([], {
      field: 'video',
      filename: 'v.mp4',
      contentType: 'video/mp4',
      stream: Readable.from([Buffer.from('12345')]),
      size: 10,
    });
    await expect(drain(body.body)).rejects.toBeInstanceOf(VideoSizeMismatchError);
  });

  test('a stream longer than its declared size fails before the extra bytes are yielded', async () => {
    const body = encodeMultipart([], {
      field: 'video',
      filename: 'v.mp4',
      contentType: 'video/mp4',
      stream: Readable.from([Buffer.from('12345'), Buffer.from('67890')]),
      size: 7,
    });
    const yielded: Uint8Array[] = [];
    let error: unknown;
    try {
      for await (const c of body.body) yielded.push(c);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(VideoSizeMismatchError);
    expect((error as VideoSizeMismatchError).expectedBytes).toBe(7);
    const sent = yielded.reduce((n, c) => n + c.byteLength, 0);
    expect(sent).toBeLessThanOrEqual(body.contentLength!);
  });

  test('the size mismatch aborts a real upload (server never sees a complete body)', async () => {
    const before = server.uploads.length;
    const body = encodeMultipart([], {
      field: 'video',
      filename: 'v.mp4',
      contentType: 'video/mp4',
      stream: Readable.from([Buffer.from('short')]),
      size: 1000,
    });
    await expect(
      request(server.url, {
        method: 'POST',
        headers: { 'content-type': body.contentType, 'content-length': String(body.contentLength) },
        body: Readable.from(body.body),
      }),
    ).rejects.toBeDefined();
    await new Promise((r) => setTimeout(r, 50));
    expect(server.uploads.length).toBe(before);
  });

  test('the body can be read only once', async () => {
    const body = encodeMultipart([], {
      field: 'video',
      filename: 'v.mp4',
      contentType: 'video/mp4',
      stream: Readable.from([Buffer.from('x')]),
      size: 1,
    });
    await drain(body.body);
    expect(() => body.body[Symbol.asyncIterator]()).toThrow(/already sent/);
  });
});
