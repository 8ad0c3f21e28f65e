import { join } from 'node:path';
import { run } from './support/app';
import { fileHost } from './support/servers';
import { authFor, startSim, type Simulator } from './support/sim';

// Zapier's HTTP log (what a user sees in the Zap history / `zapier-platform invoke`) shows every
// API call, because all traffic goes through z.request, and never the key.
describe("Zapier's HTTP log", () => {
  let sim: Simulator;
  let lines: string[];
  let spy: jest.SpyInstance;

  beforeAll(async () => {
    sim = await startSim();
    sim.control.seed({ count: 1, processed: true });
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    lines = [];
    process.env.LOG_TO_STDOUT = '1';
    process.env.DETAILED_LOG_TO_STDOUT = '1';
    spy = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
  });
  afterEach(() => {
    spy.mockRestore();
    delete process.env.LOG_TO_STDOUT;
    delete process.env.DETAILED_LOG_TO_STDOUT;
  });

  it('logs the poll request and its answer, never the key', async () => {
    await run('triggers', 'session_processed', { authData: authFor(sim.url, sim.apiKey), inputData: {} });
    const log = lines.join('\n');
    expect(log).toContain('/session-management/sessions/filter/');
    expect(log).toContain('"query_count":1');
    expect(log).not.toContain(sim.apiKey);
  });

  it('logs the upload and the file download, neither with the key', async () => {
    const host = await fileHost(join(__dirname, '..', '..', 'shared', 'fixtures', 'sample-run.mp4'), 'run.mp4');
    try {
      await run('creates', 'upload_video', {
        authData: authFor(sim.url, sim.apiKey, 'apiKeyHeader'),
        inputData: { video: `${host.url}/run.mp4`, user_id: 'athlete-1' },
      });
    } finally {
      await host.close();
    }
    const log = lines.join('\n');
    expect(log).toContain(`${host.url}/run.mp4`);
    expect(log).toContain('/running/sessions/');
    expect(log).not.toContain(sim.apiKey);
  });
});
