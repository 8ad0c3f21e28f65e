// The workflows the queue-mode test runs, as n8n workflow JSON. AIKYNETIX nodes use the package's
// own type names (it is installed as a community package on every instance).
import path from 'node:path';

/** The documented recipe: processed sessions exactly once, with a scheduled catch-up. */
export const CATCH_UP_EXAMPLE = path.resolve(__dirname, '..', '..', 'docs', 'examples', 'n8n', 'queue-processed-with-catch-up.json');

const AIK = 'n8n-nodes-aikynetix.aikynetix';
const AIK_TRIGGER = 'n8n-nodes-aikynetix.aikynetixTrigger';

/** A credential reference as n8n stores it in a node. */
export interface CredentialRef {
  id: string;
  name: string;
}

type Node = Record<string, unknown> & { name: string; type: string; parameters: Record<string, unknown> };

function node(name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, x: number, credential?: CredentialRef): Node {
  return {
    id: `${name.replace(/\W/g, '').toLowerCase()}-${x}`,
    name,
    type,
    typeVersion,
    position: [x, 0],
    parameters,
    ...(credential ? { credentials: { aikynetixApi: credential } } : {}),
  };
}

function linear(nodes: Node[]): Record<string, unknown> {
  const connections: Record<string, unknown> = {};
  nodes.slice(0, -1).forEach((n, i) => {
    connections[n.name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
  });
  return connections;
}

/** Posts one JSON body per item to the test's recorder. */
export function recorderNode(name: string, url: string, fields: Record<string, string>, x: number): Node {
  return node(
    name,
    'n8n-nodes-base.httpRequest',
    4.2,
    {
      method: 'POST',
      url,
      sendBody: true,
      specifyBody: 'json',
      jsonBody: `={{ JSON.stringify({ ${Object.entries(fields)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')} }) }}`,
      options: {},
    },
    x,
  );
}

const sessionById = (expression: string) => ({ __rl: true, mode: 'id', value: expression });

/** AIKYNETIX Trigger (Session Processed, polled every minute: n8n's shortest interval) → Get Gait Report → recorder. */
export function triggerWorkflow(opts: { credential: CredentialRef; recorderUrl: string; summary?: boolean }) {
  const nodes: Node[] = [
    node('Session Processed', AIK_TRIGGER, 1, {
      pollTimes: { item: [{ mode: 'everyMinute' }] },
      event: 'processed',
      filters: {},
    }, 0, opts.credential),
    node('Get Gait Report', AIK, 1, { resource: 'running', operation: 'getGaitReport', sessionId: sessionById('={{ $json.session_id }}') }, 220, opts.credential),
  ];
  if (opts.summary) {
    nodes.push(
      node('Generate Summary', AIK, 1, {
        resource: 'running',
        operation: 'generateSummary',
        sessionId: sessionById("={{ $('Session Processed').item.json.session_id }}"),
        waitForText: true,
        maxWaitMinutes: 2,
        options: {},
      }, 440, opts.credential),
    );
  }
  nodes.push(
    recorderNode('Record', `${opts.recorderUrl}/trigger`, {
      session_id: "$('Session Processed').item.json.session_id",
      execution_id: '$execution.id',
      has_report: "$('Get Gait Report').item.json.left !== undefined",
    }, 660),
  );
  return { name: 'Queue e2e: processed -> gait report -> record', nodes, connections: linear(nodes), settings: { executionOrder: 'v1' } };
}

/** Webhook (multipart file `data`) → Upload Video (→ optionally wait) → responds with the last node's output. */
export function uploadWorkflow(opts: { credential: CredentialRef; path: string; wait?: boolean; maxWaitMinutes?: number }) {
  const nodes: Node[] = [
    node('Webhook', 'n8n-nodes-base.webhook', 2, {
      httpMethod: 'POST',
      path: opts.path,
      responseMode: 'lastNode',
      options: {},
    }, 0),
    node('Upload Video', AIK, 1, {
      resource: 'running',
      operation: 'upload',
      userId: '={{ $json.body.athlete }}',
      binaryPropertyName: 'data',
      options: { sessionName: '={{ $json.body.title }}' },
      waitForProcessing: opts.wait ?? false,
      maxWaitMinutes: opts.maxWaitMinutes ?? 30,
    }, 220, opts.credential),
  ];
  (nodes[0] as Record<string, unknown>).webhookId = `${opts.path}-hook`;
  return { name: `Queue e2e: webhook upload (${opts.path})`, nodes, connections: linear(nodes), settings: { executionOrder: 'v1' } };
}
