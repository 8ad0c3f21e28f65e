import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastJson, runMeasured } from '../lib/child.mjs';
import { CORE_DIST, N8N_DIST, ZAPIER_INDEX } from '../lib/paths.mjs';
import { fileHost } from './fileHost.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Thrown when a surface cannot run here; printed as "not run: <reason>". */
export class NotRun extends Error {}

async function nodeWorker(script, args, nodeFlags = []) {
  const r = await runMeasured(process.execPath, [...nodeFlags, path.join(here, script), ...args]);
  const out = lastJson(r.stdout);
  if (r.code !== 0 || !out) throw new Error(`${script} failed (exit ${r.code}): ${(r.stderr || r.stdout).slice(-800)}`);
  return { ms: out.ms, sessionId: out.sessionId, rssLoaded: out.rssLoaded, peakRss: Math.max(r.peakRss, out.maxRss ?? 0), cpuMs: Math.max(r.cpuMs, out.cpuMs ?? 0) };
}

async function viaFileHost(script, sim, file) {
  const host = await fileHost(file);
  try {
    return await nodeWorker(script, [sim.url, sim.apiKey, host.url]);
  } finally {
    await host.close();
  }
}

/** Each surface uploads `file` to the simulator in a child process and reports time, session, peak RSS. */
export const SURFACES = [
  {
    name: 'curl -F (baseline)',
    baseline: true,
    async run(sim, file) {
      const r = await runMeasured('curl', [
        '-sS', '--fail-with-body', '-H', `Authorization: API-KEY ${sim.apiKey}`,
        '-F', 'user_id=bench-runner', '-F', 'session_name=bench upload (curl)', '-F', `video=@${file};type=video/mp4`,
        '-w', '\n%{time_total}', `${sim.url}/running/sessions/`,
      ]);
      if (r.code !== 0) throw new Error(`curl failed (exit ${r.code}): ${r.stderr || r.stdout}`);
      const [body, seconds] = r.stdout.trim().split('\n');
      return { ms: Number(seconds) * 1000, sessionId: JSON.parse(body).session_id, peakRss: r.peakRss, cpuMs: r.cpuMs };
    },
  },
  {
    name: '@aikynetix/core (undici)',
    async run(sim, file) {
      if (!existsSync(CORE_DIST)) throw new NotRun('packages/core is not built');
      return nodeWorker('worker-core.mjs', [sim.url, sim.apiKey, file]);
    },
  },
  {
    // Diagnostic: the same upload through a transport that cannot report socket flushes (as host
    // HTTP clients cannot), so the file reader allocates a buffer per chunk: the growth difference
    // is what reusing one read buffer saves.
    name: '@aikynetix/core, a buffer per chunk (diagnostic)',
    diagnostic: true,
    async run(sim, file) {
      if (!existsSync(CORE_DIST)) throw new NotRun('packages/core is not built');
      return nodeWorker('worker-core.mjs', [sim.url, sim.apiKey, file, 'no-reuse']);
    },
  },
  {
    name: 'n8n node (filesystem binary mode)',
    hostBaseline: "n8n's own",
    async run(sim, file) {
      if (!existsSync(path.join(N8N_DIST, 'nodes', 'Aikynetix', 'Aikynetix.node.js'))) throw new NotRun('n8n-nodes is not built');
      return nodeWorker('worker-n8n.mjs', [sim.url, sim.apiKey, file]);
    },
  },
  {
    name: 'Zapier app (file URL, downloaded while uploading)',
    hostBaseline: "zapier-platform-core's own",
    async run(sim, file) {
      if (!existsSync(path.join(path.dirname(ZAPIER_INDEX), 'dist'))) throw new NotRun('zapier-app is not built');
      return viaFileHost('worker-zapier.mjs', sim, file);
    },
  },
  {
    // What the n8n node's path costs outside n8n: tells the node's own overhead from n8n's process.
    name: "reference: the n8n node's HTTP path outside n8n (fs stream, core encoder, axios)",
    reference: 'n8n node (filesystem binary mode)',
    async run(sim, file) {
      if (!existsSync(CORE_DIST)) throw new NotRun('packages/core is not built');
      return nodeWorker('worker-ref-axios.mjs', [sim.url, sim.apiKey, file]);
    },
  },
  {
    name: 'reference: plain node:http, URL download piped into the upload (the Zapier job without Zapier)',
    reference: 'Zapier app (file URL, downloaded while uploading)',
    run: (sim, file) => viaFileHost('worker-ref-pipe.mjs', sim, file),
  },
];
