import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// The built bin, as `npx aikynetix-simulator` runs it (turbo builds this package before its tests).
const BIN = join(__dirname, '..', 'dist', 'bin.js');

describe('the aikynetix-simulator bin', () => {
  beforeAll(() => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build the simulator first (pnpm --filter @aikynetix/simulator build)`);
  });

  test('starts, serves the API with the given key, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, '--port', '0', '--api-key', 'bin-test-key', '--processing-delay-ms', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`not ready after 15 s: ${out}`)), 15_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /ready at (http:\/\/\S+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1] as string);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const stats = await fetch(`${url}/__sim/stats`);
      expect(stats.status).toBe(200);
      // the key is accepted: a new account has no sessions, which the API answers with 404
      const ok = await fetch(`${url}/session-management/sessions/`, { headers: { authorization: 'API-KEY bin-test-key' } });
      expect(ok.status).toBe(404);
      const denied = await fetch(`${url}/session-management/sessions/`, { headers: { authorization: 'API-KEY wrong' } });
      expect(denied.status).toBe(401);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  test('--help prints the usage; a bad flag exits 2 naming it', () => {
    const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--data-dir/);
    const bad = spawnSync(process.execPath, [BIN, '--port', 'abc'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--port/);
  });
});
