/**
 * The one client-side equivalent of the filter endpoint's filters, used wherever the core filters
 * sessions itself (paging with filters, the trigger feed): the server cannot page and filter at
 * once, and the two must never disagree about what matches.
 */
import { parseFilterDate } from './dates';
import type { Session } from './session';

/** Filters as the filter endpoint names them (already validated; blank means absent). */
export interface SessionFilters {
  activity?: string;
  start_date?: string | Date;
  end_date?: string | Date;
  title?: string;
  user_id?: string;
  /** The uploader's user id: matches the session's `uploaded_uid` (or `uploaded_by`). */
  uploaded_by?: string;
  video_status?: string;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const lower = (v: unknown) => String(v ?? '').trim().toLowerCase();
const day = (v: string | Date | undefined): string | undefined => {
  if (v === undefined || v === '') return undefined;
  const d = v instanceof Date ? v : parseFilterDate(String(v));
  return d ? d.toISOString().slice(0, 10) : undefined;
};

/** A predicate for `filters` (activity, title and status ignore case; dates are whole UTC days). */
export function sessionMatcher(filters: SessionFilters | undefined): (s: Session) => boolean {
  const f = filters ?? {};
  const activity = text(f.activity)?.toLowerCase();
  const title = text(f.title)?.toLowerCase();
  const userId = text(f.user_id);
  const uploadedBy = text(f.uploaded_by);
  const status = text(f.video_status)?.toLowerCase();
  const from = day(f.start_date);
  const to = day(f.end_date);
  return (s) => {
    if (activity !== undefined && lower(s.activity) !== activity) return false;
    if (userId !== undefined && s.user_id !== userId) return false;
    if (uploadedBy !== undefined && (s.uploaded_uid ?? s.uploaded_by) !== uploadedBy) return false;
    if (status !== undefined && lower(s.status ?? s.video_status) !== status) return false;
    if (title !== undefined && !lower(s.title).includes(title)) return false;
    if (from || to) {
      const created = typeof s.created_at_iso === 'string' ? s.created_at_iso.slice(0, 10) : undefined;
      if (!created || (from && created < from) || (to && created > to)) return false;
    }
    return true;
  };
}

/** Whether one session passes `filters`. */
export function matchesFilters(session: Session, filters: SessionFilters | undefined): boolean {
  return sessionMatcher(filters)(session);
}
