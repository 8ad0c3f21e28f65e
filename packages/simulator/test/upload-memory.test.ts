import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Simulator } from '../src/index';
import { startSim, upload, waitProcessed } from './helpers';

const GB = 1024 ** 3;
const SIZE = 2 * GB;
// Store the upload on tmpfs when there is one: the VM's disk writes ~100 MB/s, which would only
// make the test slow (tmpfs pages are not part of the process RSS, so the measurement is unchanged).
const STORAGE = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();

/**
 * A 2 GB sparse file goes through a real HTTP client (undici, file-backed Blob) into the
 * simulator in this same process: peak RSS growth must stay far below the file size.
 */
describe('multi-GB upload in constant memory', () => {
  let sim: Simulator;
  let dir: string;
  let file: string;
  let dataDir: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sim-big-'));
    file = path.join(dir, 'big.mp4');
    const h = await fs.open(file, 'w');
    await h.write(Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom')]), 0, 12, 0);
    await h.truncate(SIZE); // sparse: no disk blocks, reads return zeros
    await h.close();
    dataDir = await fs.mkdtemp(path.join(STORAGE, 'sim-big-data-'));
    sim = await startSim({ processingDelayMs: 0, dataDir });
  });
  afterAll(async () => {
    await sim.close();
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  test('peak RSS grows by less than 200 MB while 2 GB are uploaded', async () => {
    global.gc?.();
    const baseline = process.memoryUsage.rss();
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 20);
    try {
      const r = await upload(sim, { file, stream: true, fields: [['user_id', 'big-runner']] });
      expect(r.status).toBe(200);
      const s = sim.control.session(r.body.session_id)!;
      expect(s.video?.size).toBe(SIZE);
      expect(await waitProcessed(sim, r.body.session_id)).toBe('Processed');
      const stored = await fs.stat(path.join(sim.control.videosDir, s.video!.file));
      expect(stored.size).toBe(SIZE);
      await fs.rm(path.join(sim.control.videosDir, s.video!.file)); // free the disk early
    } finally {
      clearInterval(sampler);
    }
    const growthMb = (peak - baseline) / 1024 ** 2;
    process.stdout.write(`upload of ${SIZE / GB} GB: RSS baseline ${Math.round(baseline / 1024 ** 2)} MB, peak growth ${growthMb.toFixed(1)} MB\n`);
    expect(growthMb).toBeLessThan(200);
  }, 120_000);
});
