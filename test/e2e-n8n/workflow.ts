/** The end-to-end workflow: read a video, upload and wait, gait report, GenAI summary. */
export interface E2eIds {
  workflowId: string;
  credentialId: string;
  credentialName: string;
}

/** Builds the importable workflow; `nodeType` is e.g. `CUSTOM.aikynetix` (N8N_CUSTOM_EXTENSIONS). */
export function buildWorkflow(ids: E2eIds, nodeType: string, videoPath: string) {
  const credentials = { aikynetixApi: { id: ids.credentialId, name: ids.credentialName } };
  const aikynetix = (name: string, x: number, parameters: Record<string, unknown>) => ({
    id: `node-${name.toLowerCase().replace(/\W+/g, '-')}`,
    name,
    type: nodeType,
    typeVersion: 1,
    position: [x, 0],
    parameters,
    credentials,
  });
  const nodes = [
    {
      id: 'node-start',
      name: 'Start',
      type: 'n8n-nodes-base.manualTrigger',
      typeVersion: 1,
      position: [0, 0],
      parameters: {},
    },
    {
      id: 'node-read-video',
      name: 'Read Video',
      type: 'n8n-nodes-base.readWriteFile',
      typeVersion: 1,
      position: [220, 0],
      parameters: { operation: 'read', fileSelector: videoPath, options: {} },
    },
    aikynetix('Upload Video', 440, {
      resource: 'running',
      operation: 'upload',
      userId: 'athlete-e2e',
      binaryPropertyName: 'data',
      waitForProcessing: true,
      maxWaitMinutes: 3,
      options: { sessionName: 'E2E treadmill run', inclineDegree: 2, bodyJointAngles: ['knee', 'ankle'] },
    }),
    aikynetix('Get Gait Report', 660, {
      resource: 'running',
      operation: 'getGaitReport',
      sessionId: { __rl: true, mode: 'id', value: '={{ $json.session_id }}' },
    }),
    aikynetix('Generate Summary', 880, {
      resource: 'running',
      operation: 'generateSummary',
      sessionId: { __rl: true, mode: 'id', value: "={{ $('Upload Video').item.json.session_id }}" },
      options: { measurementSystem: 'metric' },
      waitForText: true,
      maxWaitMinutes: 3,
    }),
  ];
  const chain = ['Start', 'Read Video', 'Upload Video', 'Get Gait Report', 'Generate Summary'];
  const connections = Object.fromEntries(
    chain.slice(0, -1).map((from, i) => [from, { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] }]),
  );
  return { id: ids.workflowId, name: 'AIKYNETIX end-to-end', active: false, nodes, connections, settings: {}, pinData: {} };
}
