import { NotFoundError, areaOfActivity } from '@aikynetix/core/host';

/** The core's finding in this editor's words (the fields and trigger event as n8n shows them). */
const HINTS = {
	processing:
		'The session is still being analysed, so it has no report yet: turn on "Wait for Processing" in the Upload Video step, or start the workflow from the AIKYNETIX Trigger (On Session Processed).',
	failed:
		'AIKYNETIX could not analyse this session\'s video, so it will never have a report: upload the video again (it becomes a new session).',
} as const;

/**
 * The API answers 404 alike for an unknown session, a session of another activity and a report
 * of one still processing or failed; the core finds out which (`sessionActivity`, `sessionStatus`).
 * Returns the n8n hint that fits, or undefined to keep the core's hint.
 */
export function notFoundHint(error: unknown): string | undefined {
	if (!(error instanceof NotFoundError)) return undefined;
	if (error.sessionActivity) {
		// The node's resources are the registry's areas, shown capitalised.
		const area = areaOfActivity(error.sessionActivity);
		const resource = area && area.charAt(0).toUpperCase() + area.slice(1);
		return resource
			? `This is a ${error.sessionActivity} session: choose Resource "${resource}" for it.`
			: `This is a ${error.sessionActivity} session, which this node has no reports for.`;
	}
	return error.sessionStatus ? HINTS[error.sessionStatus] : undefined;
}
