// Reference child process (not a shipped surface): the n8n node's HTTP path without n8n. The same
// n8n binary-store-like stream (fs.ReadStream, 64 KiB chunks), the core's multipart encoder and
// toNodeBody, sent with the axios n8n's HTTP helper uses, in a small fresh process.
// argv: baseUrl apiKey file. Prints {ms, sessionId, rssLoaded, maxRss, cpuMs} as JSON.
import { createReadStream, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CORE_DIST, requireFrom } from '../lib/paths.mjs';

const [baseUrl, apiKey, file] = process.argv.slice(2);
const n8nCore = requireFrom('n8n-nodes').resolve('n8n-core');
const network = createRequire(n8nCore).resolve('@n8n/backend-network');
const axios = createRequire(network)('axios');
const core = createRequire(import.meta.url)(path.join(path.dirname(CORE_DIST), 'host.js'));
const rssLoaded = process.memoryUsage.rss();
const t0 = performance.now();
const size = statSync(file).size;
const video = await core.openVideo({ stream: createReadStream(file), size, filename: 'run.mp4' });
const mp = core.encodeMultipart([['user_id', 'bench-runner'], ['session_name', 'bench upload (axios reference)']], { field: 'video', ...video });
const res = await axios({
  url: `${baseUrl}/running/sessions/`,
  method: 'POST',
  headers: { authorization: `API-KEY ${apiKey}`, 'content-type': mp.contentType, 'content-length': String(mp.contentLength) },
  data: core.toNodeBody(mp.body),
  maxRedirects: 0,
  maxBodyLength: Infinity,
  responseType: 'text',
});
const ms = performance.now() - t0;
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ ms, sessionId: JSON.parse(res.data).session_id, rssLoaded, maxRss: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 })}\n`);
