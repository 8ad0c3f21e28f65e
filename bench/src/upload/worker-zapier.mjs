// Child process: one Upload Video create through the built Zapier app, run by
// zapier-platform-core's createAppTester; the video is a file URL on a local HTTP server.
// argv: baseUrl apiKey fileUrl. Prints {ms, sessionId, maxRss} as JSON.
import { createRequire } from 'node:module';
import { requireFrom, ZAPIER_INDEX } from '../lib/paths.mjs';

const [baseUrl, apiKey, fileUrl] = process.argv.slice(2);
const zapier = requireFrom('zapier-app')('zapier-platform-core');
const App = createRequire(import.meta.url)(ZAPIER_INDEX);
const appTester = zapier.createAppTester(App);
const rssLoaded = process.memoryUsage.rss();
const t0 = performance.now();
const result = await appTester(App.creates.upload_video.operation.perform, {
  authData: { apiKey, authStyle: 'authorizationApiKey', baseUrl },
  inputData: { video: fileUrl, user_id: 'bench-runner', session_name: 'bench upload (zapier)' },
});
const ms = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ ms, sessionId: result.id, rssLoaded, maxRss: process.resourceUsage().maxRSS * 1024, cpuMs: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000 })}\n`);
