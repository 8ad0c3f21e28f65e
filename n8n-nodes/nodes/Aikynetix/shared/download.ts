import { NodeOperationError, type IBinaryData, type IExecuteFunctions } from 'n8n-workflow';

function fileNameOf(url: string): string | undefined {
	try {
		const last = new URL(url).pathname.split('/').filter(Boolean).pop();
		return last && /\.[a-z0-9]{2,4}$/i.test(last) ? decodeURIComponent(last) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Streams a video link into n8n's binary store. The link points at file storage, not the API,
 * so the request deliberately carries no AIKYNETIX credentials.
 */
export async function downloadVideo(
	ctx: IExecuteFunctions,
	url: string,
	fallbackName: string,
	itemIndex: number,
): Promise<IBinaryData> {
	if (!/^https?:\/\//i.test(url)) {
		throw new NodeOperationError(ctx.getNode(), 'AIKYNETIX returned no analyzed video link for this session', {
			itemIndex,
			description: 'Generate it first (Analyzed Video > Generate Analyzed Video), then run this step again.',
		});
	}
	const response = (await ctx.helpers.httpRequest({
		method: 'GET',
		url,
		encoding: 'stream',
		returnFullResponse: true,
		abortSignal: ctx.getExecutionCancelSignal(),
	})) as { body: Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0]; headers: Record<string, string> };
	const mimeType = (response.headers['content-type'] ?? 'video/mp4').split(';')[0].trim();
	return await ctx.helpers.prepareBinaryData(response.body, fileNameOf(url) ?? fallbackName, mimeType);
}
