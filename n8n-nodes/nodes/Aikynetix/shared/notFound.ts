import type { IExecuteFunctions } from 'n8n-workflow';
import { NotFoundError, type Aikynetix, type AnyOperation } from '@aikynetix/core/host';
import { needsProcessedSession } from './properties';

const HINTS = {
	processing:
		'The session is still being analysed, so it has no report yet: turn on "Wait for Processing" in the Upload Video step, or start the workflow from the AIKYNETIX Trigger (On Session Processed).',
	failed:
		'AIKYNETIX could not analyse this session\'s video, so it will never have a report: upload the video again (it becomes a new session).',
} as const;

/**
 * The API answers 404 alike for an unknown session and for a report of one still processing or
 * failed. For report operations this finds out which (one by-ids lookup) and returns the hint that
 * fits; undefined keeps the core's hint (the session really is unknown, or the lookup failed).
 */
export async function notFoundHint(
	ctx: IExecuteFunctions,
	client: Aikynetix,
	op: AnyOperation | undefined,
	error: unknown,
	itemIndex: number,
): Promise<string | undefined> {
	if (!(error instanceof NotFoundError) || !op || !needsProcessedSession(op)) return undefined;
	try {
		const sessionId = String(ctx.getNodeParameter('sessionId', itemIndex, '', { extractValue: true })).trim();
		if (sessionId === '') return undefined;
		const found = await client.sessions.getByIds({ session_ids: [sessionId] }, { signal: ctx.getExecutionCancelSignal() });
		const status = found.sessions.find((s) => s.id === sessionId)?.status;
		return status === 'processing' || status === 'failed' ? HINTS[status] : undefined;
	} catch {
		// The lookup is only for a better hint: the original error is what the user sees.
		return undefined;
	}
}
