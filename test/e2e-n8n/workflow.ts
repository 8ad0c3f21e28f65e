import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The importable example the docs ship; the e2e runs exactly this workflow. */
export const EXAMPLE = path.resolve(__dirname, '..', '..', 'docs', 'examples', 'n8n', 'upload-wait-report.json');

interface WorkflowNode {
  name: string;
  type: string;
  parameters: Record<string, unknown>;
  credentials?: Record<string, { id: string; name: string }>;
}

/**
 * The example workflow adapted to a scratch n8n: node types under the prefix the package is
 * loaded with (`CUSTOM` for N8N_CUSTOM_EXTENSIONS), the local video path, the imported credential,
 * and short waits (the simulator processes in seconds).
 */
export function exampleWorkflow(opts: {
  id: string;
  typePrefix: string;
  videoPath: string;
  credential: { id: string; name: string };
}) {
  const workflow = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { nodes: WorkflowNode[] } & Record<string, unknown>;
  for (const node of workflow.nodes) {
    node.type = node.type.replace(/^n8n-nodes-aikynetix\./, `${opts.typePrefix}.`);
    if (node.credentials?.aikynetixApi) node.credentials.aikynetixApi = opts.credential;
    if (node.type === 'n8n-nodes-base.readWriteFile') node.parameters.fileSelector = opts.videoPath;
    if (typeof node.parameters.maxWaitMinutes === 'number') node.parameters.maxWaitMinutes = 3;
  }
  return { ...workflow, id: opts.id, active: false };
}
