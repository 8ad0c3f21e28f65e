/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test, never shipped */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NodeHelpers, type INode, type INodeType } from 'n8n-workflow';
import { Aikynetix } from '../nodes/Aikynetix/Aikynetix.node';
import { AikynetixTrigger } from '../nodes/AikynetixTrigger/AikynetixTrigger.node';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'docs', 'examples', 'n8n');
const types: Record<string, INodeType> = {
	'n8n-nodes-aikynetix.aikynetix': new Aikynetix(),
	'n8n-nodes-aikynetix.aikynetixTrigger': new AikynetixTrigger(),
};
const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));

describe('docs/examples/n8n workflows match the nodes (n8n-workflow parameter resolution)', () => {
	it('there are examples for both nodes', () => {
		const used = new Set(files.flatMap((f) => (JSON.parse(readFileSync(path.join(EXAMPLES, f), 'utf8')).nodes as INode[]).map((n) => n.type)));
		expect([...used]).toEqual(expect.arrayContaining(Object.keys(types)));
	});

	it.each(files)('%s: every AIKYNETIX parameter exists for its operation and nothing required is missing', (file) => {
		const workflow = JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8')) as { nodes: INode[]; connections: object };
		for (const node of workflow.nodes.filter((n) => n.type in types)) {
			const { description } = types[node.type];
			const resolved = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) ?? {};
			// pollTimes is added to every polling node by n8n itself.
			const unknown = Object.keys(node.parameters).filter((key) => !(key in resolved) && key !== 'pollTimes');
			expect({ node: node.name, unknown }).toEqual({ node: node.name, unknown: [] });
			expect({ node: node.name, issues: NodeHelpers.getNodeParametersIssues(description.properties, node, description) }).toEqual({
				node: node.name,
				issues: null,
			});
			expect(node.credentials?.aikynetixApi).toBeDefined();
		}
	});
});
