import type { Bundle, ZObject } from 'zapier-platform-core';
import { sessionMatcher } from '@aikynetix/core/host';
import { callOperation } from '../call';
import { guarded } from '../errors';
import { type InputField, inputFieldsFor } from '../fields';
import type { Flat } from '../presenters/flatten';
import { presentSession } from '../presenters/session';
import { readWindow, SAMPLE_SIZE, triggerFilters } from './window';

/** Which sessions a trigger reports: every new one, or those that reached a final state. */
export type TriggerStatus = 'processed' | 'failed' | undefined;

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

/**
 * The Zap editor's sample: one small filtered request (the editor shows three items, and an empty
 * account still gets the static sample).
 */
async function samplePoll(z: ZObject, bundle: Bundle, status: TriggerStatus): Promise<Flat[]> {
  const extra: Record<string, unknown> = { limit: SAMPLE_SIZE, ...triggerFilters(bundle) };
  if (status) extra.video_status = status;
  const page = await callOperation(z, bundle, 'sessions.filter', { extra, useInput: false });
  const sessions = Array.isArray(page.sessions) ? page.sessions : [];
  return newestFirst(sessions.map((s) => presentSession(s as never)));
}

/**
 * One poll of a session trigger. Every session created in the window that is in the wanted state
 * comes back, newest first; Zapier fires for the ids it has not seen. Turning the Zap on
 * (isPopulatingDedupe) reads the same window but returns only ids: Zapier's dedupe uses nothing
 * else, and every session a later poll can return is then already known, so no old session fires.
 */
export async function pollSessions(z: ZObject, bundle: Bundle, status?: TriggerStatus): Promise<Flat[]> {
  const meta = (bundle.meta ?? {}) as { isLoadingSample?: boolean; isPopulatingDedupe?: boolean };
  if (meta.isLoadingSample && !meta.isPopulatingDedupe) return samplePoll(z, bundle, status);
  return guarded(z, bundle, async () => {
    // The core's one filter matcher: the trigger agrees with Find Session and the filter endpoint.
    const matches = sessionMatcher(triggerFilters(bundle));
    const { sessions } = await readWindow(z, bundle);
    const wanted = sessions.filter((s) => (!status || s.status === status) && matches(s));
    if (meta.isPopulatingDedupe) return wanted.map((s) => ({ id: s.id }));
    return newestFirst(wanted.map((s) => presentSession(s as never)));
  });
}
