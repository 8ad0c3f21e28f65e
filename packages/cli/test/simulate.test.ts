import { cli, scratch } from './helpers';

async function firstOutput(get: () => string): Promise<string> {
  for (let i = 0; i < 200 && !get(); i++) await new Promise((r) => setTimeout(r, 25));
  return get();
}

describe('simulate', () => {
  it('prints URL and admin key as JSON, serves the API, and stops on abort', async () => {
    const ac = new AbortController();
    let out = '';
    const { run } = await import('../src/program');
    const done = run(['simulate', '--port', '0', '--json', '--processing-delay', '100'], {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: () => true },
      env: { HOME: scratch() },
      signal: ac.signal,
    });
    const info = JSON.parse(await firstOutput(() => out));
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const list = await cli(['sessions', 'list', '--json'], { env: { HOME: scratch(), AIKYNETIX_BASE_URL: info.url, AIKYNETIX_API_KEY: info.apiKey } });
    expect(list.code).toBe(0);
    ac.abort();
    expect(await done).toBe(0);
    await expect(fetch(`${info.url}/__sim/stats`)).rejects.toThrow();
  });

  it('human output shows the export lines; a bad --port is exit 2', async () => {
    const ac = new AbortController();
    let out = '';
    const { run } = await import('../src/program');
    const done = run(['simulate'], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, env: { HOME: scratch() }, signal: ac.signal });
    await firstOutput(() => out);
    expect(out).toMatch(/^AIKYNETIX simulator listening on http:\/\/127\.0\.0\.1:\d+$/m);
    expect(out).toMatch(/^Admin API key: \S+$/m);
    expect(out).toMatch(/^ {2}export AIKYNETIX_BASE_URL=http/m);
    ac.abort();
    expect(await done).toBe(0);
    expect((await cli(['simulate', '--port', 'eighty'])).code).toBe(2);
  });
});
