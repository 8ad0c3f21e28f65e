import { join } from 'node:path';
import { cli, type Sim, sampleVideo, scratch, startSim } from './helpers';

let sim: Sim;
let home: string;
beforeAll(async () => {
  sim = await startSim();
  home = scratch();
});
afterAll(() => sim.close());

const WRONG = 'wrong-key-7f3a9c1e5b';
const env = () => ({ HOME: home, XDG_CONFIG_HOME: join(home, '.config'), AIKYNETIX_BASE_URL: sim.url });

describe('authentication failures and secrets', () => {
  it('a wrong key exits 3 with a hint, and the key appears nowhere in the output', async () => {
    for (const args of [['sessions', 'list'], ['metrics', 'total', '--json'], ['report', 'gait', 'abc', '-v']]) {
      const r = await cli([...args, '--api-key', WRONG], { env: env() });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/Hint: .*key/i);
      expect(r.stdout + r.stderr).not.toContain(WRONG);
    }
  });

  it('--json errors are one JSON document on stdout with the exit code', async () => {
    const r = await cli(['sessions', 'list', '--json'], { env: { ...env(), AIKYNETIX_API_KEY: WRONG } });
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout);
    expect(out.error).toMatchObject({ name: 'AuthenticationError', status: 401, exitCode: 3 });
    expect(r.stdout).not.toContain(WRONG);
  });

  it('the non-admin key is refused an upload with exit 3', async () => {
    const r = await cli(['upload', sampleVideo(home), '--user', 'a', '--api-key', sim.keys.nonAdmin], { env: env() });
    expect(r.code).toBe(3);
    expect(r.stdout + r.stderr).not.toContain(sim.keys.nonAdmin);
  });

  it('--verbose shows where settings came from, never the key itself', async () => {
    const r = await cli(['sessions', 'list', '-v'], { env: { ...env(), AIKYNETIX_API_KEY: sim.apiKey } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('API key set from env');
    expect(r.stderr).toContain(`base URL ${sim.url} from env`);
    expect(r.stdout + r.stderr).not.toContain(sim.apiKey);
  });

  it('a successful upload --wait --verbose on a TTY never prints the key', async () => {
    const r = await cli(['upload', sampleVideo(home), '--user', 'a', '--wait', '--poll-interval', '0.1', '--verbose'], {
      env: { ...env(), AIKYNETIX_API_KEY: sim.apiKey },
      tty: true,
    });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(sim.apiKey);
  });

  it('a refused connection exits 7', async () => {
    const closed = await startSim();
    const url = closed.url;
    await closed.close();
    const r = await cli(['sessions', 'list', '--api-key', 'k1234567', '--base-url', url], { env: { HOME: home } });
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/Hint: /);
  });
});
