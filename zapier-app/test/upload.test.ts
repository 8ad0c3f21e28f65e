import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failureOf, run, payloadOf } from './support/app';
import { fileHost, recordingProxy, type Recorded } from './support/servers';
import { authFor, eventually, startSim, type Simulator } from './support/sim';

const FIXTURE = join(__dirname, '..', '..', 'shared', 'fixtures', 'sample-run.mp4');

/** An 8 MB file with an MP4 header (the simulator sniffs `ftyp`), written in chunks. */
function bigMp4(dir: string): string {
  const path = join(dir, 'long-run.mp4');
  const fd = openSync(path, 'w');
  const head = Buffer.alloc(32);
  head.writeUInt32BE(32, 0);
  head.write('ftypisom', 4, 'latin1');
  writeSync(fd, head);
  const chunk = Buffer.alloc(1024 * 1024, 0x2a);
  for (let i = 0; i < 8; i++) writeSync(fd, chunk);
  closeSync(fd);
  return path;
}

describe('Upload Video (create) against the simulator', () => {
  let sim: Simulator;
  let proxy: Recorded;
  let tmp: string;

  beforeAll(async () => {
    sim = await startSim();
    proxy = await recordingProxy(sim.url);
    tmp = mkdtempSync(join(tmpdir(), 'zapier-upload-'));
  });
  afterAll(async () => {
    await proxy.close();
    await sim.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const keyIn = (headers: Record<string, unknown>) => JSON.stringify(headers).includes(sim.apiKey);

  it('streams the fixture from its host into a new session, never sending the key to the file host', async () => {
    const host = await fileHost(FIXTURE, 'sample-run.mp4');
    try {
      const before = sim.control.stats().sessionsCreated;
      const result = (await run('creates', 'upload_video', {
          authData: authFor(proxy.url, sim.apiKey),
          inputData: { video: `${host.url}/files/abc123?signature=s3cr3t`, user_id: 'athlete-42', session_name: 'Zapier upload' },
        },
      )) as Record<string, unknown>;

      expect(result.id).toEqual(expect.any(String));
      expect(result.session_id).toBe(result.id);
      expect(result.status).toBe('processing');
      expect(sim.control.stats().sessionsCreated).toBe(before + 1);
      const stored = sim.control.session(String(result.id));
      expect(stored?.title).toBe('Zapier upload');
      expect(stored?.userId).toBe('athlete-42');
      // Byte-exact, under the name the file host gave it.
      expect(stored?.video?.size).toBe(statSync(FIXTURE).size);
      expect(stored?.video?.filename).toBe('sample-run.mp4');

      // The file host was asked once, without any credential of ours.
      expect(host.requests).toHaveLength(1);
      expect(host.requests[0].headers.authorization).toBeUndefined();
      expect(host.requests[0].headers['api-key']).toBeUndefined();
      expect(keyIn(host.requests[0].headers)).toBe(false);

      // The API got the key (default style) and a sized, not chunked, multipart body.
      const upload = proxy.requests.find((r) => r.method === 'POST' && r.url.startsWith('/running/sessions/'));
      expect(upload?.headers.authorization).toBe(`API-KEY ${sim.apiKey}`);
      expect(upload?.headers['content-length']).toMatch(/^\d+$/);
      expect(upload?.headers['transfer-encoding']).toBeUndefined();
      expect(upload?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);

      // And the session reaches "processed" for the second zap to pick up.
      const processed = await eventually(async () => {
        const items = (await run('triggers', 'session_processed', {
          authData: authFor(sim.url, sim.apiKey),
          inputData: {},
        })) as Array<Record<string, unknown>>;
        return items.find((i) => i.id === result.id);
      });
      expect(processed.status).toBe('processed');
    } finally {
      await host.close();
    }
  });

  it('uploads an 8 MB file with its exact Content-Length', async () => {
    const path = bigMp4(tmp);
    const host = await fileHost(path, 'long-run.mp4');
    try {
      proxy.requests.length = 0;
      const result = (await run('creates', 'upload_video', {
        authData: authFor(proxy.url, sim.apiKey, 'apiKeyHeader'),
        inputData: { video: `${host.url}/long-run.mp4`, user_id: 'athlete-42', body_joint_angles: ['knee', 'ankle'], incline_degree: '2' },
      })) as Record<string, unknown>;
      const upload = proxy.requests.find((r) => r.method === 'POST');
      expect(Number(upload?.headers['content-length'])).toBeGreaterThan(8 * 1024 * 1024);
      expect(upload?.headers['api-key']).toBe(sim.apiKey);
      expect(upload?.headers.authorization).toBeUndefined();
      expect(keyIn(host.requests[0].headers)).toBe(false);
      expect(sim.control.session(String(result.id))?.video?.size).toBe(statSync(path).size);
    } finally {
      await host.close();
    }
  });

  it('names the video field when the file host refuses, and creates no session', async () => {
    const host = await fileHost(FIXTURE, 'x.mp4', 404);
    try {
      const before = sim.control.stats().sessionsCreated;
      const err = await failureOf(
        run('creates', 'upload_video', {
          authData: authFor(sim.url, sim.apiKey),
          inputData: { video: `${host.url}/gone.mp4`, user_id: 'athlete-42' },
        }),
      );
      expect(err.name).toBe('AppError');
      expect(err.message).toMatch(/Video File \(video\)/);
      expect(err.message).toMatch(/HTTP 404/);
      expect(sim.control.stats().sessionsCreated).toBe(before);
    } finally {
      await host.close();
    }
  });

  it('an unreachable file host is reported as such (not as AIKYNETIX being down)', async () => {
    const before = sim.control.stats().sessionsCreated;
    const err = await failureOf(
      run('creates', 'upload_video', {
        authData: authFor(sim.url, sim.apiKey),
        inputData: { video: 'http://127.0.0.1:9/clips/run.mp4?sig=abc', user_id: 'athlete-42' },
      }),
    );
    const message = payloadOf(err).message;
    expect(message).toMatch(/Could not download the video from http:\/\/127\.0\.0\.1:9\/clips\/run\.mp4 \(ECONNREFUSED\)/);
    expect(message).toMatch(/video URL is correct and reachable/);
    expect(message).not.toContain('sig=abc');
    expect(sim.control.stats().sessionsCreated).toBe(before);
  });

  it('rejects a local path as the file before any request', async () => {
    const before = sim.control.stats().totalRequests;
    const err = await failureOf(
      run('creates', 'upload_video', {
        authData: authFor(sim.url, sim.apiKey),
        inputData: { video: '/etc/passwd', user_id: 'athlete-42' },
      }),
    );
    expect(err.name).toBe('AppError');
    expect(err.message).toMatch(/Video File \(video\): must be a file from an earlier step or an http\(s\) link/);
    expect(sim.control.stats().totalRequests).toBe(before);
  });

  it('reports a missing user ID by field name, before downloading anything', async () => {
    const host = await fileHost(FIXTURE, 'sample-run.mp4');
    try {
      const err = await failureOf(
        run('creates', 'upload_video', {
          authData: authFor(sim.url, sim.apiKey),
          inputData: { video: `${host.url}/a.mp4` },
        }),
      );
      expect(err.name).toBe('AppError');
      expect(err.message).toMatch(/User ID \(user_id\)/);
      expect(host.requests).toHaveLength(0);
      expect(payloadOf(err).message).not.toContain(sim.apiKey);
    } finally {
      await host.close();
    }
  });
});
