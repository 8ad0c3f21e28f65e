import { promises as fs, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { request } from 'undici';
import type { Simulator } from '../src/index';
import { authHeader, call, finish, NOT_A_VIDEO, SAMPLE_VIDEO, startSim, upload, waitProcessed } from './helpers';

/** A hand-made multipart body sent with chunked transfer encoding (no Content-Length). */
function chunkedMultipart(parts: Array<{ name: string; value: string | Buffer; filename?: string }>): { body: Readable; type: string } {
  const boundary = '----simtest' + Date.now();
  async function* gen(): AsyncGenerator<Buffer> {
    for (const p of parts) {
      const disp = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: ${disp}\r\n${p.filename ? 'Content-Type: video/mp4\r\n' : ''}\r\n`);
      const v = Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value);
      // dribble the value in small pieces to exercise the streaming parser
      for (let i = 0; i < v.length; i += 700) yield v.subarray(i, i + 700);
      yield Buffer.from('\r\n');
    }
    yield Buffer.from(`--${boundary}--\r\n`);
  }
  return { body: Readable.from(gen()), type: `multipart/form-data; boundary=${boundary}` };
}

describe('upload POST /running/sessions/', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSim();
  });
  afterAll(() => sim.close());

  test('returns session_id and title at once; the session is Processing, then Processed', async () => {
    const r = await upload(sim, { fields: [['user_id', 'u-1'], ['session_name', 'Morning run'], ['incline_degree', '2'], ['body_joint_angles', 'knee, ankle']] });
    expect(r.status).toBe(200);
    expect(r.body.title).toBe('Morning run');
    expect(r.body.session_id).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(r.headers['x-request-id']).toBeTruthy();
    expect(sim.control.session(r.body.session_id)?.video_status).toBe('Processing');
    expect((await call(sim, 'GET', `/running/sessions/${r.body.session_id}/`)).body.video_status).toBe('Processing');
    expect(await waitProcessed(sim, r.body.session_id)).toBe('Processed');
    const details = await call(sim, 'GET', `/running/sessions/${r.body.session_id}/`);
    expect(Object.keys(details.body.angles).sort()).toEqual(['lank_angle', 'lkne_angle', 'posture_angle', 'rank_angle', 'rkne_angle']);
    expect(details.body.metrics.incline.every((v: number) => v === 2)).toBe(true);
  });

  test('the stored file is byte-identical to the upload and is served back', async () => {
    const r = await upload(sim);
    const details = await call(sim, 'GET', `/running/sessions/${r.body.session_id}/`);
    const video = await request(details.body.video_url);
    const bytes = Buffer.from(await video.body.arrayBuffer());
    expect(bytes.equals(readFileSync(SAMPLE_VIDEO))).toBe(true);
  });

  test('a file that is not a video, or an empty file, ends Failed', async () => {
    const text = await upload(sim, { file: NOT_A_VIDEO, filename: 'notes.txt' });
    const empty = await upload(sim, { file: Buffer.alloc(0) });
    expect(await waitProcessed(sim, text.body.session_id)).toBe('Failed');
    expect(await waitProcessed(sim, empty.body.session_id)).toBe('Failed');
    expect((await call(sim, 'GET', `/running/sessions/${text.body.session_id}/summary/`)).body.error).toMatch(/failed processing.*not a supported video/);
    expect((await call(sim, 'GET', '/session-management/sessions/filter/', { query: { video_status: 'failed' } })).body.query_count).toBe(2);
  });

  test.each([
    ['WebM', Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4, 5, 6, 7, 8])],
    ['AVI', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('AVI LIST')])],
    ['MOV', Buffer.concat([Buffer.from([0, 0, 0, 20]), Buffer.from('ftypqt  '), Buffer.alloc(20)])],
  ])('%s magic bytes are accepted as video', async (_name, bytes) => {
    const r = await upload(sim, { file: bytes });
    expect(await waitProcessed(sim, r.body.session_id)).toBe('Processed');
  });

  test.each([
    [[['session_name', 'x']], /user_id is required/],
    [[['user_id', 'u'], ['body_joint_angles', 'knee,wrist']], /body_joint_angles: unknown joint 'wrist'/],
    [[['user_id', 'u'], ['incline_degree', 'steep']], /incline_degree must be a number/],
  ] as Array<[Array<[string, string]>, RegExp]>)('bad fields %j -> 400 naming the field', async (fields, message) => {
    const before = sim.control.stats().sessionsCreated;
    const r = await upload(sim, { fields });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(message);
    expect(sim.control.stats().sessionsCreated).toBe(before);
  });

  test('missing video file and non-multipart bodies are 400', async () => {
    expect((await upload(sim, { file: null })).body.error).toMatch(/video is required/);
    const r = await call(sim, 'POST', '/running/sessions/', { json: { user_id: 'u' } });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/multipart\/form-data/);
  });

  test('body_joint_angles as repeated fields; the curl alias path works', async () => {
    const r = await upload(sim, { path: '/running/management/sessions/', fields: [['user_id', 'u'], ['body_joint_angles', 'hip'], ['body_joint_angles', 'elbow']] });
    expect(r.status).toBe(200);
    expect(sim.control.session(r.body.session_id)?.bodyJointAngles).toEqual(['hip', 'elbow']);
  });

  test('chunked transfer encoding (no Content-Length), fields after the file', async () => {
    const video = readFileSync(SAMPLE_VIDEO);
    const { body, type } = chunkedMultipart([
      { name: 'video', value: video, filename: 'clip.mp4' },
      { name: 'user_id', value: 'chunky' },
    ]);
    const r = await finish('POST', '/running/sessions/', await request(`${sim.url}/running/sessions/`, { method: 'POST', headers: { ...authHeader(sim.apiKey), 'content-type': type }, body }));
    expect(r.status).toBe(200);
    const s = sim.control.session(r.body.session_id)!;
    expect(s.userId).toBe('chunky');
    expect(s.video?.size).toBe(video.length);
  });

  test('20 concurrent uploads each create exactly one session', async () => {
    const before = sim.control.stats().sessionsCreated;
    const big = Buffer.concat([readFileSync(SAMPLE_VIDEO), Buffer.alloc(2 * 1024 * 1024, 7)]);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => upload(sim, { file: big, fields: [['user_id', `conc-${i}`]] })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(new Set(results.map((r) => r.body.session_id)).size).toBe(20);
    expect(sim.control.stats().sessionsCreated - before).toBe(20);
    for (const r of results) expect(sim.control.session(r.body.session_id)?.video?.size).toBe(big.length);
  });

  test('a client aborting mid-upload leaves no session and no partial file', async () => {
    const before = sim.control.stats().sessionsCreated;
    const videosDir = sim.control.videosDir;
    const filesBefore = (await fs.readdir(videosDir)).length;
    const ac = new AbortController();
    const boundary = 'abortb';
    async function* gen(): AsyncGenerator<Buffer> {
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="user_id"\r\n\r\nu\r\n--${boundary}\r\nContent-Disposition: form-data; name="video"; filename="a.mp4"\r\n\r\n`);
      yield Buffer.alloc(256 * 1024, 1);
      await new Promise((r) => setTimeout(r, 100));
      ac.abort();
      yield Buffer.alloc(1024, 1);
    }
    await expect(request(`${sim.url}/running/sessions/`, { method: 'POST', signal: ac.signal, headers: { ...authHeader(sim.apiKey), 'content-type': `multipart/form-data; boundary=${boundary}` }, body: Readable.from(gen()) })).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 200));
    expect(sim.control.stats().sessionsCreated).toBe(before);
    expect((await fs.readdir(videosDir)).length).toBe(filesBefore);
  });
});
