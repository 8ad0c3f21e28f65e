import { ApiError } from '../errors/api';
import { minuteOf } from './minutes';
import type { Session } from '../schemas/session';
import type { FeedLimits, FeedSource } from './types';

/** Requests and sessions a poll has spent so far (shared by all scans of one poll). */
export interface Budget {
  pagesLeft: number;
  pages: number;
  sessionsRead: number;
  /** The account's session count as the first top page reported it (query_count). */
  total?: number;
}

export interface ScanParams {
  /** Continue after one of these ids (most recent first); undefined starts at the newest session. */
  after?: string[];
  /** Stop at the first session created before this minute. */
  wm: number | null;
  /** The watermark minute itself is finished too (its sessions were too many to remember). */
  closed?: boolean;
  /** Ids already handled (emitted earlier or ignored at seed). */
  isKnown: (id: string) => boolean;
  /**
   * A continuation whose cursors all read as empty pages lost its place (older sessions exist
   * below it), rather than reaching the end of the list.
   */
  endMeansLost?: boolean;
  /** Seed only: stop after this many sessions. */
  maxFresh?: number;
}

export interface ScanResult {
  /** Sessions not known before, in list order (newest first). */
  fresh: Session[];
  /** Every session read, by id (their status refreshes pending ones for free). */
  observed: Map<string, Session>;
  /** Reached the watermark, a known id (without watermark) or the end of the list. */
  complete: boolean;
  /** Cursor candidates to continue from when not complete: the last ids read, most recent first. */
  cursor: string[];
  /** Every cursor candidate was gone (deleted), so the continuation is impossible. */
  cursorLost: boolean;
}

const CURSOR_CANDIDATES = 3;

/** A 400/404 answer to a paged request: the cursor session no longer exists. */
function cursorRejected(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 400 || err.status === 404);
}

/**
 * One page after the first cursor candidate that still works. A deleted cursor may come back
 * as an error or as an empty page (the API's 404 "nothing found" reads as empty), so an empty page
 * tries the next, older, candidate before it is taken as the end of the list.
 */
async function readPage(
  source: FeedSource,
  limit: number,
  candidates: string[] | undefined,
  budget: Budget,
): Promise<{ sessions: Session[]; outcome: 'page' | 'end' | 'lost' | 'budget'; untried: string[] }> {
  if (!candidates) {
    budget.pagesLeft--;
    budget.pages++;
    const { sessions, total } = await source.newest({ limit });
    if (budget.total === undefined && total !== undefined) budget.total = total;
    return { sessions, outcome: 'page', untried: [] };
  }
  let rejected = 0;
  for (const [i, id] of candidates.entries()) {
    // Out of budget: the next poll resumes with the candidates not yet tried.
    if (budget.pagesLeft <= 0) return { sessions: [], outcome: 'budget', untried: candidates.slice(i) };
    budget.pagesLeft--;
    budget.pages++;
    try {
      const { sessions } = await source.newest({ limit, start_after_id: id });
      if (sessions.length > 0) return { sessions, outcome: 'page', untried: [] };
    } catch (err) {
      if (!cursorRejected(err)) throw err;
      rejected++;
    }
  }
  return { sessions: [], outcome: rejected === candidates.length ? 'lost' : 'end', untried: [] };
}

/**
 * Reads the newest-first list from the top (or a cursor) down to the watermark, with pages that
 * start small and double, so a quiet poll costs one small request and a burst of n new sessions
 * O(n / maxPageSize + log n) requests.
 */
export async function scan(source: FeedSource, params: ScanParams, limits: FeedLimits, budget: Budget): Promise<ScanResult> {
  const fresh: Session[] = [];
  const observed = new Map<string, Session>();
  let candidates = params.after;
  let limit = limits.firstPageSize;
  while (budget.pagesLeft > 0) {
    const { sessions, outcome, untried } = await readPage(source, limit, candidates, budget);
    budget.sessionsRead += sessions.length;
    if (outcome === 'budget') return { fresh, observed, complete: false, cursor: untried, cursorLost: false };
    if (outcome === 'lost' || (outcome === 'end' && params.endMeansLost)) {
      return { fresh, observed, complete: false, cursor: candidates ?? [], cursorLost: true };
    }
    for (const session of sessions) {
      const minute = minuteOf(session);
      if (params.wm !== null && minute !== null && (minute < params.wm || (params.closed && minute === params.wm))) {
        if (!observed.has(session.id)) observed.set(session.id, session);
        return { fresh, observed, complete: true, cursor: [], cursorLost: false };
      }
      if (observed.has(session.id)) continue;
      observed.set(session.id, session);
      if (params.isKnown(session.id)) {
        // Without a watermark (no created_at anywhere) the first known id marks where we were.
        if (params.wm === null && minute === null) return { fresh, observed, complete: true, cursor: [], cursorLost: false };
        continue;
      }
      fresh.push(session);
      if (params.maxFresh !== undefined && fresh.length >= params.maxFresh) {
        return { fresh, observed, complete: true, cursor: [], cursorLost: false };
      }
    }
    if (sessions.length < limit) return { fresh, observed, complete: true, cursor: [], cursorLost: false };
    candidates = sessions.slice(-CURSOR_CANDIDATES).map((s) => s.id).reverse();
    limit = Math.min(limit * 2, limits.maxPageSize);
  }
  return { fresh, observed, complete: false, cursor: candidates ?? [], cursorLost: false };
}
