import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, type Simulator } from '@aikynetix/simulator';
import busboy from 'busboy';
import { Aikynetix } from '../src';
import { toNodeBody } from '../src/transport/nodeBody';
import { untilFlushed } from '../src/transport/flushed';
import type { Transport } from '../src/transport/types';
import { createUndiciTransport } from '../src/transport/undici';
import { READ_CHUNK } from '../src/upload/fileChunks';
import { encodeMultipart } from '../src/upload/multipart';
import { ChunkRecycler } from '../src/upload/recycler';
import { openVideo } from '../src/upload/videoSource';

const dir = mkdtempSync(join(tmpdir(), 'aky-recycle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file of random bytes (so a reused buffer sent too early would show), MP4-tagged for the simulator. */
function randomVideo(name: string, bytes: number): { path: string; data: Buffer } {
  const data = randomBytes(bytes);
  data.writeUInt32BE(32, 0);
  data.write('ftypisom', 4, 'latin1');
  const path = join(dir, name);
  writeFileSync(path, data);
  return { path, data };
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Counts read buffers of the upload's chunk size allocated while `fn` runs (the spy passes through). */
async function countReadBuffers(fn: () => Promise<unknown>): Promise<number> {
  const spy = jest.spyOn(Buffer, 'allocUnsafeSlow');
  try {
    await fn();
    return spy.mock.calls.filter(([size]) => size === READ_CHUNK).length;
  } finally {
    spy.mockRestore();
  }
}

/** A real HTTP server that reads uploads slowly (so the client's socket backs up) and hashes the file part. */
async function slowHashingServer(): Promise<{ url: string; hashes: string[]; close(): Promise<void> }> {
  const hashes: string[] = [];
  const server: Server = createServer((req, res) => {
    let sincePause = 0;
    req.on('data', (chunk: Buffer) => {
      sincePause += chunk.length;
      if (sincePause >= 512 * 1024) {
        sincePause = 0;
        req.pause();
        setTimeout(() => req.resume(), 3);
      }
    });
    const parser = busboy({ headers: req.headers });
    parser.on('file', (_field, stream) => {
      const hash = createHash('sha256');
      stream.on('data', (d: Buffer) => hash.update(d));
      stream.on('end', () => hashes.push(hash.digest('hex')));
    });
    parser.on('close', () => res.writeHead(201, { 'content-type': 'application/json' }).end('{}'));
    req.pipe(parser);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, hashes, close: () => new Promise((r) => server.close(() => r())) };
}

/** The multipart request for `path` as the client builds it, with a recycler for its reader. */
async function uploadRequest(path: string): Promise<{ recycler: ChunkRecycler; body: AsyncIterable<Uint8Array>; headers: Record<string, string> }> {
  const opened = await openVideo(path);
  const recycler = opened.recycler as ChunkRecycler; // file paths come with one
  const mp = encodeMultipart([['user_id', 'runner-1']], { field: 'video', ...opened });
  return { recycler, body: mp.body, headers: { 'content-type': mp.contentType, 'content-length': String(mp.contentLength) } };
}

describe('file uploads reuse one read buffer when the transport can say the socket flushed', () => {
  const video = randomVideo('slow.mp4', 6 * 1024 * 1024 + 12_345);

  test('undici transport: one read buffer for the whole file, and every byte arrives as sent through a backed-up socket', async () => {
    const server = await slowHashingServer();
    const transport = createUndiciTransport();
    try {
      let status = 0;
      let active = false;
      const buffers = await countReadBuffers(async () => {
        const { recycler, body, headers } = await uploadRequest(video.path);
        status = (await transport.send({ method: 'POST', url: server.url, headers, body, recycler })).status;
        active = recycler.active;
      });
      expect(status).toBe(201);
      expect(active).toBe(true);
      expect(buffers).toBe(1);
      expect(server.hashes).toEqual([sha(video.data)]);
    } finally {
      await transport.close();
      await transport.close(); // closing twice is harmless (a client and its owner may both close it)
      await server.close();
    }
  });

  test('a transport that never attaches (a host HTTP client) gets a fresh buffer per chunk, and the bytes arrive intact', async () => {
    const server = await slowHashingServer();
    // node:http with the core's toNodeBody, the way the n8n and Zapier transports hand bodies over
    const nodeHttp: Transport = {
      send: (req) =>
        new Promise((resolve, reject) => {
          const out = httpRequest(req.url, { method: req.method, headers: req.headers }, (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: {}, body: text }));
          });
          out.on('error', reject);
          const body = toNodeBody(req.body);
          if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) out.end(body);
          else body.pipe(out);
        }),
    };
    try {
      let active = true;
      const buffers = await countReadBuffers(async () => {
        const { recycler, body, headers } = await uploadRequest(video.path);
        await nodeHttp.send({ method: 'POST', url: server.url, headers, body, recycler });
        active = recycler.active;
      });
      expect(active).toBe(false);
      expect(buffers).toBe(Math.ceil(video.data.length / READ_CHUNK) + 1); // + the read that finds the end
      expect(server.hashes).toEqual([sha(video.data)]);
    } finally {
      await server.close();
    }
  });

  test('the reader waits for the flush before refilling its buffer', async () => {
    const opened = await openVideo(video.path);
    let release: () => void = () => undefined;
    let waits = 0;
    opened.recycler?.attach(() => {
      waits += 1;
      return new Promise<void>((resolve) => (release = resolve));
    });
    const it = opened.stream[Symbol.asyncIterator]();
    const first = await it.next();
    const firstCopy = Buffer.from(first.value as Uint8Array);
    const second = it.next();
    const settledEarly = await Promise.race([second.then(() => true), new Promise((r) => setTimeout(() => r(false), 50))]);
    expect(settledEarly).toBe(false); // held back: the transport still holds the first chunk
    expect(Buffer.compare(first.value as Uint8Array, firstCopy)).toBe(0); // and its bytes are untouched
    release();
    const next = await second;
    expect(waits).toBe(1);
    expect(Buffer.from(next.value as Uint8Array).equals(video.data.subarray(READ_CHUNK, 2 * READ_CHUNK))).toBe(true);
    await it.return?.();
  });

  test('without an attached transport, chunks kept by the consumer stay intact (no reuse)', async () => {
    const opened = await openVideo(video.path);
    const kept: Uint8Array[] = [];
    for await (const c of opened.stream) kept.push(c);
    expect(Buffer.concat(kept).equals(video.data)).toBe(true);
  });

  test('only file paths offer a recycler (other sources keep the shared keep-alive pool)', async () => {
    expect((await openVideo(video.path)).recycler).toBeInstanceOf(ChunkRecycler);
    expect((await openVideo(video.data)).recycler).toBeUndefined();
    const once = async function* (): AsyncGenerator<Uint8Array> {
      yield video.data;
    };
    expect((await openVideo({ stream: once(), size: video.data.length })).recycler).toBeUndefined();
  });

  test('an unread file is closed by close(), and a second read is refused', async () => {
    const opened = await openVideo(video.path);
    for await (const chunk of opened.stream) if (chunk) break;
    expect(() => opened.stream[Symbol.asyncIterator]()).toThrow(/already read/);
    const unread = await openVideo(video.path);
    unread.close?.();
    unread.close?.(); // idempotent
  });
});

