#!/usr/bin/env node
// The main job (README command 1): start the embedded simulator on a free loopback port and run
// the flagship automation — upload a sample running video, wait for processing, gait report,
// GenAI summary (waiting for its text), analyzed-video URL — through every surface:
// the CLI (core), the n8n node inside n8n's engine, the Zapier app via zapier-platform-core, and
// the MCP server driven by the official MCP SDK client, as an AI agent would.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { start } = require(join(root, 'packages/simulator/dist/index.js'));

/** Each surface runs in its own process, on the Node its host uses. */
const SURFACES = [
  { name: 'CLI (core)', script: 'scripts/demo/cli-surface.cjs', node: process.execPath },
  { name: 'n8n node', script: 'scripts/demo/n8n-surface.cjs', node: process.execPath },
  { name: 'Zapier app', script: 'scripts/demo/zapier-surface.cjs', node: join(root, 'zapier-app/node_modules/.bin/node') },
  { name: 'MCP server', script: 'scripts/demo/mcp-surface.cjs', node: process.execPath },
];

function runSurface(surface, env) {
  return new Promise((resolve) => {
    const node = existsSync(surface.node) ? surface.node : process.execPath;
    const child = spawn(node, [join(root, surface.script)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('@@DEMO_RESULT '));
      if (line) return resolve(JSON.parse(line.slice('@@DEMO_RESULT '.length)));
      resolve({ surface: surface.name, error: `exited ${code} without a result: ${out.trim().slice(-300)}` });
    });
  });
}

const fmt = (v, digits = 2) => (typeof v === 'number' ? v.toFixed(digits) : '–');

function table(rows) {
  const head = ['surface', 'session id', 'status', 'avg speed (m/s)', 'avg cadence (spm)', 'gait sides', 'summary text', 'analyzed video', 'seconds'];
  const body = rows.map((r) =>
    r.error
      ? [r.surface, '–', `FAILED: ${r.error}`, '', '', '', '', '', fmt(r.seconds, 1)]
      : [r.surface, r.sessionId, r.status, fmt(r.speed), fmt(r.cadence, 0), String(r.gaitSides), r.summaryText ? 'yes' : 'no', r.videoUrl ? 'yes' : 'no', fmt(r.seconds, 1)],
  );
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

const sim = await start({ port: 0, processingDelayMs: 2500, genAiDelayMs: 1500 });
console.log(`AIKYNETIX simulator at ${sim.url} (admin key printed by 'aikynetix simulate'; this run uses its own)\n`);
const env = {
  ...process.env,
  AIKYNETIX_BASE_URL: sim.url,
  AIKYNETIX_API_KEY: sim.apiKey,
};
const results = [];
try {
  for (const surface of SURFACES) {
    console.log(`▶ ${surface.name}`);
    results.push(await runSurface(surface, env));
  }
} finally {
  await sim.close();
}
console.log(`\nFlagship automation — upload, wait, gait report, GenAI summary, analyzed video:\n`);
console.log(table(results));
const failed = results.filter((r) => r.error);
if (failed.length) {
  console.error(`\n${failed.length} surface(s) failed.`);
  process.exit(1);
}
console.log(`\nAll ${results.length} surfaces ran the automation end to end.`);
