import { cli, type Sim, requestCount, sampleVideo, scratch, simEnv, startSim } from './helpers';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

let sim: Sim;
let home: string;
let video: string;
beforeAll(async () => {
  sim = await startSim();
  home = scratch();
  video = sampleVideo(home);
});
afterAll(() => sim.close());

describe('upload', () => {
  it('uploads a file, waits for processing and prints the session as JSON', async () => {
    const r = await cli(['upload', video, '--user', 'athlete-1', '--name', 'CLI run', '--incline', '2', '--joints', 'knee,ankle', '--wait', '--poll-interval', '0.1', '--json'], {
      env: simEnv(sim, home),
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.session_id).toMatch(/\S/);
    expect(out.title).toBe('CLI run');
    expect(out.status).toBe('processed');
    expect(out.session.status).toBe('processed');
    expect(out.session.user_id).toBe('athlete-1');
  });

  it('draws a progress bar and status on a TTY, human result on stdout', async () => {
    const r = await cli(['upload', video, '--user', 'athlete-2', '--wait', '--poll-interval', '0.1'], { env: simEnv(sim, home), tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Uploading run.mp4 (300.0 KiB)');
    expect(r.stderr).toMatch(/\[=+\] 100%\s+300\.0 KiB \/ 300\.0 KiB/);
    expect(r.stderr).toMatch(/Session \S+ processed\./);
    expect(r.stdout).toMatch(/^session_id: +\S+/m);
    expect(r.stdout).toMatch(/^status: +processed/m);
  });

  it('prints no bar when stderr is not a TTY', async () => {
    const r = await cli(['upload', video, '--user', 'athlete-3'], { env: simEnv(sim, home) });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).not.toContain('[=');
    expect(r.stdout).toMatch(/status: +processing/);
  });

  it('exits 5 when the session fails to process', async () => {
    // An old-style QuickTime file (no ftyp box): the core's check accepts it as a video, the
    // simulator's processing only knows ftyp-led MP4 and fails it, as AIKYNETIX fails a video it
    // cannot analyse. (A text file no longer gets this far: the core refuses it before uploading.)
    const bad = join(home, 'old-quicktime.mov');
    writeFileSync(bad, Buffer.concat([Buffer.from('\u0000\u0000\u0000\u0008wide\u0000\u0000\u0000\u0010mdat', 'latin1'), Buffer.alloc(64, 1)]));
    const r = await cli(['upload', bad, '--user', 'athlete-1', '--wait', '--poll-interval', '0.1', '--json'], { env: simEnv(sim, home) });
    expect(r.code).toBe(5);
    expect(JSON.parse(r.stdout).error.name).toBe('SessionFailedError');
    expect(r.stderr).toMatch(/failed to process/);
    expect(r.stderr).toMatch(/Hint: /);
  });

  it('exits 6 when the wait times out', async () => {
    await sim.control.setDelays({ processingDelayMs: 60_000 });
    try {
      const r = await cli(['upload', video, '--user', 'athlete-1', '--wait', '--timeout', '0.5', '--poll-interval', '0.1'], { env: simEnv(sim, home) });
      expect(r.code).toBe(6);
      expect(r.stderr).toMatch(/Gave up waiting/);
    } finally {
      sim.control.setDelays({ processingDelayMs: 300 });
    }
  });

  it.each([
    [['--incline', '45'], '--incline (incline_degree)'],
    [['--joints', 'knee,toe'], '--joints (body_joint_angles'],
    [['--user', ' '], '--user (user_id)'],
  ])('rejects bad input %j with exit 2, the field named and no request sent', async (extra, label) => {
    const before = requestCount(sim);
    const args = ['upload', video, '--user', 'athlete-1', ...extra];
    const r = await cli(args, { env: simEnv(sim, home) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(label);
    expect(r.stderr).toContain('nothing was sent');
    expect(requestCount(sim)).toBe(before);
  });

  it('rejects a missing file with exit 2 and no request', async () => {
    const before = requestCount(sim);
    const r = await cli(['upload', join(home, 'nope.mp4'), '--user', 'a', '--json'], { env: simEnv(sim, home) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('file not found');
    expect(JSON.parse(r.stdout).error.issues[0].field).toBe('video');
    expect(requestCount(sim)).toBe(before);
  });

  it.each([
    ['ftp://files.example.com/run.mp4', /ftp:\/\/ URLs are not supported: give an http\(s\) URL or a local file path/],
    ['file://server/share/run.mp4', /not a usable file:\/\/ URL/],
  ])('explains what is wrong with %s (exit 2, no request)', async (source, said) => {
    const before = requestCount(sim);
    const r = await cli(['upload', source, '--user', 'a'], { env: simEnv(sim, home) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(said);
    expect(r.stderr).not.toContain('file not found');
    expect(requestCount(sim)).toBe(before);
  });

  it('takes a file:// URL of a local file as that file', async () => {
    const r = await cli(['upload', `file://${video}`, '--user', 'file-url-user', '--json'], { env: simEnv(sim, home) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).session_id).toMatch(/\S/);
  });

  it('refuses a named pipe (exit 2, no request, no hang)', async () => {
    const fifo = join(home, 'pipe.mp4');
    execFileSync('mkfifo', [fifo]);
    const before = requestCount(sim);
    const r = await cli(['upload', fifo, '--user', 'a'], { env: simEnv(sim, home) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a named pipe');
    expect(requestCount(sim)).toBe(before);
  });

  it('requires --user (usage error, exit 2)', async () => {
    const r = await cli(['upload', video], { env: simEnv(sim, home) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("required option '--user <id>' not specified");
  });
});

describe('upload from a URL and interruption', () => {
  it('streams an http(s) URL through to a new session, with a byte bar on a TTY', async () => {
    const first = JSON.parse((await cli(['upload', video, '--user', 'src', '--json'], { env: simEnv(sim, home) })).stdout);
    const url = `${sim.url}/__sim/videos/${first.session_id}/original.mp4`;
    const r = await cli(['upload', url, '--user', 'from-url', '--wait', '--poll-interval', '0.1'], { env: simEnv(sim, home), tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Streaming ${url} to AIKYNETIX`);
    expect(r.stderr).toMatch(/100%\s+300\.0 KiB \/ 300\.0 KiB/);
    const id = /session_id: +(\S+)/.exec(r.stdout)![1];
    const got = JSON.parse((await cli(['sessions', 'get', id, '--json'], { env: simEnv(sim, home) })).stdout);
    expect(got.sessions[0].user_id).toBe('from-url');
  });

  it('Ctrl-C while waiting exits 130', async () => {
    sim.control.setDelays({ processingDelayMs: 60_000 });
    try {
      const ac = new AbortController();
      const pending = cli(['upload', video, '--user', 'a', '--wait', '--poll-interval', '0.1'], { env: simEnv(sim, home), signal: ac.signal });
      setTimeout(() => ac.abort(), 400);
      const r = await pending;
      expect(r.code).toBe(130);
    } finally {
      sim.control.setDelays({ processingDelayMs: 300 });
    }
  });
});

describe('a password inside the video URL', () => {
  it('never reaches the progress line or the error', async () => {
    const url = sim.url.replace('http://', 'http://runner:Zebra-Pa55-word@');
    const r = await cli(['upload', `${url}/__sim/videos/nope/original.mp4`, '--user', 'u'], { env: simEnv(sim, home), tty: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Streaming http://[redacted]@');
    expect(r.stderr + r.stdout).not.toContain('Zebra-Pa55-word');
  });
});

describe('upload from a URL that cannot be downloaded', () => {
  it('exits 2 naming the video and creates no session', async () => {
    const before = sim.control.stats().sessionsCreated;
    const r = await cli(['upload', `${sim.url}/__sim/videos/nope/original.mp4`, '--user', 'u'], { env: simEnv(sim, home) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<file|url> (video): could not be downloaded');
    expect(sim.control.stats().sessionsCreated).toBe(before);
  });
});
