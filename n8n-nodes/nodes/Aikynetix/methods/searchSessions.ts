import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { MAX_PAGE_SIZE } from '@aikynetix/core/host';
import { createClient } from '../shared/client';
import { toNodeError } from '../shared/errors';

interface ListedSession {
	id: string;
	title?: string | null;
	activity?: string | null;
	created_at_iso?: string | null;
	status?: string;
}

function labelOf(s: ListedSession): string {
	const title = s.title?.trim() || 'Untitled session';
	const details = [s.activity, s.created_at_iso?.slice(0, 10), s.status].filter(Boolean).join(', ');
	return details ? `${title} (${details})` : title;
}

/**
 * Sessions for the Session picker, newest first. A search text filters by title (one page:
 * the API pages only unfiltered listings); without one, the list pages through the account.
 */
export async function searchSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { client, secrets } = await createClient(this);
	const title = filter?.trim();
	const input = title ? { title, limit: MAX_PAGE_SIZE } : { limit: 50, ...(paginationToken ? { start_after_id: paginationToken } : {}) };
	let page: { sessions: ListedSession[]; last_doc_id?: string | null };
	try {
		page = (await client.call('sessions.filter', input)) as typeof page;
	} catch (error) {
		// Shown in the picker: the same actionable message as in a run (e.g. "check the API key").
		throw toNodeError(this.getNode(), error, 0, { secrets });
	}
	const results = page.sessions.map((s) => ({ name: labelOf(s), value: s.id }));
	const more = !title && page.sessions.length === 50 && page.last_doc_id;
	return { results, paginationToken: more ? page.last_doc_id ?? undefined : undefined };
}
