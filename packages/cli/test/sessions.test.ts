import { PassThrough } from 'node:stream';
import { cli, type Sim, requestCount, sampleVideo, scratch, simEnv, startSim } from './helpers';

let sim: Sim;
let home: string;
let env: Record<string, string>;
const ids: string[] = [];

beforeAll(async () => {
  sim = await startSim();
  home = scratch();
  env = simEnv(sim, home);
  const video = sampleVideo(home);
  for (const [user, name] of [['ana', 'Morning tempo'], ['ben', 'Hill repeats'], ['ana', 'Easy recovery']]) {
    const r = await cli(['upload', video, '--user', user, '--name', name, '--wait', '--poll-interval', '0.1', '--json'], { env });
    expect(r.code).toBe(0);
    ids.push(JSON.parse(r.stdout).session_id);
  }
});
afterAll(() => sim.close());

describe('sessions list', () => {
  it('lists sessions as a table', async () => {
    const r = await cli(['sessions', 'list'], { env });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+ACTIVITY\s+STATUS\s+CREATED\s+USER\s+TITLE$/);
    expect(lines).toHaveLength(4);
    for (const id of ids) expect(r.stdout).toContain(id);
    expect(r.stdout).toContain('Hill repeats');
  });

  it('filters by user, title and status; --json gives only JSON on stdout', async () => {
    const r = await cli(['sessions', 'list', '--user', 'ana', '--status', 'processed', '--json'], { env });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sessions.map((s: { id: string }) => s.id).sort()).toEqual([ids[0], ids[2]].sort());
    const t = await cli(['sessions', 'list', '--title', 'hill', '--json'], { env });
    expect(JSON.parse(t.stdout).sessions.map((s: { id: string }) => s.id)).toEqual([ids[1]]);
  });

  it('honours --limit and --all', async () => {
    const one = JSON.parse((await cli(['sessions', 'list', '--limit', '1', '--json'], { env })).stdout);
    expect(one.count).toBe(1);
    const all = JSON.parse((await cli(['sessions', 'list', '--all', '--json'], { env })).stdout);
    expect(all.count).toBe(3);
  });

  it('rejects a bad date before sending anything, naming --from', async () => {
    const before = requestCount(sim);
    const r = await cli(['sessions', 'list', '--from', '31/31/2025'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from (start_date)');
    expect(requestCount(sim)).toBe(before);
  });

  it.each([
    [['--limit', '0'], '--limit must be a whole number'],
    [['--limit', 'ten'], '--limit must be a whole number'],
    [['--all', '--limit', '5'], 'either --limit or --all'],
    [['--status', 'done'], '--status (video_status)'],
    [['--activity', 'swimming'], '--activity (activity)'],
  ])('bad flags %j exit 2', async (extra, message) => {
    const before = requestCount(sim);
    const r = await cli(['sessions', 'list', ...extra], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(requestCount(sim)).toBe(before);
  });

  it('prints "No sessions found." for an empty result', async () => {
    const r = await cli(['sessions', 'list', '--user', 'nobody'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No sessions found.\n');
  });
});

describe('sessions get', () => {
  it('shows sessions by id', async () => {
    const r = await cli(['sessions', 'get', ids[0]], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^id: +${ids[0]}$`, 'm'));
    expect(r.stdout).toMatch(/^title: +Morning tempo$/m);
    expect(r.stdout).toMatch(/^status: +processed$/m);
    const j = JSON.parse((await cli(['sessions', 'get', ids[0], ids[1], '--json'], { env })).stdout);
    expect(j.sessions.map((s: { id: string }) => s.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(j.missing).toEqual([]);
  });

  it('exits 4 for an unknown id', async () => {
    const r = await cli(['sessions', 'get', 'doesNotExist123', '--json'], { env });
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout).error.message).toContain('doesNotExist123');
  });

  it('exits 2 for an id that cannot be a session id, before any request', async () => {
    const before = requestCount(sim);
    const r = await cli(['sessions', 'get', 'a/b'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("<id> (session_ids");
    expect(requestCount(sim)).toBe(before);
  });
});

describe('sessions delete', () => {
  it('refuses without --yes when stdin is not a TTY', async () => {
    const before = requestCount(sim);
    const r = await cli(['sessions', 'delete', ids[2]], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('without --yes');
    expect(requestCount(sim)).toBe(before);
  });

  it('asks on a TTY and keeps the session when the answer is no', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const pending = cli(['sessions', 'delete', ids[2]], { env, stdin });
    stdin.write('n\n');
    const r = await pending;
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('[y/N]');
    expect(r.stderr).toContain('Nothing deleted.');
    expect((await cli(['sessions', 'get', ids[2]], { env })).code).toBe(0);
  });

  it('deletes after a yes on the TTY', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const pending = cli(['sessions', 'delete', ids[2]], { env, stdin });
    stdin.write('yes\n');
    const r = await pending;
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Deleted session ${ids[2]}.\n`);
    expect((await cli(['sessions', 'get', ids[2]], { env })).code).toBe(4);
  });

  it('deletes with --yes; deleting again exits 4', async () => {
    const r = await cli(['sessions', 'delete', ids[1], '--yes', '--json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).deleted).toBe(ids[1]);
    const again = await cli(['sessions', 'delete', ids[1], '--yes'], { env });
    expect(again.code).toBe(4);
  });
});

describe('sessions get with some ids missing', () => {
  it('prints the found ones, names the missing ones and exits 4 (one JSON document)', async () => {
    const r = await cli(['sessions', 'get', ids[0], 'missingId42', '--json'], { env });
    expect(r.code).toBe(4);
    const out = JSON.parse(r.stdout);
    expect(out.sessions.map((s: { id: string }) => s.id)).toEqual([ids[0]]);
    expect(out.missing).toEqual(['missingId42']);
    expect(r.stderr).toContain('Session not found: missingId42');
  });
});
