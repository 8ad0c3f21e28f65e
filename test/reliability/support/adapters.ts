/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * The adapters' own test harnesses (zapier-app/test/support: createAppTester; n8n-nodes/harness:
 * n8n-core's WorkflowExecute and PollContext), loaded at run time through jest. They compile under
 * their packages' tsconfigs (which map `@aikynetix/core/host`), so this package types only the
 * small surface it uses.
 */

/** A failure as it leaves createAppTester (z.errors.Error arrives named AppError). */
export interface ZapierFailure {
  name: string;
  message: string;
}

/** A local HTTP server and the requests it saw. */
export interface Recorded {
  url: string;
  requests: Array<{ method: string; url: string; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

export type ZapKind = 'creates' | 'searches' | 'triggers';

interface ZapierHarness {
  run(kind: ZapKind, key: string, bundle: Record<string, unknown>): Promise<any>;
  failureOf(p: Promise<unknown>): Promise<ZapierFailure>;
  payloadOf(err: ZapierFailure): { message: string; code?: string; status?: number; delay?: number };
  ownMessage(err: ZapierFailure): string;
}

/** zapier-app's createAppTester harness. */
export function zapier(): ZapierHarness & { fileHost(path: string, filename: string): Promise<Recorded> } {
  const app = require('../../../zapier-app/test/support/app') as ZapierHarness;
  const servers = require('../../../zapier-app/test/support/servers') as { fileHost(path: string, filename: string): Promise<Recorded> };
  return { ...app, fileHost: servers.fileHost };
}

/** The slice of an n8n workflow node these tests build. */
export interface N8nNode {
  id: string;
  name: string;
  type: string;
  typeVersion: number;
  position: [number, number];
  parameters: Record<string, unknown>;
  credentials?: Record<string, { id: string; name: string }>;
}
export interface N8nWorkflow {
  nodes: N8nNode[];
  connections: Record<string, unknown>;
}
export interface N8nItem {
  json: Record<string, unknown>;
}
/** A finished n8n run (IRun), as far as these tests read it. */
export interface N8nRun {
  data: { resultData: { error?: unknown; runData: Record<string, unknown> } };
}
export interface N8nCredentials {
  apiKey: string;
  baseUrl: string;
  authStyle: string;
}
export interface PolledTrigger {
  poll(mode?: 'trigger' | 'manual'): Promise<N8nItem[] | null>;
  workflow: { staticData: Record<string, unknown> };
}

interface N8nHarness {
  runWorkflow(json: N8nWorkflow, credentials: N8nCredentials): Promise<N8nRun>;
  outputOf(run: N8nRun, nodeName: string): N8nItem[];
  PolledTrigger: new (node: N8nNode, credentials: unknown) => PolledTrigger;
  TestCredentialsHelper: new (data: N8nCredentials) => unknown;
  AIKYNETIX_TRIGGER: string;
  aikynetixNode(name: string, parameters: Record<string, unknown>): N8nNode;
  inputNode(items?: object[], file?: string): N8nNode;
  chain(...nodes: N8nNode[]): N8nWorkflow;
  byId(value: string): Record<string, unknown>;
}

/** n8n-nodes' engine harness; its env setup runs first (n8n-core reads settings when loaded). */
export function n8n(): N8nHarness {
  require('../../../n8n-nodes/harness/env');
  return {
    ...(require('../../../n8n-nodes/harness/engine') as object),
    ...(require('../../../n8n-nodes/harness/credentials') as object),
    ...(require('../../../n8n-nodes/harness/nodeTypes') as object),
    ...(require('../../../n8n-nodes/harness/workflow') as object),
  } as N8nHarness;
}
