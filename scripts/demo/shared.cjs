// Helpers shared by the demo's surfaces (plain CommonJS: each surface runs in its own Node).
'use strict';

/** Print the surface's result for the orchestrator: one marked JSON line on stdout. */
function report(result) {
  process.stdout.write(`@@DEMO_RESULT ${JSON.stringify(result)}\n`);
}

/** A step line on stderr, e.g. "[zapier] upload_video ... 0.4 s". */
function step(surface, text) {
  process.stderr.write(`  [${surface}] ${text}\n`);
}

/** Key numbers of a running summary (as the API returns it) for the side-by-side table. */
function keyMetrics(summary) {
  const pm = (summary && summary.performance_metrics) || {};
  const avg = (m) => (pm[m] && typeof pm[m].avg === 'number' ? pm[m].avg : undefined);
  return { speed: avg('speed'), cadence: avg('cadence') };
}

/** Retry `fn` every `intervalMs` until it returns a truthy value or `timeoutMs` passes. */
async function until(fn, { intervalMs = 1000, timeoutMs = 60000 } = {}) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) throw new Error(`gave up after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

module.exports = { report, step, keyMetrics, until };
