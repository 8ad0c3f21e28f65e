import type { Bundle, ZObject } from 'zapier-platform-core';
import { callOperation } from '../call';
import { type InputField, inputFieldsFor } from '../fields';
import type { Flat } from '../presenters/flatten';
import { presentSession } from '../presenters/session';

/**
 * Sessions per poll. Zapier deduplicates by `id`, so a poll only needs to cover what can happen
 * between two polls (1-15 min); 50 is generous and keeps the response small.
 */
export const POLL_LIMIT = 50;

/** Optional narrowing filters every session trigger offers (from the registry's filter op). */
export function feedFilterFields(): InputField[] {
  return inputFieldsFor('sessions.filter', {
    omit: ['start_after_id', 'end_before_id', 'limit', 'start_date', 'end_date', 'title', 'video_status'],
    overrides: { activity: { dynamic: 'activity_list.id.name', choices: undefined } },
  }).map((f) => ({ ...f, required: false }));
}

/** Newest first by creation time; sessions without a readable date keep the server's order, last. */
export function newestFirst(items: Flat[]): Flat[] {
  const time = (f: Flat) => (typeof f.created_at === 'string' ? Date.parse(f.created_at) : Number.NaN);
  return items
    .map((item, index) => ({ item, index, t: time(item) }))
    .sort((a, b) => {
      const at = Number.isNaN(a.t) ? -Infinity : a.t;
      const bt = Number.isNaN(b.t) ? -Infinity : b.t;
      return bt - at || a.index - b.index;
    })
    .map((x) => x.item);
}

/** One poll of the filter endpoint (optionally by status), as Zapier trigger items. */
export async function pollSessions(z: ZObject, bundle: Bundle, videoStatus?: 'processed' | 'failed'): Promise<Flat[]> {
  const extra: Record<string, unknown> = { limit: POLL_LIMIT };
  if (videoStatus) extra.video_status = videoStatus;
  const page = await callOperation(z, bundle, 'sessions.filter', {
    extra,
    omit: ['start_after_id', 'end_before_id', 'limit', 'video_status'],
  });
  const sessions = Array.isArray(page.sessions) ? page.sessions : [];
  return newestFirst(sessions.map((s) => presentSession(s as never)));
}
