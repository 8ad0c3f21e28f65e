import { clientFor } from '../client';
import { guarded } from '../errors';
import type { Flat } from '../presenters/flatten';
import { presentSession, sessionSample } from '../presenters/session';
import type { TriggerDef } from '../types';

/** Sessions per dropdown page. */
export const PAGE_SIZE = 50;
/** Deepest page offered (each page walks the cursor from the start: bounded work per call). */
export const MAX_PAGE = 19;

/** `Treadmill run · Running · 2025-02-05` — what the dropdown shows for a session. */
function labelOf(s: Flat): string {
  const parts = [s.title || s.id, s.activity, typeof s.created_at === 'string' ? s.created_at.slice(0, 10) : null];
  return parts.filter((p) => p !== null && p !== undefined && p !== '').join(' · ');
}

/**
 * Hidden trigger behind every Session ID dropdown: recent sessions, newest first. Zapier's
 * "load more" asks for page N; the core's cursor pagination walks to it (stateless, so no
 * z.cursor storage is needed and a stale cursor can never skip sessions).
 */
const sessionList: TriggerDef = {
  key: 'session_list',
  noun: 'Session',
  display: { label: 'Session List', description: 'Lists recent sessions for the Session ID dropdowns.', hidden: true },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform: (z, bundle) =>
      guarded(z, bundle, async () => {
        const page = Math.min(Math.max(0, Number(bundle.meta?.page ?? 0) || 0), MAX_PAGE);
        const items: Flat[] = [];
        const client = clientFor(z, bundle);
        for await (const s of client.sessions.iterate({ pageSize: PAGE_SIZE, max: (page + 1) * PAGE_SIZE })) {
          items.push(presentSession(s));
        }
        return items.slice(page * PAGE_SIZE).map((s) => ({ ...s, label: labelOf(s) }));
      }),
    sample: { ...sessionSample, label: 'Treadmill 12 km/h, 1% incline · Running · 2025-02-05' },
    outputFields: [
      { key: 'id', label: 'Session ID' },
      { key: 'label', label: 'Dropdown Label' },
    ],
  },
};

export default sessionList;
