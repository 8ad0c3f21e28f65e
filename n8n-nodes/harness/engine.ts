import { Container } from '@n8n/di';
import {
	BinaryDataService,
	CredentialTestContext,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PollContext,
	WorkflowExecute,
} from 'n8n-core';
import {
	Workflow,
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type ICredentialTestFunctions,
	type ILoadOptionsFunctions,
	type INode,
	type INodeExecutionData,
	type IRun,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { TestCredentialsHelper } from './credentials';
import { TestNodeTypes } from './nodeTypes';

let binaryReady: Promise<void> | undefined;
/** n8n's binary data store in filesystem mode, set up once per test file. */
export function initBinaryData(): Promise<void> {
	binaryReady ??= Container.get(BinaryDataService).init();
	return binaryReady;
}

/** The engine's per-execution dependencies: the credential store, URLs, hooks. */
export function additionalData(credentials: TestCredentialsHelper, workflowData: IWorkflowBase): IWorkflowExecuteAdditionalData {
	const data = {
		credentialsHelper: credentials,
		hooks: new ExecutionLifecycleHooks('manual', 'test-execution', workflowData),
		executionId: 'test-execution',
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		variables: {},
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not part of these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Task runners are not part of these tests');
		},
	};
	return data as unknown as IWorkflowExecuteAdditionalData;
}

/** A workflow definition as in an exported n8n workflow JSON. */
export interface WorkflowJson {
	nodes: INode[];
	connections: IWorkflowBase['connections'];
}

function workflowBase(json: WorkflowJson): IWorkflowBase {
	return {
		id: 'test-workflow',
		name: 'Test workflow',
		active: false,
		nodes: json.nodes,
		connections: json.connections,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as unknown as IWorkflowBase;
}

/** Runs a workflow from its first node with n8n's own WorkflowExecute; resolves with the finished run. */
export async function runWorkflow(
	json: WorkflowJson,
	credentials: ICredentialDataDecryptedObject,
	mode: WorkflowExecuteMode = 'manual',
): Promise<IRun> {
	await initBinaryData();
	return await startWorkflow(json, credentials, mode);
}

/**
 * Starts a workflow like `runWorkflow` (call `initBinaryData` first) and returns n8n's cancellable
 * run: `cancel()` is what the editor's Stop button does (the execution's abort signal fires).
 */
export function startWorkflow(
	json: WorkflowJson,
	credentials: ICredentialDataDecryptedObject,
	mode: WorkflowExecuteMode = 'manual',
): ReturnType<WorkflowExecute['processRunExecutionData']> {
	const base = workflowBase(json);
	const workflow = new Workflow({
		id: base.id,
		nodes: json.nodes,
		connections: json.connections,
		nodeTypes: new TestNodeTypes(),
		active: false,
		settings: {},
	});
	// Test workflows start at their first node, fed one empty item (as a Manual Trigger would).
	const start = workflow.getNode(json.nodes[0].name);
	if (!start) throw new Error('The workflow has no nodes');
	const runData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }] },
	});
	const execute = new WorkflowExecute(additionalData(new TestCredentialsHelper(credentials), base), mode, runData);
	return execute.processRunExecutionData(workflow);
}

/** Output items of a node in a finished run (first run, first output). */
export function outputOf(run: IRun, nodeName: string): INodeExecutionData[] {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`Node ${nodeName} did not run; error: ${run.data.resultData.error?.message}`);
	return runs[0].data?.main[0] ?? [];
}

/** A trigger node inside a workflow, polled through n8n-core's PollContext like the active-workflow ticker does. */
export class PolledTrigger {
	readonly workflow: Workflow;
	private readonly node: INode;
	private readonly data: IWorkflowExecuteAdditionalData;

	constructor(node: INode, credentials: TestCredentialsHelper) {
		const json = { nodes: [node], connections: {} };
		this.node = node;
		this.workflow = new Workflow({
			id: 'test-trigger-workflow',
			nodes: [node],
			connections: {},
			nodeTypes: new TestNodeTypes(),
			active: true,
			settings: {},
			staticData: {},
		});
		this.data = additionalData(credentials, workflowBase(json));
	}

	/** One poll; `manual` is the editor's "Fetch Test Event". Returns the emitted items or null. */
	async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<INodeExecutionData[] | null> {
		const context = new PollContext(this.workflow, this.node, this.data, mode, mode === 'manual' ? 'manual' : 'activate');
		const nodeType = new TestNodeTypes().getByNameAndVersion(this.node.type);
		const result = await nodeType.poll!.call(context);
		return result ? result[0] : null;
	}
}

/** The credential test of a node, run in n8n-core's CredentialTestContext (what the editor's "Test" button uses). */
export function credentialTestContext(credentials: TestCredentialsHelper): ICredentialTestFunctions {
	return new CredentialTestContext(additionalData(credentials, workflowBase({ nodes: [], connections: {} })));
}

/** The editor's context for a node's list searches (resource locators), from n8n-core. */
export function loadOptionsContext(node: INode, credentials: TestCredentialsHelper, parameterPath: string): ILoadOptionsFunctions {
	const json = { nodes: [node], connections: {} };
	const workflow = new Workflow({ id: 'test-workflow', nodes: [node], connections: {}, nodeTypes: new TestNodeTypes(), active: false, settings: {} });
	return new LoadOptionsContext(workflow, node, additionalData(credentials, workflowBase(json)), parameterPath);
}
