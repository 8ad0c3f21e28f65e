import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { Aikynetix, VideoStreamInput } from '@aikynetix/core/host';
import { defineNodeOperation } from '../../shared/operation';
import { readInput } from '../../shared/input';
import { showFor } from '../../shared/properties';
import { waitOptionsOf, waitProperties } from '../../shared/wait';
import { binaryReadError } from '../../shared/binaryErrors';

const key = { resource: 'running', operation: 'upload' };

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
	yield bytes;
}

/**
 * The video from an input binary field, as a stream. In filesystem/S3 binary mode it is read
 * from n8n's store chunk by chunk, so a 2 GB file never sits in memory.
 */
async function videoOf(ctx: IExecuteFunctions, itemIndex: number, field: string): Promise<VideoStreamInput> {
	const binary = ctx.helpers.assertBinaryData(itemIndex, field);
	const filename = binary.fileName;
	const contentType = binary.mimeType;
	try {
		if (binary.id) {
			const [stream, metadata] = await Promise.all([
				ctx.helpers.getBinaryStream(binary.id),
				ctx.helpers.getBinaryMetadata(binary.id),
			]);
			return { stream, size: metadata.fileSize, filename, contentType };
		}
		// Default (in-memory) binary mode: the bytes are already in the item.
		const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, field);
		return { stream: once(buffer), size: buffer.length, filename, contentType };
	} catch (error) {
		// n8n's own "File not found" does not say that queue mode needs another binary data mode.
		throw binaryReadError(ctx.getNode(), error, { itemIndex, field, binaryId: binary.id }) ?? error;
	}
}

/** Upload Video: creates a running session from a binary video, optionally waiting for the analysis. */
export const upload = defineNodeOperation('running.createSession', key, {
	extra: [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field containing the video (MP4 or MOV)',
			description: 'Read Files from Disk, HTTP Request or Google Drive nodes put files in the field "data"',
			displayOptions: showFor(key),
		},
		...waitProperties(key, {
			name: 'waitForProcessing',
			displayName: 'Wait for Processing',
			description:
				'Whether to wait until AIKYNETIX has analysed the video, so the next steps can read its reports. A failed analysis stops the node with an error.',
			defaultMinutes: 30,
		}),
	],
	async execute(this: IExecuteFunctions, client: Aikynetix, itemIndex: number): Promise<INodeExecutionData[]> {
		const input = readInput(this, upload.op, itemIndex);
		const field = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
		const video = await videoOf(this, itemIndex, field);
		const signal = this.getExecutionCancelSignal();
		let created;
		try {
			created = await client.running.createSession({ ...(input as { user_id: string }), video }, { signal });
		} finally {
			// Frees the binary store's file handle when bad input stopped the upload before reading it.
			(video.stream as { destroy?: () => void }).destroy?.();
		}
		if (!(this.getNodeParameter('waitForProcessing', itemIndex, false) as boolean)) {
			return [{ json: { ...created, status: 'processing' }, pairedItem: { item: itemIndex } }];
		}
		const session = await client.waitForSession(created.session_id, waitOptionsOf(this, itemIndex));
		return [{ json: { ...created, ...session, session_id: created.session_id }, pairedItem: { item: itemIndex } }];
	},
});
