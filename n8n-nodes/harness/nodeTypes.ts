/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test harness, never shipped */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type INodeTypes,
	type IVersionedNodeType,
} from 'n8n-workflow';
import { Aikynetix } from '../nodes/Aikynetix/Aikynetix.node';
import { AikynetixTrigger } from '../nodes/AikynetixTrigger/AikynetixTrigger.node';

/** Type names as n8n registers an installed community package. */
export const AIKYNETIX = 'n8n-nodes-aikynetix.aikynetix';
export const AIKYNETIX_TRIGGER = 'n8n-nodes-aikynetix.aikynetixTrigger';
export const TEST_INPUT = 'test.input';

/**
 * A start node for test workflows: emits the items given in its parameters and, when `file` is
 * set, attaches that file through n8n's binary helpers (stored on disk in filesystem mode),
 * the way Read/Write Files from Disk does.
 */
class TestInput implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Input',
		name: 'input',
		group: ['input'],
		version: 1,
		description: 'Emits fixed items for tests',
		defaults: { name: 'Test Input' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' },
			{ displayName: 'File', name: 'file', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as Array<Record<string, unknown>>;
		const file = this.getNodeParameter('file', 0) as string;
		const out: INodeExecutionData[] = [];
		for (const json of items) {
			const item: INodeExecutionData = { json: json as INodeExecutionData['json'] };
			if (file) {
				item.binary = {
					data: await this.helpers.prepareBinaryData(createReadStream(file), path.basename(file), 'video/mp4'),
				};
			}
			out.push(item);
		}
		return [out];
	}
}

/** The node registry the engine resolves workflow nodes from. */
export class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType> = {
		[AIKYNETIX]: new Aikynetix(),
		[AIKYNETIX_TRIGGER]: new AikynetixTrigger(),
		[TEST_INPUT]: new TestInput(),
	};

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(nodeType);
	}

	getByNameAndVersion(nodeType: string): INodeType {
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getKnownTypes() {
		return {};
	}
}
