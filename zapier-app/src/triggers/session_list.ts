import { callOperation } from '../call';
import type { Flat } from '../presenters/flatten';
import { presentSession, sessionSample } from '../presenters/session';
import type { TriggerDef } from '../types';

const PAGE_SIZE = 50;

/** `Treadmill run · Running · 2025-02-05` — what the dropdown shows for a session. */
function labelOf(s: Flat): string {
  const parts = [s.title || s.id, s.activity, typeof s.created_at === 'string' ? s.created_at.slice(0, 10) : null];
  return parts.filter((p) => p !== null && p !== undefined && p !== '').join(' · ');
}

/**
 * Hidden trigger behind every Session ID dropdown: recent sessions, newest first, paged with
 * the filter endpoint's cursor (Zapier's "load more" asks for the next page).
 */
const sessionList: TriggerDef = {
  key: 'session_list',
  noun: 'Session',
  display: { label: 'Session List', description: 'Lists recent sessions for the Session ID dropdowns.', hidden: true },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform: async (z, bundle) => {
      const page = bundle.meta?.page ?? 0;
      const cursor = page > 0 ? await z.cursor.get() : undefined;
      if (page > 0 && !cursor) return []; // the previous page was the last
      const extra: Record<string, unknown> = { limit: PAGE_SIZE };
      if (cursor) extra.start_after_id = cursor;
      const result = await callOperation(z, bundle, 'sessions.filter', { extra, useInput: false });
      const sessions = (Array.isArray(result.sessions) ? result.sessions : []).map((s) => presentSession(s as never));
      const next = typeof result.last_doc_id === 'string' && sessions.length >= PAGE_SIZE ? result.last_doc_id : '';
      await z.cursor.set(next);
      return sessions.map((s) => ({ ...s, label: labelOf(s) }));
    },
    sample: { ...sessionSample, label: 'Treadmill 12 km/h, 1% incline · Running · 2025-02-05' },
    outputFields: [
      { key: 'id', label: 'Session ID' },
      { key: 'label', label: 'Dropdown Label' },
    ],
  },
};

export default sessionList;
