import { badRequest } from '../http/errors';
import { DAY_MS, parseFilterDate } from '../util/dates';
import type { SessionRecord } from './types';
import { statusOf } from './types';

/** Query parameters of `GET /session-management/sessions/filter/` (already type-checked). */
export interface FilterQuery {
  start_after_id?: string;
  end_before_id?: string;
  limit?: number | string;
  activity?: string;
  start_date?: string;
  end_date?: string;
  title?: string;
  user_id?: string;
  uploaded_by?: string;
  video_status?: string;
}

/** The page the filter endpoint returns. */
export interface FilterPage {
  sessions: SessionRecord[];
  queryCount: number;
}

const FILTERS = ['activity', 'start_date', 'end_date', 'title', 'user_id', 'uploaded_by', 'video_status'] as const;

/**
 * Applies filters, cursor and limit to the newest-first list. Cursors are only allowed without
 * filters (as the API documents); combining them is a 400 rather than silently ignored, so a
 * paginating client can never loop over the same first page.
 */
export function filterSessions(all: readonly SessionRecord[], q: FilterQuery, now = Date.now()): FilterPage {
  // Normally already coerced by the OpenAPI validation; coerce here too so the logic stands alone.
  const limit = q.limit === undefined ? 10 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1) throw badRequest(`limit must be a positive integer, got ${String(q.limit)}`);
  if (q.start_after_id !== undefined && q.end_before_id !== undefined) throw badRequest('Use either start_after_id or end_before_id, not both');
  const cursor = q.start_after_id ?? q.end_before_id;
  const active = FILTERS.filter((f) => q[f] !== undefined && q[f] !== '');
  if (cursor !== undefined && active.length > 0) {
    throw badRequest(`start_after_id/end_before_id can only be used when no other filter is set (got ${active.join(', ')})`);
  }

  let from: number | undefined;
  let to: number | undefined;
  if (q.start_date) {
    from = parseFilterDate(q.start_date);
    if (from === undefined) throw badRequest(`start_date must be a date in dd/mm/yyyy format, got '${q.start_date}'`);
  }
  if (q.end_date) {
    const d = parseFilterDate(q.end_date);
    if (d === undefined) throw badRequest(`end_date must be a date in dd/mm/yyyy format, got '${q.end_date}'`);
    to = d + DAY_MS; // inclusive: the whole end day
  }
  const title = q.title?.toLowerCase();
  const status = q.video_status?.toLowerCase();

  const matched = active.length === 0 ? all : all.filter((s) => {
    if (q.activity && s.activity !== q.activity) return false;
    const t = Date.parse(s.createdAt);
    if (from !== undefined && t < from) return false;
    if (to !== undefined && t >= to) return false;
    if (title && !s.title.toLowerCase().includes(title)) return false;
    if (q.user_id && s.userId !== q.user_id) return false;
    if (q.uploaded_by && s.uploadedBy !== q.uploaded_by) return false;
    if (status && statusOf(s, now).toLowerCase() !== status) return false;
    return true;
  });

  if (cursor === undefined) return { sessions: matched.slice(0, limit), queryCount: matched.length };
  const index = matched.findIndex((s) => s.id === cursor);
  if (index < 0) throw badRequest(`${q.start_after_id !== undefined ? 'start_after_id' : 'end_before_id'} '${cursor}' does not match any session`);
  const page = q.start_after_id !== undefined
    ? matched.slice(index + 1, index + 1 + limit)
    : matched.slice(Math.max(0, index - limit), index); // the page just before the cursor
  return { sessions: page, queryCount: matched.length };
}
