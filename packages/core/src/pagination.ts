import type { CallOptions } from './http/execute';
import { getOperation } from './registry';
import { validateInput } from './registry/validate';
import { MAX_PAGE_SIZE } from './registry/sessions';
import { parseFilterDate } from './schemas/dates';

/** A session as the listing endpoints return it after normalisation (see schemas/session.ts). */
export interface ListedSession {
  id: string;
  status?: string;
  created_at_iso?: string | null;
  [key: string]: unknown;
}

/** Filters of the filter endpoint, plus paging controls. */
export interface IterateParams {
  activity?: string;
  start_date?: string | Date;
  end_date?: string | Date;
  title?: string;
  user_id?: string;
  uploaded_by?: string;
  video_status?: string;
  /** Sessions per request (1..100), default 50. */
  pageSize?: number;
  /** Stop after this many sessions. */
  max?: number;
}

/** The slice of the client pagination needs. */
export interface PagingApi {
  call(operationId: 'sessions.filter', input: Record<string, unknown>, options?: CallOptions): Promise<unknown>;
}

export { MAX_PAGE_SIZE };

const FILTER_KEYS = ['activity', 'start_date', 'end_date', 'title', 'user_id', 'uploaded_by', 'video_status'] as const;

type FilterPage = { sessions: ListedSession[]; last_doc_id?: string | null };

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
): AsyncGenerator<ListedSession> {
  const { pageSize = 50, max = Infinity, ...rest } = params;
  const filters = Object.fromEntries(FILTER_KEYS.filter((k) => rest[k] !== undefined && rest[k] !== '').map((k) => [k, rest[k]]));
  const filtered = Object.keys(filters).length > 0;
  if (max <= 0) return;

  if (filtered && max <= MAX_PAGE_SIZE) {
    const page = (await api.call('sessions.filter', { ...filters, limit: max }, options)) as FilterPage;
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
  const matches = filtered ? sessionMatcher(checked) : () => true;
  let cursor: string | undefined;
  let yielded = 0;
  const seen = new Set<string>();
  for (;;) {
    const page = (await api.call(
      'sessions.filter',
      cursor ? { limit, start_after_id: cursor } : { limit },
      options,
    )) as FilterPage;
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

/** A predicate equivalent to the server-side filters, for client-side filtering. */
function sessionMatcher(filters: Record<string, unknown>): (s: ListedSession) => boolean {
  const day = (v: unknown) => {
    const d = v instanceof Date ? v : parseFilterDate(String(v));
    return d ? d.toISOString().slice(0, 10) : undefined;
  };
  const from = filters.start_date === undefined ? undefined : day(filters.start_date);
  const to = filters.end_date === undefined ? undefined : day(filters.end_date);
  const eq = (a: unknown, b: unknown) => String(a ?? '').toLowerCase() === String(b ?? '').toLowerCase();
  return (s) => {
    if (filters.activity !== undefined && !eq(s.activity, filters.activity)) return false;
    if (filters.user_id !== undefined && s.user_id !== filters.user_id) return false;
    if (filters.uploaded_by !== undefined && (s.uploaded_uid ?? s.uploaded_by) !== filters.uploaded_by) return false;
    if (filters.video_status !== undefined && !eq(s.status ?? s.video_status, filters.video_status)) return false;
    if (filters.title !== undefined && !String(s.title ?? '').toLowerCase().includes(String(filters.title).toLowerCase())) {
      return false;
    }
    const created = typeof s.created_at_iso === 'string' ? s.created_at_iso.slice(0, 10) : undefined;
    if ((from || to) && !created) return false;
    if (from && created! < from) return false;
    if (to && created! > to) return false;
    return true;
  };
}
