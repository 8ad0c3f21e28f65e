import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, type Sim, requestCount, sampleVideo, scratch, simEnv, startSim } from './helpers';

let sim: Sim;
let home: string;
let env: Record<string, string>;
let id: string;

beforeAll(async () => {
  sim = await startSim();
  home = scratch();
  env = simEnv(sim, home);
  const r = await cli(['upload', sampleVideo(home), '--user', 'ana', '--wait', '--poll-interval', '0.1', '--json'], { env });
  expect(r.code).toBe(0);
  id = JSON.parse(r.stdout).session_id;
});
afterAll(() => sim.close());

describe('report', () => {
  it('gait: both sides in a table; --json is the report itself', async () => {
    const r = await cli(['report', 'gait', id], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Gait report for session ${id}`);
    expect(r.stdout).toMatch(/^SIDE\s+PEAK TIME\s+INITIATOR/m);
    expect(r.stdout).toMatch(/^left\s+\d/m);
    expect(r.stdout).toMatch(/^right\s+\d/m);
    const j = JSON.parse((await cli(['report', 'gait', id, '--json'], { env })).stdout);
    expect(typeof j.left.peak_time).toBe('number');
  });

  it('form: metrics table', async () => {
    const r = await cli(['report', 'form', id, '--json'], { env });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j.metrics).length).toBeGreaterThan(0);
    const h = await cli(['report', 'form', id], { env });
    expect(h.stdout).toMatch(/^METRIC\s+VALUE$/m);
    expect(h.stdout).toContain(Object.keys(j.metrics)[0]);
  });

  it('--demo works for any id', async () => {
    const r = await cli(['report', 'form', 'anything', '--demo', '--json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).metrics).toBeDefined();
  });

  it('unknown session exits 4; unknown kind exits 2 without a request', async () => {
    expect((await cli(['report', 'gait', 'noSuchSession1'], { env })).code).toBe(4);
    const before = requestCount(sim);
    const r = await cli(['report', 'speed', id], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<kind> must be gait or form');
    expect(requestCount(sim)).toBe(before);
  });
});

describe('a session that exists but has no such report', () => {
  it('still processing, failed, or of another activity: exit 4 with a hint in CLI terms, not "check the session ID"', async () => {
    sim.control.setDelays({ processingDelayMs: 600_000 });
    const [busy] = sim.control.seed({ count: 1, processed: false }).ids;
    sim.control.setDelays({ processingDelayMs: 300 });
    const [broken] = sim.control.seed({ count: 1, failedEvery: 1 }).ids;
    const [lift] = sim.control.seed({ count: 1, activity: 'Weightlifting' }).ids;
    const early = await cli(['report', 'gait', busy], { env });
    expect(early.code).toBe(4);
    expect(early.stderr).toContain(`Hint: The session is still being analysed: run this again once "aikynetix sessions get ${busy}" shows it processed`);
    const failed = await cli(['summary', broken], { env });
    expect(failed.code).toBe(4);
    expect(failed.stderr).toMatch(/Hint: AIKYNETIX could not analyse .* upload the video again/);
    const other = await cli(['report', 'form', lift], { env });
    expect(other.code).toBe(4);
    expect(other.stderr).toContain(`"aikynetix export ${lift} --activity weightlifting" reads it`);
    for (const r of [early, failed, other]) expect(r.stderr).not.toMatch(/Check the session ID/);
  });
});

describe('summary', () => {
  it('without text yet, shows metrics and says how to generate', async () => {
    const r = await cli(['summary', id], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^BLOCK\s+METRIC\s+MIN\s+AVG\s+MAX$/m);
    expect(r.stdout).toContain('No GenAI summary text yet');
  });

  it('--generate --wait returns the GenAI text', async () => {
    const r = await cli(['summary', id, '--generate', '--wait', '--units', 'imperial', '--poll-interval', '0.1', '--json'], { env });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.summary_text.final_summary).toMatch(/\S/);
    expect(j.threads).toBeDefined();
    const h = await cli(['summary', id], { env });
    expect(h.stdout).toMatch(/^final_summary:\n {2}\S/m);
  });

  it('--generate without --wait reports that generation started', async () => {
    const r = await cli(['summary', id, '--generate'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Generating; run');
  });

  it('rejects --units without --generate and a bad --units, before any request', async () => {
    const before = requestCount(sim);
    expect((await cli(['summary', id, '--units', 'imperial'], { env })).stderr).toContain('--units only applies with --generate');
    const bad = await cli(['summary', id, '--generate', '--units', 'furlongs'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--units must be one of metric, imperial');
    expect(requestCount(sim)).toBe(before);
  });
});

describe('export', () => {
  it('json to stdout', async () => {
    const r = await cli(['export', id], { env });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.all_timestamps.length).toBeGreaterThan(10);
  });

  it('csv: one row per timestamp with metric and angle columns', async () => {
    const j = JSON.parse((await cli(['export', id], { env })).stdout);
    const r = await cli(['export', id, '--format', 'csv'], { env });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const header = lines[0].split(',');
    expect(header[0]).toBe('timestamp');
    const metric = Object.entries(j.metrics).find(([, v]) => Array.isArray(v))![0];
    const angle = Object.keys(j.angles)[0];
    expect(header).toContain(`metrics.${metric}`);
    expect(header).toContain(`angles.${angle}`);
    expect(lines).toHaveLength(j.all_timestamps.length + 1);
    const col = header.indexOf(`metrics.${metric}`);
    expect(Number(lines[5].split(',')[col])).toBe(j.metrics[metric][4]);
    expect(Number(lines[5].split(',')[0])).toBe(j.all_timestamps[4]);
  });

  it('-o writes a file and prints a JSON summary with --json', async () => {
    const file = join(home, 'out.csv');
    const r = await cli(['export', id, '--format', 'csv', '-o', file, '--json'], { env });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.file).toBe(file);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toMatch(/^timestamp,/);
    expect(j.rows).toBe(readFileSync(file, 'utf8').trimEnd().split('\n').length - 1);
  });

  it('--json with csv to stdout is a usage error', async () => {
    const r = await cli(['export', id, '--format', 'csv', '--json'], { env });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.exitCode).toBe(2);
  });

  it('--activity weightlifting exports keypoints too', async () => {
    const [lift] = sim.control.seed({ count: 1, processed: true, activity: 'Weightlifting' }).ids;
    const r = await cli(['export', lift, '--activity', 'weightlifting', '--format', 'csv'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/keypoints\./);
  });

  it('--demo is refused for weightlifting (documented for running only)', async () => {
    const r = await cli(['export', 'x', '--activity', 'weightlifting', '--demo', '--format', 'csv'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--demo exists for running sessions only/);
  });
});

describe('metrics total', () => {
  it('prints averages and the last session', async () => {
    const r = await cli(['metrics', 'total'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Averages over all sessions');
    expect(r.stdout).toMatch(/^avg_speed\s+\d/m);
    const j = JSON.parse((await cli(['metrics', 'total', '--json'], { env })).stdout);
    expect(typeof j.avg_metrics.avg_speed).toBe('number');
  });
});

describe('metrics total on an empty account', () => {
  it('exits 4 with a hint about uploading, not about session ids', async () => {
    const empty = await startSim();
    try {
      const r = await cli(['metrics', 'total'], { env: simEnv(empty, home) });
      expect(r.code).toBe(4);
      expect(r.stderr).toContain('No running metrics yet');
      expect(r.stderr).toContain('Hint: Metrics appear once');
    } finally {
      await empty.close();
    }
  });
});

describe('video', () => {
  it('prints the analyzed video URL, which the server really serves', async () => {
    const r = await cli(['video', id, '--generate', '--json'], { env });
    expect(r.code).toBe(0);
    const url = JSON.parse(r.stdout).analyzed_video_url as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const plain = await cli(['video', id], { env });
    expect(plain.stdout.trim()).toBe(url);
  });

  it('an unknown activity exits 2 without a request', async () => {
    const before = requestCount(sim);
    const r = await cli(['video', id, '--activity', 'swimming'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--activity must be');
    expect(requestCount(sim)).toBe(before);
  });
});
