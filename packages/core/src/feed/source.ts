import { NotFoundError } from '../errors/api';
import type { CallApi } from '../polling/types';
import type { FeedSession, FeedSource } from './types';

function sessionsOf(result: unknown): FeedSession[] {
  const sessions = (result as { sessions?: unknown } | undefined)?.sessions;
  if (Array.isArray(sessions)) return sessions as FeedSession[];
  if (sessions && typeof sessions === 'object') {
    // Raw dictionary (a client without the registry's normalisation).
    return Object.entries(sessions as Record<string, Record<string, unknown>>).map(([id, s]) => {
      const raw = String(s.status ?? s.video_status ?? '').toLowerCase();
      const status = raw === 'processed' || raw === 'failed' ? raw : 'processing';
      return { ...s, id, status } as FeedSession;
    });
  }
  return [];
}

/** A FeedSource over the client: the unfiltered filter endpoint (paged) and by-ids. */
export function feedSourceFromApi(api: CallApi, opts: { signal?: AbortSignal } = {}): FeedSource {
  return {
    async newest({ limit, start_after_id }) {
      const input: Record<string, unknown> = { limit };
      if (start_after_id !== undefined) input.start_after_id = start_after_id;
      try {
        return { sessions: sessionsOf(await api.call('sessions.filter', input, opts)) };
      } catch (err) {
        // The API answers 404 when nothing matches; without a cursor that simply means no sessions.
        if (err instanceof NotFoundError && start_after_id === undefined) return { sessions: [] };
        throw err;
      }
    },
    async byIds(ids) {
      try {
        return sessionsOf(await api.call('sessions.getByIds', { session_ids: ids }, opts));
      } catch (err) {
        if (err instanceof NotFoundError) return [];
        throw err;
      }
    },
  };
}
