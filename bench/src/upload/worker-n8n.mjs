// Child process: one Upload Video through the AIKYNETIX n8n node, run by n8n's own WorkflowExecute
// (the n8n helper's engine harness), the video arriving as binary data in filesystem mode.
// argv: baseUrl apiKey file. Prints {ms, sessionId, rssLoaded, maxRss} as JSON; `ms` is the
// upload node's own execution time (the input node copying the file into n8n's store is not timed).
import { loadN8nHarness } from '../lib/n8nHarness.mjs';

const [baseUrl, apiKey, file] = process.argv.slice(2);
const { engine, workflow } = loadN8nHarness();
const rssLoaded = process.memoryUsage.rss();
const run = await engine.runWorkflow(
  workflow.chain(
    workflow.inputNode([{}], file),
    workflow.aikynetixNode('Upload', { resource: 'running', operation: 'upload', userId: 'bench-runner', binaryPropertyName: 'data', options: { sessionName: 'bench upload (n8n)' } }),
  ),
  { apiKey, baseUrl, authStyle: 'authorizationApiKey' },
);
if (run.data.resultData.error) throw new Error(`n8n run failed: ${run.data.resultData.error.message}`);
const [upload] = run.data.resultData.runData.Upload;
const sessionId = upload.data.main[0][0].json.session_id;
process.stdout.write(`${JSON.stringify({ ms: upload.executionTime, sessionId, rssLoaded, maxRss: process.resourceUsage().maxRSS * 1024, cpuMs: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000 })}\n`);
