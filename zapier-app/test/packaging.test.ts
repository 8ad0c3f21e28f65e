import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const app = join(__dirname, '..');
const env = { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1', NO_UPDATE_NOTIFIER: '1' };
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: app, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

// Slow (a registry install and a real Zapier build), so one file, run once: the build it makes
// is what the CLI validation below loads too.
describe('packaging, as Zapier builds and runs the app', () => {
  let report: Record<string, number | string>;

  beforeAll(() => {
    const out = node([join(app, 'scripts', 'package-check.mjs')]);
    report = JSON.parse(out.trim().split('\n').pop()!);
    process.stdout.write(`${out}\n`);
  }, 600_000);

  it('runs on the Node version Zapier uses (22)', () => {
    expect(process.version).toMatch(/^v22\./);
    expect(report.node).toMatch(/^v22\./);
  });

  it('the built zip loads with production dependencies only and holds the whole app', () => {
    expect(report.handler).toBe('function');
    expect(report).toMatchObject({ triggers: 6, searches: 10, creates: 7, schemaErrors: 0, platformVersion: '19.1.0' });
  });

  it('stays small (reported above; Zapier rejects uploads far beyond this)', () => {
    expect(Number(report.zipBytes)).toBeGreaterThan(100_000);
    expect(Number(report.zipBytes)).toBeLessThan(10 * 1024 * 1024);
  });

  it('passes `zapier-platform validate --without-style` offline', () => {
    const out = execFileSync(process.execPath, [join(app, 'node_modules', 'zapier-platform-cli', 'src', 'bin', 'run'), 'validate', '--without-style'], {
      cwd: app,
      env,
      encoding: 'utf8',
    });
    expect(out).toMatch(/No structural errors found/);
    expect(out).toMatch(/structurally sound/);
  }, 120_000);
});
