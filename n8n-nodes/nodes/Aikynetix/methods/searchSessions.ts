import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { MAX_PAGE_SIZE, type ListedSession } from '@aikynetix/core/host';
import { createClient } from '../../shared/client';
import { toNodeError } from '../../shared/errors';

const PAGE = 50;
/** What the picker says about a session that has no reports (yet). */
const NO_REPORT: Record<string, string> = { processing: 'still processing', failed: 'failed' };

function labelOf(s: ListedSession): string {
	const title = (typeof s.title === 'string' && s.title.trim()) || 'Untitled session';
	const state = s.status ? NO_REPORT[s.status] : undefined;
	const details = [s.activity, s.created_at_iso?.slice(0, 10), state].filter(Boolean).join(', ');
	return details ? `${title} (${details})` : title;
}

/**
 * One page of the picker, newest first. A search text filters by title (one page: the API pages
 * only unfiltered listings); without one, the list pages through the account. `reportsOnly`
 * leaves out sessions still processing or failed, which have no report to read.
 */
async function listSessions(
	ctx: ILoadOptionsFunctions,
	reportsOnly: boolean,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { client, secrets } = await createClient(ctx);
	const title = filter?.trim();
	const status = reportsOnly ? ({ video_status: 'processed' } as const) : {};
	const input = title
		? { title, limit: MAX_PAGE_SIZE, ...status }
		: { limit: PAGE, ...(paginationToken ? { start_after_id: paginationToken } : {}) };
	let page;
	try {
		page = await client.sessions.filter(input);
	} catch (error) {
		// Shown in the picker: the same actionable message as in a run (e.g. "check the API key").
		throw toNodeError(ctx.getNode(), error, 0, { secrets });
	}
	// Unfiltered pages carry every state: drop what has no report here, so paging stays the API's.
	const shown = reportsOnly ? page.sessions.filter((s) => s.status === 'processed') : page.sessions;
	const results = shown.map((s) => ({ name: labelOf(s), value: s.id }));
	const more = !title && page.sessions.length === PAGE && page.last_doc_id;
	return { results, paginationToken: more ? page.last_doc_id ?? undefined : undefined };
}

/** Sessions for the Session picker of operations that work on any session, non-processed ones marked. */
export async function searchSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await listSessions(this, false, filter, paginationToken);
}

/** Sessions for the picker of report operations: only processed sessions (the others have no report). */
export async function searchProcessedSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await listSessions(this, true, filter, paginationToken);
}
