// The documented recipe (docs/examples/n8n/queue-processed-with-catch-up.json) split into its two
// entry points, so the test can run the trigger path first, kill a worker, and only then start
// the catch-up. Both parts share the recipe's data table, exactly as the single workflow does.
import { readFileSync } from 'node:fs';
import type { CredentialRef } from './workflows';

type Node = { name: string; type: string; parameters: Record<string, any>; credentials?: Record<string, unknown> };
type Workflow = { name: string; nodes: Node[]; connections: Record<string, any> } & Record<string, unknown>;

const TRIGGER = 'n8n-nodes-aikynetix.aikynetixTrigger';
const SCHEDULE = 'n8n-nodes-base.scheduleTrigger';

function adapt(workflow: Workflow, opts: { credential: CredentialRef; deliverUrl: string; everySeconds: number }): Workflow {
  for (const node of workflow.nodes) {
    if (node.credentials?.aikynetixApi) node.credentials = { aikynetixApi: opts.credential };
    if (node.type === SCHEDULE) node.parameters.rule = { interval: [{ field: 'seconds', secondsInterval: opts.everySeconds }] };
    if (node.name === 'Deliver') node.parameters.url = opts.deliverUrl;
    // The grace period keeps the catch-up off sessions the trigger may be delivering right now; the
    // test starts the catch-up only once the trigger path is idle, so it needs none.
    if (node.type === 'n8n-nodes-base.filter') {
      const text = JSON.stringify(node.parameters).replace('$now.minus({ minutes: 15 })', '$now.plus({ minutes: 5 })');
      node.parameters = JSON.parse(text);
    }
  }
  return workflow;
}

/** Removes the named entry node and the nodes only it leads to (up to the shared "Not Delivered Yet"). */
function without(workflow: Workflow, entries: string[], suffix: string): Workflow {
  const drop = new Set(entries);
  const nodes = workflow.nodes.filter((n) => !drop.has(n.name));
  const connections = Object.fromEntries(Object.entries(workflow.connections).filter(([from]) => !drop.has(from)));
  return { ...workflow, name: `${workflow.name} (${suffix})`, nodes, connections };
}

/** The recipe's trigger path and its catch-up path as two workflows, adapted to the test. */
export function recipeParts(file: string, opts: { credential: CredentialRef; deliverUrl: string; everySeconds: number }) {
  const load = () => adapt(JSON.parse(readFileSync(file, 'utf8')) as Workflow, opts);
  const full = load();
  const trigger = full.nodes.find((n) => n.type === TRIGGER)!.name;
  const schedule = full.nodes.find((n) => n.type === SCHEDULE)!.name;
  // What the schedule leads to before the shared part: Find Sessions and the grace filter.
  const catchUpOnly = [schedule, ...full.nodes.filter((n) => n.type === 'n8n-nodes-base.filter' || n.parameters.operation === 'search').map((n) => n.name)];
  return {
    triggerPart: without(load(), catchUpOnly, 'trigger path'),
    catchUpPart: without(load(), [trigger], 'catch-up path'),
  };
}
