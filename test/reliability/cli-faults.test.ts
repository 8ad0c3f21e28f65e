import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { run } from '../../packages/cli/src/program';
import { KEYS, LeakWatch } from './support/secrets';
import { hits, sampleVideo, startSim, UPLOAD_ROUTE, type Simulator } from './support/sim';

/** The CLI (run(argv, io)) under faults: the documented exit codes, one session at most, the key never printed. */
describe('aikynetix CLI under faults', () => {
  let sim: Simulator;
  let id: string;
  let video: string;
  const home = mkdtempSync(join(tmpdir(), 'aikynetix-reliability-cli-faults-'));
  const watch = new LeakWatch();

  const cli = async (argv: string[], apiKey: string = KEYS.admin) => {
    let stdout = '';
    let stderr = '';
    const code = await run(argv, {
      stdout: { write: (s: string) => (stdout += s), isTTY: false },
      stderr: { write: (s: string) => (stderr += s), isTTY: false, columns: 100 },
      stdin: Object.assign(new PassThrough(), { isTTY: false }),
      env: { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), AIKYNETIX_BASE_URL: sim.url, AIKYNETIX_API_KEY: apiKey },
    });
    watch.record(`cli ${argv.join(' ')}`, `${stdout}\n${stderr}`);
    return { code, stdout, stderr };
  };

  beforeAll(async () => {
    sim = await startSim();
    id = sim.control.seed({ count: 3 }).ids[0];
    video = sampleVideo();
  });
  afterEach(() => sim.control.clearFaults());
  afterAll(async () => {
    await sim.close();
    expect(watch.count).toBeGreaterThan(0);
    expect(watch.leaks()).toEqual([]);
  });

  test('a 503 burst within the retries: the report is printed, exit 0', async () => {
    sim.control.setFaults({ serverError: { count: 2 }, route: '/gait-analysis/' });
    const r = await cli(['--verbose', 'report', 'gait', id, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('left');
  });

  test('a 500 storm: exit 7, the status on stderr', async () => {
    sim.control.setFaults({ serverError: { count: 10, status: 500 }, route: '/gait-analysis/' });
    const r = await cli(['report', 'gait', id]);
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/HTTP 500/);
  });

  test('upload whose answer is lost: found afterwards (exit 0, "not uploaded twice"), exactly one session, never re-sent', async () => {
    const before = sim.control.stats().sessionsCreated;
    const hitsBefore = hits(sim, UPLOAD_ROUTE);
    sim.control.setFaults({ drop: { count: 5 }, route: '/running/sessions/', method: 'POST' });
    const r = await cli(['upload', video, '--user', 'cli-runner']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/answer was lost, and the check afterwards found it/);
    expect(hits(sim, UPLOAD_ROUTE) - hitsBefore).toBe(1);
    expect(sim.control.stats().sessionsCreated).toBe(before + 1);
  });

  test('a revoked key (holding the real one): exit 3, JSON error without either key', async () => {
    const r = await cli(['--json', 'sessions', 'list'], `${KEYS.admin}-revoked`);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).error).toMatchObject({ status: 401 });
  });
});
