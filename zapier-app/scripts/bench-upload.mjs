// Benchmark (not a test): Upload Video through the built app (dist/) and zapier-platform-core's
// createAppTester, from a local file host into the simulator, for growing file sizes. Prints
// throughput and the process's peak RSS above its idle level: flat RSS = the video is streamed.
// Needs `pnpm run build` here and the simulator built (turbo's build does both).
// Usage: node scripts/bench-upload.mjs [sizes in MB, default 16 256 1024]
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync, ftruncateSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
process.env.NODE_ENV ||= 'test'; // quiets zapier-platform-core's per-run memory log line
const require = createRequire(join(app, 'package.json'));
const zapier = require('zapier-platform-core');
const App = require(app);
const { start } = require('@aikynetix/simulator');

const sizesMb = process.argv.slice(2).map(Number).filter((n) => n > 0);
const sizes = sizesMb.length > 0 ? sizesMb : [16, 256, 1024];
const dir = mkdtempSync(join(tmpdir(), 'zapier-bench-'));

/** A sparse file with an MP4 header (the simulator sniffs `ftyp`): no disk time spent writing it. */
function videoFile(mb) {
  const path = join(dir, `run-${mb}mb.mp4`);
  const fd = openSync(path, 'w');
  const head = Buffer.alloc(32);
  head.writeUInt32BE(32, 0);
  head.write('ftypisom', 4, 'latin1');
  writeSync(fd, head);
  ftruncateSync(fd, mb * 1024 * 1024);
  closeSync(fd);
  return path;
}

const sim = await start({ port: 0, processingDelayMs: 600_000 });
const files = createServer((req, res) => {
  const mb = Number(/(\d+)mb/.exec(req.url ?? '')?.[1]);
  res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(mb * 1024 * 1024) });
  createReadStream(join(dir, `run-${mb}mb.mp4`)).pipe(res);
});
await new Promise((r) => files.listen(0, '127.0.0.1', r));
const fileUrl = `http://127.0.0.1:${files.address().port}`;
const appTester = zapier.createAppTester(App);
const authData = { apiKey: sim.apiKey, authStyle: 'authorizationApiKey', baseUrl: sim.url };

const rows = [];
try {
  global.gc?.();
  const idle = process.memoryUsage().rss;
  for (const mb of sizes) {
    videoFile(mb);
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const t0 = process.hrtime.bigint();
    const out = await appTester(App.creates.upload_video.operation.perform, {
      authData,
      inputData: { video: `${fileUrl}/run-${mb}mb.mp4`, user_id: 'bench-athlete' },
    });
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    clearInterval(timer);
    const stored = sim.control.session(out.id)?.video?.size;
    if (stored !== mb * 1024 * 1024) throw new Error(`stored ${stored} bytes, sent ${mb * 1024 * 1024}`);
    rows.push([`${mb} MB`, `${secs.toFixed(2)} s`, `${(mb / secs).toFixed(0)} MB/s`, `${((peak - idle) / 1024 / 1024).toFixed(0)} MB`]);
    rmSync(join(dir, `run-${mb}mb.mp4`));
    global.gc?.();
  }
} finally {
  files.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
}

const head = ['video', 'upload time', 'throughput', 'peak RSS over idle'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`Upload Video via createAppTester on Node ${process.version} (file host -> app -> simulator, one process)`);
console.log(line(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
