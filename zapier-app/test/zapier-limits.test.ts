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

  it('the limit sits below what Zapier downloads (about 120 MB)', () => {
    expect(MAX_ZAPIER_VIDEO_BYTES).toBeLessThanOrEqual(120 * 1000 * 1000);
  });
});
