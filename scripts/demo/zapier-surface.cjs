// Surface 3: the same automation as two zaps would run it, through zapier-platform-core's app
// tester (Zapier's own runner) on Node 22: Upload Video returns at once; New Session Processed
// fires later; then Gait Report, Generate Summary, Running Summary and the analyzed video.
'use strict';
const { createReadStream, statSync } = require('node:fs');
const { createServer } = require('node:http');
const { join } = require('node:path');
const { report, step, until } = require("./shared.cjs");

const root = join(__dirname, '..', '..');
const appDir = join(root, 'zapier-app');
const zapier = require(require.resolve('zapier-platform-core', { paths: [appDir] }));
const App = require(appDir);
const tester = zapier.createAppTester(App);
const video = join(root, 'shared', 'fixtures', 'sample-run.mp4');

/** Stands in for the file host Zapier hydrates `file` fields from (Drive, Dropbox...). */
function fileHost() {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': statSync(video).size });
    createReadStream(video).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function run(kind, key, inputData, authData) {
  const t = Date.now();
  const out = await tester(App[kind][key].operation.perform, { authData, inputData });
  step('zapier', `${kind}.${key} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  return out;
}

(async () => {
  const started = Date.now();
  const authData = {
    apiKey: process.env.AIKYNETIX_API_KEY,
    baseUrl: process.env.AIKYNETIX_BASE_URL,
    authStyle: 'authorizationApiKey',
  };
  const host = await fileHost();
  try {
    const fileUrl = `http://127.0.0.1:${host.address().port}/sample-run.mp4`;
    // zap 1: a file arrives -> Upload Video
    const created = await run('creates', 'upload_video', { video: fileUrl, user_id: 'demo-athlete', session_name: 'Demo run (Zapier)' }, authData);
    const id = created.id;
    // zap 2: New Session Processed polls until the session shows up (Zapier polls every few minutes)
    const processed = await until(
      async () => (await run('triggers', 'session_processed', {}, authData)).find((s) => s.id === id),
      { intervalMs: 1000, timeoutMs: 60000 },
    );
    const gait = await run('searches', 'gait_analysis_report', { session_id: id }, authData);
    await run('creates', 'generate_summary', { session_id: id }, authData);
    const summary = await until(
      async () => {
        const [s] = await run('searches', 'running_summary', { session_id: id }, authData);
        return s && s.summary_ready ? s : undefined;
      },
      { intervalMs: 1000, timeoutMs: 60000 },
    );
    await run('creates', 'generate_analyzed_video', { session_id: id }, authData);
    const [videoInfo] = await run('searches', 'analyzed_video_url', { session_id: id }, authData);
    report({
      surface: 'Zapier app',
      sessionId: id,
      status: processed.status,
      gaitSides: ['left', 'right'].filter((s) => gait[0] && gait[0][`${s}__peak_time`] != null).length,
      summaryText: true,
      speed: summary.performance_metrics__speed__avg,
      cadence: summary.performance_metrics__cadence__avg,
      videoUrl: videoInfo && videoInfo.analyzed_video_url,
      seconds: (Date.now() - started) / 1000,
    });
  } catch (err) {
    report({ surface: 'Zapier app', error: String((err && err.message) || err).slice(0, 300), seconds: (Date.now() - started) / 1000 });
  } finally {
    host.close();
  }
})();
