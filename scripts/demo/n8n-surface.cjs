// Surface 2: the flagship automation as an n8n workflow, executed by n8n's own engine
// (n8n-core WorkflowExecute, binary data in filesystem mode): a start node with the video as
// binary data -> AIKYNETIX Upload Video (wait for processing) -> Get Gait Report ->
// Generate Summary (wait for text) -> Generate + Get Analyzed Video.
'use strict';
require('../../shared/swc-register.cjs');
const { join } = require('node:path');
const { report, step, keyMetrics } = require('./shared.cjs');

const harness = join(__dirname, '..', '..', 'n8n-nodes', 'harness');
const { runWorkflow, outputOf } = require(join(harness, 'engine.ts'));
const { aikynetixNode, byId, chain, inputNode, SAMPLE_VIDEO } = require(join(harness, 'workflow.ts'));

(async () => {
  const started = Date.now();
  const id = "={{ $('Upload Video').item.json.session_id }}";
  try {
    step('n8n', 'Start → Upload Video (wait) → Get Gait Report → Generate Summary (wait) → Analyzed Video');
    const run = await runWorkflow(
      chain(
        inputNode([{ athlete: 'demo-athlete' }], SAMPLE_VIDEO),
        aikynetixNode('Upload Video', {
          resource: 'running',
          operation: 'upload',
          userId: '={{ $json.athlete }}',
          binaryPropertyName: 'data',
          waitForProcessing: true,
          maxWaitMinutes: 2,
          options: { sessionName: 'Demo run (n8n)' },
        }),
        aikynetixNode('Get Gait Report', { resource: 'running', operation: 'getGaitReport', sessionId: byId(id) }),
        aikynetixNode('Generate Summary', {
          resource: 'running',
          operation: 'generateSummary',
          sessionId: byId(id),
          waitForText: true,
          maxWaitMinutes: 2,
        }),
        aikynetixNode('Generate Analyzed Video', { resource: 'analyzedVideo', operation: 'generate', sessionId: byId(id) }),
        aikynetixNode('Get Analyzed Video', { resource: 'analyzedVideo', operation: 'get', sessionId: byId(id) }),
      ),
      { apiKey: process.env.AIKYNETIX_API_KEY, baseUrl: process.env.AIKYNETIX_BASE_URL, authStyle: 'authorizationApiKey' },
    );
    const error = run.data.resultData.error;
    if (error) throw new Error(`${error.message}${error.description ? ` — ${error.description}` : ''}`);
    const [uploaded] = outputOf(run, 'Upload Video');
    const [gait] = outputOf(run, 'Get Gait Report');
    const [summary] = outputOf(run, 'Generate Summary');
    const [video] = outputOf(run, 'Get Analyzed Video');
    for (const name of Object.keys(run.data.resultData.runData)) step('n8n', `node "${name}" ran`);
    report({
      surface: 'n8n node',
      sessionId: uploaded.json.session_id,
      status: uploaded.json.status,
      gaitSides: ['left', 'right'].filter((s) => gait.json[s]).length,
      summaryText: Boolean(summary.json.summary_text),
      ...keyMetrics(summary.json),
      videoUrl: video.json.analyzed_video_url,
      seconds: (Date.now() - started) / 1000,
    });
  } catch (err) {
    report({ surface: 'n8n node', error: String((err && err.message) || err).slice(0, 300), seconds: (Date.now() - started) / 1000 });
  }
})();