describe('through the client against the simulator', () => {
  let sim: Simulator;
  const dataDir = mkdtempSync(join(tmpdir(), 'aky-recycle-sim-'));
  beforeAll(async () => {
    sim = await start({ port: 0, dataDir, processingDelayMs: 0 });
  });
  afterAll(async () => {
    await sim.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a 9 MiB file path upload stores exactly the file, reading into one buffer', async () => {
    const video = randomVideo('sim.mp4', 9 * 1024 * 1024 + 7);
    const client = new Aikynetix({ apiKey: sim.apiKey, baseUrl: sim.url });
    try {
      const progress: Array<[number, number | undefined]> = [];
      const buffers = await countReadBuffers(() =>
        client.running.createSession({ user_id: 'runner-1', video: video.path }, { onUploadProgress: (sent, total) => progress.push([sent, total]) }),
      );
      expect(buffers).toBe(1); // progress reporting passes the reused buffer through untouched
      expect(progress.length).toBe(Math.ceil(video.data.length / READ_CHUNK));
      expect(progress.every(([sent], i) => i === 0 || sent > (progress[i - 1]?.[0] ?? 0))).toBe(true);
      expect(progress.at(-1)).toEqual([video.data.length, video.data.length]);
      const [stored] = readdirSync(join(dataDir, 'videos'));
      expect(sha(readFileSync(join(dataDir, 'videos', stored as string)))).toBe(sha(video.data));
    } finally {
      await client.close();
    }
  });
});

describe('untilFlushed', () => {
  test('waits while a real socket still holds unsent bytes, resolves once they are out', async () => {
    let peer: Socket | undefined;
    const server = createTcpServer((s) => {
      peer = s;
      s.pause(); // read nothing yet: the client's socket backs up
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    try {
      socket.write(Buffer.alloc(32 * 1024 * 1024));
      expect(socket.writableLength).toBeGreaterThan(0);
      let flushed = false;
      const wait = untilFlushed(socket).then(() => (flushed = true));
      await new Promise((r) => setTimeout(r, 50));
      expect(flushed).toBe(false);
      peer?.on('data', () => undefined).resume();
      await wait;
      expect(socket.writableLength).toBe(0);
    } finally {
      socket.destroy();
      peer?.destroy();
      await new Promise((r) => server.close(r));
    }
  });

  test('resolves at once for no socket, an idle socket or a destroyed one', async () => {
    await untilFlushed(undefined);
    const server = createTcpServer((s) => s.resume());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    await untilFlushed(socket);
    socket.destroy();
    await untilFlushed(socket);
    await new Promise((r) => server.close(r));
  });
});
