import { PassThrough } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aikynetix, ConfigError, feedSourceFromApi, pollEvents, ValidationError } from '@aikynetix/core';
import { run as cliRun } from '../../packages/cli/src/program';
import { zapier, type Recorded, type ZapKind } from './support/adapters';
import { KEYS, LeakWatch } from './support/secrets';
import { rejectionOf, sampleVideo, startSim, type Simulator } from './support/sim';

const { failureOf, ownMessage, run: zapRun, fileHost } = zapier();

/** Bad input through every surface: a clear error naming the field, and not one request sent. */
describe('bad-input matrix', () => {
  let sim: Simulator;
  let video: string;
  let host: Recorded;
  let id: string;
  const watch = new LeakWatch();
  const requests = () => sim.control.stats().totalRequests;

  beforeAll(async () => {
    sim = await startSim();
    video = sampleVideo();
    host = await fileHost(video, 'run.mp4');
    id = sim.control.seed({ count: 1 }).ids[0];
  });
  afterAll(async () => {
    await host.close();
    await sim.close();
    expect(watch.count).toBeGreaterThan(0);
    expect(watch.leaks()).toEqual([]);
  });

  describe('core inputs', () => {
    let client: Aikynetix;
    beforeAll(() => {
      client = new Aikynetix({ apiKey: KEYS.admin, baseUrl: sim.url, logger: watch.logger() });
    });
    afterAll(() => client.close());

    const cases: Array<[string, string, () => Record<string, unknown>, string]> = [
      ['upload without user_id', 'running.createSession', () => ({ video }), 'user_id'],
      ['upload of a missing file', 'running.createSession', () => ({ user_id: 'a', video: '/no/such/dir/run.mp4' }), 'video'],
      ['upload with a text incline', 'running.createSession', () => ({ user_id: 'a', video, incline_degree: 'steep' }), 'incline_degree'],
      ['upload with a 90° incline', 'running.createSession', () => ({ user_id: 'a', video, incline_degree: 90 }), 'incline_degree'],
      ['upload with an unknown joint', 'running.createSession', () => ({ user_id: 'a', video, body_joint_angles: ['knee', 'toe'] }), 'body_joint_angles'],
      ['report with an empty session id', 'running.getGaitAnalysis', () => ({ session_id: '' }), 'session_id'],
      ['report with a session id holding a slash', 'running.getGaitAnalysis', () => ({ session_id: 'a/b' }), 'session_id'],
      ['report with an unknown field', 'running.getGaitAnalysis', () => ({ session_id: id, sesion: 'typo' }), 'sesion'],
      ['list with limit 0', 'sessions.filter', () => ({ limit: 0 }), 'limit'],
      ['list with 31/02', 'sessions.filter', () => ({ start_date: '31/02/2024' }), 'start_date'],
      ['list with an unknown status', 'sessions.filter', () => ({ video_status: 'done' }), 'video_status'],
      ['list with an unknown activity', 'sessions.filter', () => ({ activity: 'Swimming' }), 'activity'],
      ['by-ids with no ids', 'sessions.getByIds', () => ({ session_ids: [] }), 'session_ids'],
      ['summary in kelvin', 'running.generateSummary', () => ({ session_id: id, measurement_system: 'kelvin' }), 'measurement_system'],
    ];
    test.each(cases)('%s: ValidationError naming the field, nothing sent', async (_name, op, input, field) => {
      const before = requests();
      const err = await rejectionOf(client.call(op, input()));
      watch.record(`core ${op}`, err);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).issues.map((i) => i.field).join(' ')).toContain(field);
      expect(err.message).toContain(field);
      expect(requests()).toBe(before);
    });

    test('a plain-http non-loopback base URL: ConfigError naming the base URL', () => {
      let err: unknown;
      try {
        new Aikynetix({ apiKey: KEYS.admin, baseUrl: 'http://api.aikynetix.app' });
      } catch (e) {
        err = e;
      }
      watch.record('core config', err);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/base ?url/i);
      expect((err as Error).message).toMatch(/https/);
    });

    test('trigger feed with no events chosen: ValidationError naming events, nothing sent', async () => {
      const before = requests();
      const err = await rejectionOf(pollEvents(feedSourceFromApi(client), undefined, { events: [] }));
      watch.record('core feed', err);
      expect(err).toBeInstanceOf(ValidationError);
      expect(err.message).toContain('events');
      expect(requests()).toBe(before);
    });
  });

  describe('CLI flags (run(argv, io))', () => {
    const home = mkdtempSync(join(tmpdir(), 'aikynetix-reliability-cli-'));
    const cli = async (argv: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await cliRun(argv, {
        stdout: { write: (s: string) => (stdout += s), isTTY: false },
        stderr: { write: (s: string) => (stderr += s), isTTY: false, columns: 100 },
        stdin: Object.assign(new PassThrough(), { isTTY: false }),
        env: { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), AIKYNETIX_BASE_URL: sim.url, AIKYNETIX_API_KEY: KEYS.admin },
      });
      watch.record(`cli ${argv.join(' ')}`, stdout + stderr);
      return { code, stdout, stderr };
    };

    const cases: Array<[string, () => string[], RegExp]> = [
      ['upload without --user', () => ['upload', video], /--user/],
      ['upload of a missing file', () => ['upload', '/no/such/dir/run.mp4', '--user', 'a'], /video\b[^\n]*:/],
      ['upload --incline steep', () => ['upload', video, '--user', 'a', '--incline', 'steep'], /--incline \(incline_degree\):/],
      ['upload --joints knee,toe', () => ['upload', video, '--user', 'a', '--joints', 'knee,toe'], /--joints \(body_joint_angles[.\d]*\):/],
      ['sessions list --limit 0', () => ['sessions', 'list', '--limit', '0'], /--limit\b/],
      ['sessions list --status done', () => ['sessions', 'list', '--status', 'done'], /--status \(video_status\):/],
      ['sessions list --from 2024-02-31', () => ['sessions', 'list', '--from', '2024-02-31'], /--from \(start_date\):/],
      ['summary --units kelvin', () => ['summary', id, '--units', 'kelvin'], /--units\b/],
      ['export --format xml', () => ['export', id, '--format', 'xml'], /--format\b/],
      ['report speed', () => ['report', 'speed', id], /<kind> must be gait or form/],
      ['an unknown flag', () => ['sessions', 'list', '--colour', 'red'], /--colour/],
      ['an http base URL', () => ['--base-url', 'http://api.aikynetix.app', 'sessions', 'list'], /Base URL .* must use https/],
    ];
    test.each(cases)('%s: exit 2, the flag named on stderr, nothing sent', async (_name, argv, named) => {
      const before = requests();
      const r = await cli(argv());
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(named);
      expect(requests()).toBe(before);
    });
  });

  // Zapier names a field by its label and key, e.g. "Video File (video): is required".
  describe('Zapier input fields (createAppTester)', () => {
    const auth = (baseUrl = sim.url) => ({ apiKey: KEYS.admin, authStyle: 'authorizationApiKey', baseUrl });
    const fileUrl = () => `${host.url}/files/run.mp4`;
    const cases: Array<[string, ZapKind, string, () => Record<string, unknown>, RegExp]> = [
      ['upload without a file', 'creates', 'upload_video', () => ({ video: '', user_id: 'a' }), /\(video\): is required/],
      ['upload of an ftp link', 'creates', 'upload_video', () => ({ video: 'ftp://files.example.com/run.mp4', user_id: 'a' }), /\(video\): must be/],
      ['upload without a user id', 'creates', 'upload_video', () => ({ video: fileUrl(), user_id: '' }), /\(user_id\):/],
      ['upload with a text incline', 'creates', 'upload_video', () => ({ video: fileUrl(), user_id: 'a', incline_degree: 'steep' }), /\(incline_degree\):/],
      ['gait report for a session id with a slash', 'searches', 'gait_analysis_report', () => ({ session_id: 'a/b' }), /\(session_id\):/],
      ['summary in kelvin', 'creates', 'generate_summary', () => ({ session_id: id, measurement_system: 'kelvin' }), /\(measurement_system\):/],
    ];
    test.each(cases)('%s: an error naming the field, nothing sent (not even to the file host)', async (_name, kind, key, input, named) => {
      const before = requests();
      const hostBefore = host.requests.length;
      const err = await failureOf(zapRun(kind, key, { authData: auth(), inputData: input() }));
      watch.record(`zapier ${key}`, err);
      // z.errors.Error (AppError): bad input is misconfiguration, which Zapier reports and, if it persists, turns the Zap off.
      expect(err.name).toBe('AppError');
      expect(ownMessage(err)).toMatch(named);
      expect(requests()).toBe(before);
      expect(host.requests.length).toBe(hostBefore);
    });

    test('an http base URL in the connection: an error naming the https rule, nothing sent', async () => {
      const before = requests();
      const err = await failureOf(zapRun('triggers', 'new_session', { authData: auth('http://api.aikynetix.app'), inputData: {} }));
      watch.record('zapier config', err);
      expect(ownMessage(err)).toMatch(/https/);
      expect(requests()).toBe(before);
    });
  });
});
