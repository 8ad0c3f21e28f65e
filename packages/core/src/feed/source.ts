import { NotFoundError } from '../errors/api';
import type { Aikynetix } from '../client';
import type { FeedSource } from './types';

/**
 * A FeedSource over the client's typed session methods: the unfiltered filter endpoint (paged,
 * with the account's count) and by-ids.
 */
export function feedSourceFromApi(client: Pick<Aikynetix, 'sessions'>, opts: { signal?: AbortSignal } = {}): FeedSource {
  return {
    async newest({ limit, start_after_id }) {
      const input = start_after_id === undefined ? { limit } : { limit, start_after_id };
      try {
        const page = await client.sessions.filter(input, opts);
        return { sessions: page.sessions, total: typeof page.query_count === 'number' ? page.query_count : undefined };
      } catch (err) {
        // The API answers 404 when nothing matches; without a cursor that simply means no sessions.
        if (err instanceof NotFoundError && start_after_id === undefined) return { sessions: [], total: 0 };
        throw err;
      }
    },
    async byIds(ids) {
      try {
        return (await client.sessions.getByIds({ session_ids: ids }, opts)).sessions;
      } catch (err) {
        if (err instanceof NotFoundError) return [];
        throw err;
      }
    },
  };
}
