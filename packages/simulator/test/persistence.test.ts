import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { start } from '../src/index';
import { call, SAMPLE_VIDEO, upload, waitProcessed } from './helpers';

describe('persistence with dataDir', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sim-data-'));
  });
  afterEach(() => fs.rm(dataDir, { recursive: true, force: true }));

  test('sessions, GenAI state and videos survive a restart', async () => {
    const first = await start({ dataDir, processingDelayMs: 50, genAiDelayMs: 0 });
    const { body } = await upload(first, { fields: [['user_id', 'keeper'], ['session_name', 'Persisted run']] });
    const id = body.session_id as string;
    await waitProcessed(first, id);
    await call(first, 'POST', `/running/sessions/${id}/summary/`);
    const before = (await call(first, 'GET', `/running/sessions/${id}/export/`)).body;
    await first.close();

    expect((await fs.readdir(dataDir)).sort()).toEqual(['sessions.db', 'videos']);

    const second = await start({ dataDir, genAiDelayMs: 0 });
    try {
      expect(second.control.stats().sessionsCreated).toBe(1);
      const listed = await call(second, 'GET', '/session-management/sessions/filter/');
      expect(Object.keys(listed.body.sessions)).toEqual([id]);
      expect(listed.body.sessions[id].title).toBe('Persisted run');
      expect((await call(second, 'GET', `/running/sessions/${id}/export/`)).body).toEqual(before);
      expect((await call(second, 'GET', `/running/sessions/${id}/summary/`)).body.summary_text).toBeDefined();
      const video = await request(`${second.url}/__sim/videos/${id}/original.mp4`);
      expect(Buffer.from(await video.body.arrayBuffer()).equals(readFileSync(SAMPLE_VIDEO))).toBe(true);
      expect((await call(second, 'DELETE', `/session-management/sessions/${id}`)).status).toBe(200);
    } finally {
      await second.close();
    }
    expect(await fs.readdir(path.join(dataDir, 'videos'))).toEqual([]);
    const third = await start({ dataDir });
    expect((await call(third, 'GET', '/session-management/sessions/filter/')).status).toBe(404);
    await third.close();
  });

  test('a 10,000-session account restarts intact, in one file (no journal or temp files left)', async () => {
    const sim = await start({ dataDir });
    sim.control.seed({ count: 10_000, failedEvery: 7 });
    // URLs in the records carry the port, which changes with the restart.
    const page = async (s: typeof sim) => JSON.stringify((await call(s, 'GET', '/session-management/sessions/filter/?limit=100')).body).split(s.url).join('');
    const before = await page(sim);
    await sim.close();
    expect((await fs.readdir(dataDir)).sort()).toEqual(['sessions.db', 'videos']);

    const again = await start({ dataDir });
    try {
      expect(again.control.stats().sessions).toBe(10_000);
      expect(await page(again)).toBe(before);
      const failed = await call(again, 'GET', '/session-management/sessions/filter/?video_status=failed&limit=1');
      expect(failed.body.query_count).toBe(Math.floor(10_000 / 7));
    } finally {
      await again.close();
    }
  });

  test('a data dir written by an earlier version (sessions.json) is imported once', async () => {
    const first = await start();
    const [id] = first.control.seed({ count: 1, titlePrefix: 'Legacy' }).ids;
    const { video_status: _status, ...record } = first.control.session(id)!;
    await first.close();
    const legacy = { version: 1, sessionsCreated: 3, sessions: [record] };
    await fs.writeFile(path.join(dataDir, 'sessions.json'), JSON.stringify(legacy));
    const sim = await start({ dataDir });
    try {
      expect(sim.control.stats().sessionsCreated).toBe(3);
      expect(Object.keys((await call(sim, 'GET', '/session-management/sessions/filter/')).body.sessions)).toEqual([id]);
    } finally {
      await sim.close();
    }
    expect((await fs.readdir(dataDir)).sort()).toEqual(['sessions.db', 'videos']);
  });

  test('without dataDir nothing is kept and the temp video directory is removed', async () => {
    const sim = await start();
    const dir = sim.control.videosDir;
    await upload(sim);
    await sim.close();
    await expect(fs.stat(dir)).rejects.toThrow();
  });
});
