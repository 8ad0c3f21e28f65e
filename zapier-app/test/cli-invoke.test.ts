import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { authFor, startSim, type Simulator } from './support/sim';
import { fileHost, type Recorded } from './support/servers';

const app = join(__dirname, '..');
const cli = join(app, 'node_modules', 'zapier-platform-cli', 'src', 'bin', 'run');
const run = promisify(execFile);

/**
 * Zapier's own CLI (`zapier-platform invoke`, local mode, offline) runs one trigger, one search and
 * one create of the built app against the simulator, as a developer would before pushing. It reads
 * auth from a `.env` file in its working directory, so it runs in a scratch folder that links the
 * package (package.json, index.js, dist, node_modules) instead of writing into the app's folder.
 */
describe('zapier-platform invoke smoke (built app, simulator)', () => {
  let sim: Simulator;
  let host: Recorded;
  let dir: string;
  let runId: string;

  const invoke = async (type: string, key: string, input: Record<string, unknown>): Promise<unknown> => {
    const inputFile = join(dir, `${key}.json`);
    writeFileSync(inputFile, JSON.stringify(input));
    const { stdout } = await run(process.execPath, [cli, 'invoke', type, key, '--non-interactive', '-i', `@${inputFile}`], {
      cwd: dir,
      env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1', NO_UPDATE_NOTIFIER: '1' },
      timeout: 120_000,
    });
    // The CLI prints a few log lines, then the JSON result.
    const start = stdout.search(/^[[{]/m);
    return JSON.parse(stdout.slice(start));
  };

  beforeAll(async () => {
    if (!existsSync(join(app, 'dist', 'index.js'))) throw new Error('build the app first (pnpm run build): invoke loads dist/');
    sim = await startSim();
    host = await fileHost(join(app, '..', 'shared', 'fixtures', 'sample-run.mp4'), 'run.mp4');
    [runId] = sim.control.seed({ count: 3, processed: true }).ids;
    dir = mkdtempSync(join(tmpdir(), 'aky-invoke-'));
    for (const name of ['package.json', 'index.js', 'dist', 'node_modules']) symlinkSync(join(app, name), join(dir, name));
    const auth = authFor(sim.url, sim.apiKey);
    writeFileSync(join(dir, '.env'), `authData_apiKey=${auth.apiKey}\nauthData_advanced=${auth.advanced}\n`);
  }, 60_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await host?.close();
    await sim?.close();
  });

  it('trigger: New Session Processed lists the processed sessions', async () => {
    const items = (await invoke('trigger', 'session_processed', {})) as Array<Record<string, unknown>>;
    expect(items).toHaveLength(3);
    expect(items.every((i) => i.status === 'processed' && typeof i.id === 'string')).toBe(true);
  }, 150_000);

  it('search: Find Running Summary returns the report', async () => {
    const items = (await invoke('search', 'running_summary', { session_id: runId })) as Array<Record<string, unknown>>;
    expect(items[0]).toMatchObject({ id: runId, session_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  }, 150_000);

  it('create: Upload Video makes a session', async () => {
    const before = sim.control.stats().sessionsCreated;
    const created = (await invoke('create', 'upload_video', { video: `${host.url}/run.mp4`, user_id: 'athlete-cli' })) as Record<string, unknown>;
    expect(created).toMatchObject({ status: 'processing', user_id: 'athlete-cli' });
    expect(sim.control.stats().sessionsCreated).toBe(before + 1);
  }, 150_000);
});
