import { ValidationError } from '../errors/input';
import type { FeedEventType, FeedFilters, FeedSession } from './types';

const EVENT_TYPES: readonly FeedEventType[] = ['created', 'processed', 'failed'];

/** Rejects an empty or unknown event list before any request. */
export function checkEvents(events: unknown): asserts events is FeedEventType[] {
  if (!Array.isArray(events) || events.length === 0) {
    throw new ValidationError([{ field: 'events', rule: 'choose at least one of created, processed, failed' }]);
  }
  events.forEach((e, i) => {
    if (!EVENT_TYPES.includes(e as FeedEventType)) {
      throw new ValidationError([{ field: `events.${i}`, rule: `must be created, processed or failed (got ${JSON.stringify(e)})` }]);
    }
  });
}

const blank = (v: string | undefined) => v === undefined || v.trim() === '';

/** Whether a session passes the client-side filters (activity ignores case). */
export function matchesFilters(session: FeedSession, filters: FeedFilters | undefined): boolean {
  if (!filters) return true;
  if (!blank(filters.activity) && String(session.activity ?? '').trim().toLowerCase() !== filters.activity!.trim().toLowerCase()) {
    return false;
  }
  if (!blank(filters.user_id) && session.user_id !== filters.user_id!.trim()) return false;
  if (!blank(filters.uploaded_by) && session.uploaded_uid !== filters.uploaded_by!.trim()) return false;
  return true;
}
