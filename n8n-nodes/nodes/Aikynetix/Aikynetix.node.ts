import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { nodeProperties } from './actions/resources';
import { router } from './actions/router';
import { aikynetixApiTest, searchProcessedSessions, searchSessions } from './methods';

/** AIKYNETIX: every API operation, derived from the core's operation registry. */
export class Aikynetix implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AIKYNETIX',
		name: 'aikynetix',
		icon: { light: 'file:../../icons/aikynetix.svg', dark: 'file:../../icons/aikynetix.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Upload running videos and read AIKYNETIX biomechanics reports and GenAI summaries',
		defaults: { name: 'AIKYNETIX' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'aikynetixApi', required: true, testedBy: 'aikynetixApiTest' }],
		properties: nodeProperties(),
	};

	methods = {
		credentialTest: { aikynetixApiTest },
		listSearch: { searchSessions, searchProcessedSessions },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
