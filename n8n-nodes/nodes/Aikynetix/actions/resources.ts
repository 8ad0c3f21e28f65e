import type { INodeProperties } from 'n8n-workflow';
import type { NodeOperation } from '../shared/operation';
import { nodeOperations } from './operations';

/** The node's resources, each with its operations (every registry operation appears once). */
export const resources: ReadonlyArray<{ name: string; value: string; description: string; operations: NodeOperation[] }> = [
	{ name: 'Analyzed Video', value: 'analyzedVideo', description: 'Videos with the pose overlay drawn in' },
	{ name: 'Jumping', value: 'jumping', description: 'Vertical jump sessions' },
	{ name: 'Running', value: 'running', description: 'Video upload, running reports and GenAI summaries' },
	{ name: 'Session', value: 'session', description: 'Find, fetch, rename and delete sessions of any activity' },
	{ name: 'Weightlifting', value: 'weightlifting', description: 'Weightlifting sessions and lift analysis' },
].map((r) => ({ ...r, operations: nodeOperations.filter((o) => o.key.resource === r.value) }));

/** Every operation of the node. */
export const allOperations: NodeOperation[] = resources.flatMap((r) => r.operations);

/** The operation for a resource/operation pair, if there is one. */
export function findOperation(resource: string, operation: string): NodeOperation | undefined {
	return allOperations.find((o) => o.key.resource === resource && o.key.operation === operation);
}

/** Resource selector, one Operation selector per resource, then every operation's parameters. */
export function nodeProperties(): INodeProperties[] {
	const resourceSelector: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map(({ name, value, description }) => ({ name, value, description })),
		default: 'running',
	};
	const operationSelectors: INodeProperties[] = resources.map((r) => {
		const options = r.operations.map((o) => o.option).sort((a, b) => a.name.localeCompare(b.name));
		const firstOperation = r.value === 'running' ? 'upload' : String(options[0].value);
		return {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [r.value] } },
			options,
			default: firstOperation,
		};
	});
	return [resourceSelector, ...operationSelectors, ...allOperations.flatMap((o) => o.description)];
}
