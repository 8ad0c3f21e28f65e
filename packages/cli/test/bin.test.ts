/**
 * The built CLI as a real process: `node dist/bin.js` (the turbo `test` task runs after `build`).
 * Starts `simulate` as one process, drives it with others, then stops it with SIGINT.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sampleVideo, scratch } from './helpers';

const BIN = join(__dirname, '..', 'dist', 'bin.js');

interface Done {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function spawnCli(args: string[], env: Record<string, string>): { child: ChildProcess; done: Promise<Done> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Done>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

describe('dist/bin.js as a child process', () => {
  let sim: ChildProcess | undefined;
  afterAll(() => sim?.kill('SIGKILL'));

  it('is built (run `pnpm --filter @aikynetix/cli build` first)', () => {
    expect(existsSync(BIN)).toBe(true);
  });

  it('simulate + upload --wait + list + report; SIGINT stops the simulator with exit 0', async () => {
    const home = scratch();
    const started = spawnCli(['simulate', '--json', '--processing-delay', '300', '--genai-delay', '200'], { HOME: home });
    sim = started.child;
    const info = await new Promise<{ url: string; apiKey: string }>((resolve, reject) => {
      let buf = '';
      started.child.stdout!.on('data', (d) => {
        buf += d;
        try {
          resolve(JSON.parse(buf));
        } catch {
          /* not complete yet */
        }
      });
      started.done.then((d) => reject(new Error(`simulate exited early (${d.code}): ${d.stderr}`)));
    });
    const env = { HOME: home, AIKYNETIX_BASE_URL: info.url, AIKYNETIX_API_KEY: info.apiKey };

    const up = await spawnCli(['upload', sampleVideo(home), '--user', 'proc-user', '--wait', '--poll-interval', '0.1', '--json'], env).done;
    expect(up.stderr).toBe('');
    expect(up.code).toBe(0);
    const created = JSON.parse(up.stdout);
    expect(created.status).toBe('processed');

    const list = await spawnCli(['sessions', 'list'], env).done;
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(created.session_id);

    const report = await spawnCli(['report', 'gait', created.session_id, '--json'], env).done;
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).left).toBeDefined();

    const bad = await spawnCli(['upload', sampleVideo(home), '--user', 'x', '--incline', 'steep'], env).done;
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--incline (incline_degree)');

    const wrong = await spawnCli(['sessions', 'list'], { ...env, AIKYNETIX_API_KEY: 'not-the-key-0042' }).done;
    expect(wrong.code).toBe(3);
    expect(wrong.stdout + wrong.stderr).not.toContain('not-the-key-0042');

    for (const r of [up, list, report, bad]) expect(r.stdout + r.stderr).not.toContain(info.apiKey);

    started.child.kill('SIGINT');
    const stopped = await started.done;
    expect(stopped.code).toBe(0);
    sim = undefined;
  });
});
