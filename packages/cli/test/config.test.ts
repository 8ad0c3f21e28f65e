import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfigPath, resolveSettings } from '../src/config';
import { cli, type Sim, requestCount, scratch, startSim } from './helpers';

let sim: Sim;
let home: string;
beforeAll(async () => {
  sim = await startSim();
  home = scratch();
});
afterAll(() => sim.close());

const base = () => ({ HOME: home, XDG_CONFIG_HOME: join(home, '.config') });
function writeConfig(path: string, data: unknown): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
  return path;
}

describe('settings precedence (unit)', () => {
  it('flags beat env, env beats the config file, the file beats defaults', () => {
    const file = writeConfig(join(home, 'p', 'c.json'), { apiKey: 'file-key', baseUrl: 'https://file.example', authStyle: 'bearer' });
    const env = { AIKYNETIX_API_KEY: 'env-key', AIKYNETIX_BASE_URL: 'https://env.example' };
    const all = resolveSettings({ apiKey: 'flag-key', config: file }, env, home);
    expect(all).toMatchObject({ apiKey: 'flag-key', baseUrl: 'https://env.example', auth: 'bearer' });
    expect(all.sources).toEqual({ apiKey: 'flag', baseUrl: 'env', auth: 'config file' });
    const none = resolveSettings({}, base(), home);
    expect(none.sources).toEqual({ apiKey: 'default', baseUrl: 'default', auth: 'default' });
    expect(none.apiKey).toBeUndefined();
  });

  it('an empty env value does not hide the config file', () => {
    const file = writeConfig(join(home, 'q', 'c.json'), { apiKey: 'file-key' });
    expect(resolveSettings({ config: file }, { AIKYNETIX_API_KEY: '  ' }, home).apiKey).toBe('file-key');
  });

  it('default path follows XDG_CONFIG_HOME, else ~/.config', () => {
    expect(defaultConfigPath({ XDG_CONFIG_HOME: '/x/cfg', HOME: '/h' })).toBe('/x/cfg/aikynetix/config.json');
    expect(defaultConfigPath({ HOME: '/h' })).toBe('/h/.config/aikynetix/config.json');
  });
});

describe('config through the CLI', () => {
  it('reads the default config file (XDG) when nothing else is set', async () => {
    writeConfig(defaultConfigPath(base()), { apiKey: sim.apiKey, baseUrl: sim.url });
    const r = await cli(['sessions', 'list', '--json'], { env: base() });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sessions).toEqual([]);
  });

  it('env beats the config file: a wrong env key fails with exit 3', async () => {
    const r = await cli(['sessions', 'list'], { env: { ...base(), AIKYNETIX_API_KEY: 'wrong-env-key-123' } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Hint: /);
  });

  it('a flag beats env: the right --api-key wins over a wrong env key', async () => {
    const r = await cli(['sessions', 'list', '--api-key', sim.apiKey], { env: { ...base(), AIKYNETIX_API_KEY: 'wrong-env-key-123' } });
    expect(r.code).toBe(0);
  });

  it('--config <path> replaces the default file; a missing one is exit 2', async () => {
    const other = writeConfig(join(home, 'other.json'), { apiKey: 'wrong-file-key-456', baseUrl: sim.url });
    expect((await cli(['sessions', 'list', '--config', other], { env: base() })).code).toBe(3);
    const missing = await cli(['sessions', 'list', '--config', join(home, 'nope.json')], { env: base() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read config file');
  });

  it.each([
    ['{not json', 'is not valid JSON'],
    [{ apikey: 'x' }, 'unknown setting "apikey"'],
    [{ apiKey: 42 }, '"apiKey" must be a string'],
    [{ apiKey: 'k', authStyle: 'basic' }, 'Unknown auth style "basic"'],
  ])('a bad config file %j is exit 2 with a clear message', async (content, message) => {
    const file = writeConfig(join(home, 'bad.json'), content);
    const r = await cli(['sessions', 'list', '--config', file], { env: base() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('no key anywhere: exit 2 saying where to put one, no request', async () => {
    const empty = scratch();
    const before = requestCount(sim);
    const r = await cli(['sessions', 'list', '--base-url', sim.url], { env: { HOME: empty } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No API key configured');
    expect(r.stderr).toContain('AIKYNETIX_API_KEY');
    expect(requestCount(sim)).toBe(before);
  });

  it('a non-loopback http base URL is refused (exit 2) before anything is sent', async () => {
    const r = await cli(['sessions', 'list', '--api-key', 'k123456', '--base-url', 'http://api.example.com'], { env: { HOME: scratch() } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('must use https');
  });

  it('--auth-style apiKeyHeader and bearer both authenticate against the simulator', async () => {
    for (const style of ['apiKeyHeader', 'bearer', 'authorizationApiKey']) {
      const r = await cli(['sessions', 'list', '--json', '--auth-style', style, '--api-key', sim.apiKey, '--base-url', sim.url], { env: { HOME: scratch() } });
      expect(r.code).toBe(0);
    }
    const bad = await cli(['sessions', 'list', '--auth-style', 'cookie', '--api-key', sim.apiKey, '--base-url', sim.url], { env: { HOME: scratch() } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown auth style "cookie" (from --auth-style)');
  });
});
