import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { Aikynetix } from '@aikynetix/core/host';
import { defineNodeOperation } from '../../shared/operation';
import { readInput } from '../../shared/input';
import { showFor } from '../../shared/properties';
import { downloadVideo } from '../../shared/download';

const key = { resource: 'analyzedVideo', operation: 'get' };

/** Get Analyzed Video: its link, and optionally the file itself as binary data. */
export const get = defineNodeOperation('sessions.getAnalyzedVideo', key, {
	extra: [
		{
			displayName: 'Download Video',
			name: 'downloadVideo',
			type: 'boolean',
			default: false,
			description: 'Whether to download the analyzed video into a binary field (for example to save it or send it on)',
			displayOptions: showFor(key),
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			description: 'The name of the output binary field for the video',
			displayOptions: { show: { ...showFor(key)?.show, downloadVideo: [true] } },
		},
	],
	async execute(this: IExecuteFunctions, client: Aikynetix, itemIndex: number): Promise<INodeExecutionData[]> {
		const input = readInput(this, get.op, itemIndex);
		const signal = this.getExecutionCancelSignal();
		const result = await client.sessions.getAnalyzedVideo(input as never, { signal });
		const item: INodeExecutionData = { json: { session_id: String(input.session_id), ...result }, pairedItem: { item: itemIndex } };
		if (this.getNodeParameter('downloadVideo', itemIndex, false) as boolean) {
			const field = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
			const url = typeof result.analyzed_video_url === 'string' ? result.analyzed_video_url : '';
			item.binary = { [field]: await downloadVideo(this, url, `${String(input.session_id)}-analyzed.mp4`, itemIndex) };
		}
		return [item];
	},
});
