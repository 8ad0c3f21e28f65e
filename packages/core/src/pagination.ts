import type { CallOptions } from './http/context';
import { getOperation } from './registry';
import { validateInput } from './registry/validate';
import type { FilteredSessionsResponse, Session } from './schemas/session';
import { sessionMatcher, type SessionFilters } from './schemas/sessionMatch';
import { FILTER_FIELDS, MAX_PAGE_SIZE } from './registry/sessions';

/** @deprecated The core has one session model: use `Session`. */
export type ListedSession = Session;

/** Filters of the filter endpoint (the one matcher's `SessionFilters`), plus paging controls. */
export interface IterateParams extends SessionFilters {
  /** Sessions per request (1..100), default 50. */
  pageSize?: number;
  /** Stop after this many sessions. */
  max?: number;
}

/** The slice of the client pagination needs: the filter endpoint. */
export interface PagingApi {
  sessions: { filter(input: Record<string, unknown>, options?: CallOptions): Promise<FilteredSessionsResponse> };
}

export { MAX_PAGE_SIZE };



/**
 * Every session matching `params`, newest first, fetching pages lazily.
 * The API pages (start_after_id) only when no filter is set. So with filters, a request for at
 * most 100 sessions is one filtered call; asking for more walks the unfiltered pages and applies
 * the filters here — slower, but complete, where a filtered call would silently stop at one page.
 */
export async function* iterateSessions(
  api: PagingApi,
  params: IterateParams = {},
  options: CallOptions = {},
): AsyncGenerator<Session> {
  const { pageSize = 50, max = Infinity, ...rest } = params;
  const filters = Object.fromEntries(FILTER_FIELDS.filter((k) => rest[k] !== undefined && rest[k] !== '').map((k) => [k, rest[k]]));
  const filtered = Object.keys(filters).length > 0;
  if (max <= 0) return;

  if (filtered && max <= MAX_PAGE_SIZE) {
    const page = await api.sessions.filter({ ...filters, limit: max }, options);
    yield* page.sessions.slice(0, max);
    return;
  }
  const limit = Math.min(Math.max(1, pageSize), MAX_PAGE_SIZE);
  // Filters applied here must pass the same checks as when the server applies them: an
  // impossible date is an error naming the field, never a silent "nothing matched".
  const checked = filtered
    ? (validateInput(getOperation('sessions.filter'), { ...filters, limit: 1 }) as Record<string, unknown>)
    : {};
  delete checked.limit;
  const matches = filtered ? sessionMatcher(checked as SessionFilters) : () => true;
  let cursor: string | undefined;
  let yielded = 0;
  const seen = new Set<string>();
  for (;;) {
    const page = await api.sessions.filter(cursor ? { limit, start_after_id: cursor } : { limit }, options);
    let fresh = 0;
    for (const s of page.sessions) {
      if (seen.has(s.id)) continue; // a server that ignores the cursor must not loop us forever
      seen.add(s.id);
      fresh++;
      if (!matches(s)) continue;
      yield s;
      if (++yielded >= max) return;
    }
    const next = page.last_doc_id ?? page.sessions[page.sessions.length - 1]?.id;
    if (page.sessions.length < limit || !next || next === cursor || fresh === 0) return;
    cursor = next;
  }
}
