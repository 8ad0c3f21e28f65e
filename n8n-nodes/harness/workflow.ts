/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test harness, never shipped */
import path from 'node:path';
import type { INode, IWorkflowBase } from 'n8n-workflow';
import { AIKYNETIX, TEST_INPUT } from './nodeTypes';

/** The sample running video every upload test sends. */
export const SAMPLE_VIDEO = path.resolve(__dirname, '..', '..', 'shared', 'fixtures', 'sample-run.mp4');

const credentials = { aikynetixApi: { id: 'cred-1', name: 'AIKYNETIX (simulator)' } };

/** An AIKYNETIX node as it appears in an exported workflow. */
export function aikynetixNode(name: string, parameters: INode['parameters']): INode {
	return { id: name, name, type: AIKYNETIX, typeVersion: 1, position: [0, 0], parameters, credentials };
}

/** The test start node: fixed items, optionally with the sample video as binary `data`. */
export function inputNode(items: object[] = [{}], file?: string): INode {
	return {
		id: 'Input',
		name: 'Input',
		type: TEST_INPUT,
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(items), file: file ?? '' },
	};
}

/** A linear workflow: each node feeds the next. */
export function chain(...nodes: INode[]): { nodes: INode[]; connections: IWorkflowBase['connections'] } {
	const connections: IWorkflowBase['connections'] = {};
	nodes.slice(0, -1).forEach((node, i) => {
		connections[node.name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	});
	return { nodes, connections };
}

/** A Session resource-locator value given by ID (or an expression). */
export function byId(value: string) {
	return { __rl: true, mode: 'id', value };
}
