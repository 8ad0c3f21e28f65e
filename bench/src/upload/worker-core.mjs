// Child process: one upload through @aikynetix/core (dist, default undici transport).
// argv: baseUrl apiKey file. Prints {ms, sessionId, maxRss} as JSON.
import { createRequire } from 'node:module';
import { CORE_DIST } from '../lib/paths.mjs';

const [baseUrl, apiKey, file] = process.argv.slice(2);
const { Aikynetix } = createRequire(import.meta.url)(CORE_DIST);
const client = new Aikynetix({ apiKey, baseUrl });
const rssLoaded = process.memoryUsage.rss();
const t0 = performance.now();
const created = await client.running.createSession({ user_id: 'bench-runner', video: file, session_name: 'bench upload (core)' });
const ms = performance.now() - t0;
await client.close();
process.stdout.write(`${JSON.stringify({ ms, sessionId: created.session_id, rssLoaded, maxRss: process.resourceUsage().maxRSS * 1024, cpuMs: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000 })}\n`);
