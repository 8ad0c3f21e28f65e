import type { Session } from '../schemas/session';
import type { SessionFilters } from '../schemas/sessionMatch';

/** What the feed can report about a session. */
export type FeedEventType = 'created' | 'processed' | 'failed';

/** @deprecated The feed reads the core's one session model: use `Session`. */
export type FeedSession = Session;

/**
 * Where the feed reads sessions. `newest` pages the filter endpoint WITHOUT filters (the API only
 * pages unfiltered queries), newest first: created_at descending (minute resolution), ties in server order.
 */
export interface FeedSource {
  /** `total`: the account's session count (the API's `query_count`), when the answer carries it. */
  newest(page: { limit: number; start_after_id?: string }): Promise<{ sessions: Session[]; total?: number }>;
  /** The sessions that still exist among `ids` (deleted ones are simply absent). */
  byIds(ids: string[]): Promise<Session[]>;
}

/** One thing to tell the workflow; `dedupeKey` is unique per session and event. */
export interface FeedEvent {
  event: FeedEventType;
  sessionId: string;
  session: Session;
  dedupeKey: string;
}

/**
 * Something the feed could not do and says so instead of dropping events silently. Hosts must
 * show it where the workflow sees it (the n8n trigger emits it as an item with `event: 'warning'`).
 */
export interface FeedWarning {
  /**
   * - `pending_given_up`: sessions no longer watched for processed/failed (over `maxPending`, or
   *   processing longer than `pendingMaxAgeMs`); their ids are listed.
   * - `sessions_unaccounted`: the account changed in a way the feed could not pin down to session
   *   ids (a very large change below its position, or an account too large to check); `count`
   *   sessions may have been missed.
   */
  code: 'pending_given_up' | 'sessions_unaccounted';
  message: string;
  count: number;
  sessionIds?: string[];
}

/** Client-side filters (the API cannot filter and page at the same time); matched by `sessionMatcher`. */
export type FeedFilters = Pick<SessionFilters, 'activity' | 'user_id' | 'uploaded_by'>;

/** Tuning knobs; the defaults keep state under 16 KB and a quiet poll at one small request. */
export interface FeedLimits {
  /** Size of the first page of each scan (later pages double up to maxPageSize). */
  firstPageSize: number;
  maxPageSize: number;
  /** Pages read per poll; a bigger burst continues next poll from a cursor kept in state. */
  maxPages: number;
  /** Sessions the first run remembers as the newest ones (it reads the whole account once). */
  seedSessions: number;
  /** Ids per by-ids request. */
  byIdsChunk: number;
  /**
   * Pages of 100 a sweep (a full read of the list, at the first run, when the account's count
   * does not add up, and every `sweepEveryMs`) may use; a larger account is not swept and a
   * count that does not add up becomes a `sessions_unaccounted` warning.
   */
  sweepMaxPages: number;
  /** A sweep at least this often, even when the count adds up (a delete can hide an addition). */
  sweepEveryMs: number;
  /** Cells of the fingerprint (12 bytes each); a sweep decodes differences of up to ~2/3 of this (about 200 sessions at 320). */
  fingerprintCells: number;
  /** Processing sessions watched at once; beyond it the oldest are given up. */
  maxPending: number;
  /** A session processing longer than this is given up (no processed/failed event). */
  pendingMaxAgeMs: number;
  /** Recently seen sessions remembered (as short hashes). */
  maxKnown: number;
  /** Hard cap on JSON.stringify(state).length. */
  maxStateChars: number;
}

export interface PollEventsOptions {
  events: FeedEventType[];
  filters?: FeedFilters;
  /** Clock (ms since epoch), injectable for hosts and tests. */
  now?: () => number;
  limits?: Partial<FeedLimits>;
}

/** What one poll cost and what it had to give up; for logs, tests and benchmarks. */
export interface PollStats {
  seeded: boolean;
  /** The stored state was unreadable (or from an unknown version) and was replaced by a fresh seed. */
  reseeded: boolean;
  requests: number;
  pages: number;
  byIdsRequests: number;
  sessionsRead: number;
  newSessions: number;
  /** Processing sessions no longer watched (too old, or over maxPending); also reported as a warning. */
  givenUp: string[];
  /** This poll read the whole list (first run, a count that did not add up, or the periodic check). */
  swept: boolean;
  /** Sessions found by the sweep that the scans could not see (recorded date moved into the past...). */
  recovered: number;
  /** A burst continuation had to be abandoned (its cursor sessions were all deleted). */
  lostBurst: boolean;
  /** The poll ran out of page budget before reaching the newest sessions: more are waiting for the next poll. */
  burstPending: boolean;
}

/** The state a host stores between polls: plain JSON, versioned, bounded. See docs in state.ts. */
export interface FeedState {
  v: 1;
  /** Newest created_at seen, in whole minutes since the epoch (UTC as the API reports it); null if none. */
  wm: number | null;
  /**
   * The watermark minute held more sessions than `known` can remember (a bulk upload within one
   * minute, or more than the seed window): it is treated as finished, scans stop at it.
   */
  wmFull?: boolean;
  /** Recently seen session ids, newest first, as 8-character hashes concatenated. */
  known: string;
  /** Sessions still processing: [id, minute first seen], oldest first. */
  pending: Array<[string, number]>;
  /** Sessions in the account as the feed believes (query_count check); absent when unknown. */
  n?: number;
  /** Fingerprint of the ids of those sessions (see fingerprint.ts); absent when the account is too large to sweep. */
  fp?: string;
  /** Minute of the last sweep. */
  swept?: number;
  /** Continuation of a burst larger than one poll's page budget. */
  burst?: {
    /** Cursor candidates: the last ids read, most recent first (the first that still exists is used). */
    after: string[];
    /** Stop below this minute (the watermark before the burst). */
    wm: number | null;
    /** Ids known before the burst, as hashes. */
    known: string;
  };
}
