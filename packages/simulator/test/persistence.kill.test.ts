import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { SAMPLE_VIDEO } from './helpers';

// The built bin, as `npx aikynetix-simulator --data-dir` runs it.
const BIN = path.join(__dirname, '..', 'dist', 'bin.js');
const KEY = 'kill-test-key';
const BURST = 200;

/** Starts the bin and resolves with its URL once it says it is ready. */
function startBin(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, '--port', '0', '--api-key', KEY, '--data-dir', dataDir, '--processing-delay-ms', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`not ready after 15 s: ${out}`)), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] as string });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

/** One multipart upload; resolves with the session id of a 200. */
async function upload(url: string, video: Buffer, i: number): Promise<string> {
  const form = new FormData();
  form.set('user_id', `athlete-${i % 7}`);
  form.set('session_name', `Burst ${i}`);
  form.set('video', new Blob([video], { type: 'video/mp4' }), 'run.mp4');
  const res = await fetch(`${url}/running/sessions/`, { method: 'POST', body: form, headers: { authorization: `API-KEY ${KEY}` } });
  if (res.status !== 200) throw new Error(`upload ${i}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { session_id: string }).session_id;
}

describe('persistence under SIGKILL (the bin with --data-dir)', () => {
  let dataDir: string;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build the simulator first (pnpm --filter @aikynetix/simulator build)`);
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sim-kill-'));
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  test(`every upload answered 200 in a burst of ${BURST} survives kill -9 right after; no temp files`, async () => {
    const video = await fs.readFile(SAMPLE_VIDEO);
    const first = await startBin(dataDir);
    children.push(first.child);
    // Concurrent uploads, 20 at a time; the kill comes the moment the last answer arrives.
    const ids: string[] = [];
    for (let i = 0; i < BURST; i += 20) {
      ids.push(...(await Promise.all(Array.from({ length: Math.min(20, BURST - i) }, (_, k) => upload(first.url, video, i + k)))));
    }
    const exited = new Promise<NodeJS.Signals | null>((resolve) => first.child.on('exit', (_code, signal) => resolve(signal)));
    first.child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const second = await startBin(dataDir);
    children.push(second.child);
    const headers = { authorization: `API-KEY ${KEY}` };
    const found = new Set<string>();
    let cursor: string | undefined;
    for (;;) {
      const q = cursor ? `?limit=100&start_after_id=${cursor}` : '?limit=100';
      const res = await request(`${second.url}/session-management/sessions/filter/${q}`, { headers });
      const body = (await res.body.json()) as { sessions?: Record<string, unknown>; last_doc_id: string | null };
      if (res.statusCode === 404) break; // the API's "nothing (more) found"
      const page = Object.keys(body.sessions!);
      page.forEach((id) => found.add(id));
      if (page.length < 100 || !body.last_doc_id) break;
      cursor = body.last_doc_id;
    }
    expect(ids.filter((id) => !found.has(id))).toEqual([]);
    expect(found.size).toBe(BURST);
    const stats = (await (await request(`${second.url}/__sim/stats`)).body.json()) as { sessionsCreated: number };
    expect(stats.sessionsCreated).toBe(BURST);
    // The videos came through too, byte for byte.
    const sample = await request(`${second.url}/__sim/videos/${ids[BURST - 1]}/original.mp4`);
    expect(Buffer.from(await sample.body.arrayBuffer()).equals(video)).toBe(true);

    const gone = new Promise((resolve) => second.child.on('exit', resolve));
    second.child.kill('SIGTERM');
    await gone;
    expect((await fs.readdir(dataDir)).sort()).toEqual(['sessions.db', 'videos']);
    const videos = await fs.readdir(path.join(dataDir, 'videos'));
    expect(videos.filter((f) => !f.endsWith('.video'))).toEqual([]);
    expect(videos).toHaveLength(BURST);
  }, 120_000);
});
