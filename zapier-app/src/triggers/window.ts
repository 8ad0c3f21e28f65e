import { type ListedSession, MAX_PAGE_SIZE, getOperation, validateInput } from '@aikynetix/core/host';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { clientFor } from '../client';
import { inputFrom } from '../fields';

/**
 * How far back a poll looks. The API has no "changed since" query and no time of processing, only
 * creation, so a poll re-reads every session created in the window and Zapier's dedupe (by `id`)
 * drops what already fired. The window must outlast the longest processing time plus the longest
 * gap between polls (15 min on Zapier's free plan): 72 h covers a video stuck over a weekend.
 */
export const WINDOW_HOURS = 72;
/**
 * At most this many of the newest sessions are read (5 requests of 100). Bounds a poll's time and
 * bytes whatever the account's size; a session that finishes after this many newer ones were
 * created is the one case the trigger can miss (docs/zapier.md, "Triggers").
 */
export const WINDOW_MAX_SESSIONS = 500;
/** A poll stops reading pages after this long and returns what it has (Zapier allows 30 s). */
export const POLL_BUDGET_MS = 20_000;
/** Sessions read when the Zap editor loads samples (it shows three). */
export const SAMPLE_SIZE = 10;

/** The narrowing filters a session trigger offers. */
export const TRIGGER_FILTERS = ['activity', 'user_id', 'uploaded_by'] as const;
type Filters = Partial<Record<(typeof TRIGGER_FILTERS)[number], string>>;

/** The step's filters, checked by the core's rules for the filter endpoint (bad values name their field). */
export function triggerFilters(bundle: Bundle): Filters {
  const given = inputFrom('sessions.filter', bundle.inputData ?? {});
  const picked = Object.fromEntries(TRIGGER_FILTERS.filter((k) => given[k] !== undefined).map((k) => [k, given[k]]));
  const checked = validateInput(getOperation('sessions.filter'), picked) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(checked).map(([k, v]) => [k, String(v)])) as Filters;
}


/** What one walk of the window read. */
export interface WindowRead {
  sessions: ListedSession[];
  /** Why the walk stopped: the window's start, its size cap, the account's end, or the time budget. */
  stoppedBy: 'window' | 'cap' | 'end' | 'budget';
}

/**
 * The sessions created in the last WINDOW_HOURS (at most WINDOW_MAX_SESSIONS), newest first, read
 * through the filter endpoint's cursor pages without server-side filters (the API pages only
 * unfiltered listings), so the cost depends on recent activity, never on the account's size.
 */
export async function readWindow(z: ZObject, bundle: Bundle, now = Date.now()): Promise<WindowRead> {
  const cutoff = now - WINDOW_HOURS * 3_600_000;
  const started = Date.now();
  const sessions: ListedSession[] = [];
  const client = clientFor(z, bundle);
  let stoppedBy: WindowRead['stoppedBy'] = 'end';
  for await (const s of client.sessions.iterate({ pageSize: MAX_PAGE_SIZE, max: WINDOW_MAX_SESSIONS })) {
    const created = typeof s.created_at_iso === 'string' ? Date.parse(s.created_at_iso) : Number.NaN;
    if (created < cutoff) {
      stoppedBy = 'window';
      break;
    }
    sessions.push(s);
    if (sessions.length >= WINDOW_MAX_SESSIONS) stoppedBy = 'cap';
    // checked at page boundaries only: a page already read is returned, never thrown away
    if (sessions.length % MAX_PAGE_SIZE === 0 && Date.now() - started > POLL_BUDGET_MS) {
      stoppedBy = 'budget';
      break;
    }
  }
  return { sessions, stoppedBy };
}
