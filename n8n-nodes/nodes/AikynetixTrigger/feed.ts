import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { Aikynetix, FeedEvent, FeedEventType, FeedFilters, FeedWarning } from '@aikynetix/core/host';

/** The trigger's filters as the user set them, for the core's event feed. */
export function feedFiltersOf(filters: IDataObject): FeedFilters {
	const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
	const out: FeedFilters = {};
	if (text(filters.activity)) out.activity = text(filters.activity);
	if (text(filters.userId)) out.user_id = text(filters.userId);
	if (text(filters.uploadedBy)) out.uploaded_by = text(filters.uploadedBy);
	return out;
}

/** One workflow item per event: the session record plus what happened to it. */
export function eventItem(event: FeedEventType, session: IDataObject): INodeExecutionData {
	return { json: { event, session_id: String(session.id ?? session.session_id ?? ''), ...session } };
}

/** Items for the events of a poll, oldest first. */
export function eventItems(events: FeedEvent[]): INodeExecutionData[] {
	return events.map((e) => eventItem(e.event, { ...e.session, id: e.sessionId } as IDataObject));
}

/**
 * What the feed had to give up, as items the workflow sees (flagged `event: 'warning'`, no
 * session fields), so a missing event is never only a log line. Route them with an IF on `event`.
 */
export function warningItems(warnings: FeedWarning[]): INodeExecutionData[] {
	return warnings.map((w) => ({
		json: {
			event: 'warning',
			warning: w.code,
			message: w.message,
			count: w.count,
			...(w.sessionIds ? { session_ids: w.sessionIds } : {}),
		},
	}));
}

/**
 * For a manual test run: the newest session the event would have fired for, so the user sees
 * real data to map. One filtered request; undefined when nothing matches yet.
 */
export async function latestMatching(
	client: Aikynetix,
	event: FeedEventType,
	filters: FeedFilters,
	signal?: AbortSignal,
): Promise<IDataObject | undefined> {
	const status = event === 'created' ? {} : { video_status: event };
	for await (const session of client.sessions.iterate({ ...filters, ...status, max: 1 }, { signal })) {
		return session as IDataObject;
	}
	return undefined;
}
