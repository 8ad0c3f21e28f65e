// Poll cost of the session triggers for a 10,000-session account: requests, bytes from the API,
// bytes handed to Zapier, seconds. Runs the built app (dist/) under zapier-platform-core's
// createAppTester against the simulator, through a counting proxy. `pnpm run build` first.
// Usage: node scripts/bench-trigger.mjs [sessions=10000]
import { createServer, request } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(app, 'package.json'));
process.env.NODE_ENV ||= 'test';
const zapier = require('zapier-platform-core');
const App = require(app);
const { start } = require('@aikynetix/simulator');
const total = Number(process.argv[2] ?? 10_000);

/** A proxy that counts requests and response bytes. */
async function countingProxy(target) {
  const t = new URL(target);
  const stats = { requests: 0, bytes: 0 };
  const server = createServer((req, res) => {
    stats.requests++;
    const up = request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: { ...req.headers, host: t.host } }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.on('data', (c) => (stats.bytes += c.length));
      r.pipe(res);
    });
    req.pipe(up);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, stats, close: () => new Promise((r) => server.close(r)) };
}

const tester = zapier.createAppTester(App);
const rows = [];
for (const [scenario, spacingMs] of [
  ['busy: one upload a minute (4,320 in the 72 h window)', 60_000],
  ['quiet: one upload an hour (72 in the window)', 3_600_000],
]) {
  const sim = await start({ port: 0, processingDelayMs: 0 });
  sim.control.seed({ count: total, processed: true, failedEvery: 20, spacingMs });
  const proxy = await countingProxy(sim.url);
  const authData = { apiKey: sim.apiKey, advanced: proxy.url };
  for (const [mode, meta] of [
    ['regular poll', {}],
    ['dedupe poll (Zap turned on)', { isPopulatingDedupe: true }],
    ['sample (Zap editor)', { isLoadingSample: true }],
  ]) {
    proxy.stats.requests = 0;
    proxy.stats.bytes = 0;
    const started = process.hrtime.bigint();
    const items = await tester(App.triggers.session_processed.operation.perform, { authData, inputData: {}, meta });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rows.push({ scenario, mode, requests: proxy.stats.requests, apiKB: Math.round(proxy.stats.bytes / 1024), items: items.length, toZapierKB: Math.round(JSON.stringify(items).length / 1024), seconds: seconds.toFixed(2) });
  }
  await proxy.close();
  await sim.close();
}
console.log(`New Session Processed on a ${total.toLocaleString('en')}-session account (simulator, this machine)\n`);
console.table(rows);
