import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import {
	ACTIVITIES,
	feedSourceFromApi,
	pollEvents,
	type FeedEventType,
	type FeedState,
} from '@aikynetix/core/host';
import { createClient } from '../shared/client';
import { toNodeError } from '../shared/errors';
import { aikynetixApiTest } from '../shared/credentialTest';
import { eventItem, eventItems, feedFiltersOf, latestMatching, warningItems } from './feed';

/** The events a user can pick, with the labels the editor shows (also in the node's subtitle). */
const EVENTS = [
	{ name: 'New Session', value: 'created', description: 'A video was uploaded (the analysis may still be running)' },
	{ name: 'Session Failed', value: 'failed', description: 'AIKYNETIX could not analyse an uploaded video' },
	{ name: 'Session Processed', value: 'processed', description: 'The analysis of a session finished: its reports are ready' },
];
const SUBTITLES = JSON.stringify(Object.fromEntries(EVENTS.map((e) => [e.value, `On ${e.name}`])));

/**
 * Starts a workflow when a session is uploaded, finishes processing or fails. Exactly once per
 * session and event: the core's event feed keeps a small bounded state in the workflow's static data.
 */
export class AikynetixTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AIKYNETIX Trigger',
		name: 'aikynetixTrigger',
		icon: { light: 'file:../../icons/aikynetix.svg', dark: 'file:../../icons/aikynetix.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ (${SUBTITLES})[$parameter["event"]] }}`,
		description: 'Starts the workflow when an AIKYNETIX session is uploaded, processed or fails',
		defaults: { name: 'AIKYNETIX Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'aikynetixApi', required: true, testedBy: 'aikynetixApiTest' }],
		properties: [
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: EVENTS,
				default: 'processed',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add filter',
				default: {},
				options: [
					{
						displayName: 'Activity',
						name: 'activity',
						type: 'options',
						options: ACTIVITIES.map((a) => ({ name: a, value: a })),
						default: 'Running',
						description: 'Only sessions of this activity',
					},
					{
						displayName: 'Uploaded By',
						name: 'uploadedBy',
						type: 'string',
						default: '',
						description: 'Only sessions uploaded by this admin or sub-admin (user ID)',
					},
					{
						displayName: 'User ID',
						name: 'userId',
						type: 'string',
						default: '',
						description: 'Only sessions of this athlete',
					},
				],
			},
		],
	};

	methods = { credentialTest: { aikynetixApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as FeedEventType;
		const filters = feedFiltersOf(this.getNodeParameter('filters', {}) as IDataObject);
		const { client, secrets } = await createClient(this);
		try {
			if (this.getMode() === 'manual') {
				const latest = await latestMatching(client, event, filters);
				if (!latest) {
					throw new NodeOperationError(this.getNode(), 'No session matches this event and these filters yet', {
						description: 'Upload a video (or loosen the filters), then fetch the test event again.',
					});
				}
				return [[eventItem(event, latest)]];
			}
			const staticData = this.getWorkflowStaticData('node');
			const result = await pollEvents(feedSourceFromApi(client), staticData.feed as FeedState | undefined, {
				events: [event],
				filters,
			});
			// Saved by n8n together with the items it starts the workflow with.
			staticData.feed = result.state as unknown as IDataObject;
			for (const w of result.warnings) this.logger.warn(`AIKYNETIX Trigger: ${w.message}`);
			const items = [...eventItems(result.events), ...warningItems(result.warnings)];
			return items.length > 0 ? [items] : null;
		} catch (error) {
			throw toNodeError(this.getNode(), error, 0, { secrets });
		}
	}
}
