import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { failureOf, payloadOf, run } from './support/app';
import { authFor, startSim, type Simulator } from './support/sim';
import { MAX_ZAPIER_VIDEO_BYTES } from '../src/download';

/** A file host announcing `size` bytes that sends only an MP4 header, then holds the connection. */
async function hugeFileHost(size: number): Promise<{ url: string; requests: number; close(): Promise<void> }> {
  const state = { requests: 0 };
  const server: Server = createServer((_req, res) => {
    state.requests++;
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(size) });
    res.write(Buffer.from('\u0000\u0000\u0000\u0018ftypisom', 'latin1'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A file host that streams `size` bytes of MP4 without announcing the size (chunked). */
async function unannouncedFileHost(size: number): Promise<{ url: string; close(): Promise<void> }> {
  const chunk = Buffer.alloc(1 << 20, 7);
  Buffer.from('\u0000\u0000\u0000\u0018ftypisom', 'latin1').copy(chunk);
  const server: Server = createServer(async (_req, res) => {
    res.writeHead(200, { 'content-type': 'video/mp4' });
    for (let sent = 0; sent < size && !res.destroyed; sent += chunk.length) {
      if (!res.write(chunk.subarray(0, Math.min(chunk.length, size - sent)))) await new Promise((r) => res.once('drain', r));
    }
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe("Upload Video at Zapier's limits", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSim();
  });
  afterAll(() => sim.close());

  it('a file larger than a step can move fails at once, naming the field and the way out, and creates nothing', async () => {
    const host = await hugeFileHost(300 * 1000 * 1000);
    try {
      const before = sim.control.stats().sessionsCreated;
      const started = Date.now();
      const err = await failureOf(
        run('creates', 'upload_video', { authData: authFor(sim.url, sim.apiKey), inputData: { video: `${host.url}/big.mp4`, user_id: 'a1' } }),
      );
      expect(Date.now() - started).toBeLessThan(10_000); // at once, not at Zapier's 30 s timeout
      const { message, code } = payloadOf(err);
      expect(err.name).toBe('AppError');
      expect(code).toBe('InvalidInput');
      expect(message).toMatch(/Video File \(video\): is 300 MB/);
      expect(message).toMatch(/n8n node or CLI/);
      expect(message.length).toBeLessThan(250);
      expect(sim.control.stats().sessionsCreated).toBe(before);
      expect(sim.control.stats().requests['POST /running/sessions/'] ?? 0).toBe(0);
    } finally {
      await host.close();
    }
  });

  it('a file whose host does not say its size is stopped once it passes the limit, naming the field; nothing is created', async () => {
    const host = await unannouncedFileHost(MAX_ZAPIER_VIDEO_BYTES + 8 * (1 << 20));
    try {
      const before = sim.control.stats().sessionsCreated;
      const err = await failureOf(
        run('creates', 'upload_video', { authData: authFor(sim.url, sim.apiKey), inputData: { video: `${host.url}/stream.mp4`, user_id: 'a1' } }),
      );
      const { message, code } = payloadOf(err);
      expect({ name: err.name, message: err.message.slice(0, 300) }).toMatchObject({ name: 'AppError' });
      expect(code).toBe('InvalidInput');
      expect(message).toMatch(/Video File \(video\): is larger than 100 MB \(its host did not say its size\)/);
      expect(message).toMatch(/n8n node or CLI/);
      expect(message.length).toBeLessThan(250);
      expect(sim.control.stats().sessionsCreated).toBe(before);
    } finally {
      await host.close();
    }
  }, 60_000);

  it('the limit sits below what Zapier downloads (about 120 MB)', () => {
    expect(MAX_ZAPIER_VIDEO_BYTES).toBeLessThanOrEqual(120 * 1000 * 1000);
  });
});
