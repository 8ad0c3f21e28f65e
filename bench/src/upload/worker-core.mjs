// Child process: one upload through @aikynetix/core (dist, default undici transport).
// argv: baseUrl apiKey file [no-reuse]. Prints {ms, sessionId, maxRss} as JSON. With `no-reuse` the
// transport drops the upload's buffer recycler, as a host HTTP client (n8n, Zapier) would.
import { createRequire } from 'node:module';
import { CORE_DIST } from '../lib/paths.mjs';

const [baseUrl, apiKey, file, mode] = process.argv.slice(2);
const { Aikynetix, createUndiciTransport } = createRequire(import.meta.url)(CORE_DIST);
const undici = createUndiciTransport();
const transport = mode === 'no-reuse' ? { send: (req) => undici.send({ ...req, recycler: undefined }), close: () => undici.close() } : undici;
const client = new Aikynetix({ apiKey, baseUrl, transport });
const rssLoaded = process.memoryUsage.rss();
const t0 = performance.now();
const created = await client.running.createSession({ user_id: 'bench-runner', video: file, session_name: 'bench upload (core)' });
const ms = performance.now() - t0;
await client.close();
process.stdout.write(`${JSON.stringify({ ms, sessionId: created.session_id, rssLoaded, maxRss: process.resourceUsage().maxRSS * 1024, cpuMs: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000 })}\n`);
