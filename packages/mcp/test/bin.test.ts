/** The bin's startup: Node version check, --help, configuration errors as one line. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BIN } from './helpers';

const run = (args: string[], env: Record<string, string> = {}, pre: string[] = []) =>
  spawnSync(process.execPath, [...pre, BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 40_000 });

// Each case starts real processes; on a loaded machine one start can take several seconds.
jest.setTimeout(90_000);

describe('aikynetix-mcp bin', () => {
  it('fails with one clear line on an older Node', () => {
    const r = run([], { AIKYNETIX_API_KEY: 'k-123456' }, ['-r', join(__dirname, 'fixtures', 'old-node.cjs')]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['aikynetix-mcp needs Node.js 22.19 or newer (this is Node.js 20.19.0); install a current Node.js LTS.']);
    expect(r.stdout).toBe('');
  });

  it('prints usage with --help on stdout', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--http');
    expect(r.stdout).toContain('AIKYNETIX_MCP_TOKEN');
  });

  it('refuses a missing key and unknown flags in one line', () => {
    const noKey = run([]);
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toContain('AIKYNETIX_API_KEY');
    expect(noKey.stderr.trim().split('\n')).toHaveLength(1);
    const flag = run(['--colour'], { AIKYNETIX_API_KEY: 'k-123456' });
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('--colour');
    const stray = run(['--port', '80'], { AIKYNETIX_API_KEY: 'k-123456' });
    expect(stray.status).toBe(2);
    expect(stray.stderr).toContain('only applies with --http');
  });
});
