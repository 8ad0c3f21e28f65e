// Surface 1: the flagship automation through the `aikynetix` CLI (the core with its undici transport).
'use strict';
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { report, step, keyMetrics } = require('./shared.cjs');

const root = join(__dirname, '..', '..');
const bin = join(root, 'packages', 'cli', 'dist', 'bin.js');
const video = join(root, 'shared', 'fixtures', 'sample-run.mp4');

function cli(args, { json = true } = {}) {
  step('cli', `aikynetix ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [bin, ...args, ...(json ? ['--json'] : [])], {
    env: process.env,
    encoding: 'utf8',
    // stderr inherited: progress bar and wait status appear live
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`aikynetix ${args[0]} exited ${r.status}: ${r.stdout.trim()}`);
  return JSON.parse(r.stdout);
}

const started = Date.now();
try {
  const session = cli(['upload', video, '--user', 'demo-athlete', '--name', 'Demo run (CLI)', '--wait', '--poll-interval', '0.5']);
  const id = session.session_id ?? session.id;
  const gait = cli(['report', 'gait', id]);
  const summary = cli(['summary', id, '--generate', '--wait']);
  const analyzed = cli(['video', id, '--generate']);
  report({
    surface: 'CLI (core)',
    sessionId: id,
    status: session.status ?? 'processed',
    gaitSides: ['left', 'right'].filter((s) => gait[s]).length,
    summaryText: Boolean(summary.summary_text),
    ...keyMetrics(summary),
    videoUrl: analyzed.analyzed_video_url,
    seconds: (Date.now() - started) / 1000,
  });
} catch (err) {
  report({ surface: 'CLI (core)', error: String(err.message || err), seconds: (Date.now() - started) / 1000 });
}
