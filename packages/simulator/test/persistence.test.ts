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

    const state = JSON.parse(readFileSync(path.join(dataDir, 'sessions.json'), 'utf8'));
    expect(state.sessions.map((s: { id: string }) => s.id)).toEqual([id]);

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

  test('the state file is replaced atomically (no temp files left behind)', async () => {
    const sim = await start({ dataDir });
    sim.control.seed({ count: 2000 });
    await sim.close();
    const files = await fs.readdir(dataDir);
    expect(files.sort()).toEqual(['sessions.json', 'videos']);
    expect(JSON.parse(readFileSync(path.join(dataDir, 'sessions.json'), 'utf8')).sessions).toHaveLength(2000);
  });

  test('without dataDir nothing is kept and the temp video directory is removed', async () => {
    const sim = await start();
    const dir = sim.control.videosDir;
    await upload(sim);
    await sim.close();
    await expect(fs.stat(dir)).rejects.toThrow();
  });
});
