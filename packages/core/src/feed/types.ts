/** What the feed can report about a session. */
export type FeedEventType = 'created' | 'processed' | 'failed';

/** A session as the listing endpoints return it (normalised by the registry). */
export interface FeedSession {
  id: string;
  status: 'processing' | 'processed' | 'failed';
  created_at_iso?: string | null;
  activity?: string | null;
  user_id?: string | null;
  uploaded_uid?: string | null;
  [field: string]: unknown;
}

/**
 * Where the feed reads sessions. `newest` pages the filter endpoint WITHOUT filters (the API only
 * pages unfiltered queries), newest first: created_at descending (minute resolution), ties in server order.
 */
export interface FeedSource {
  newest(page: { limit: number; start_after_id?: string }): Promise<{ sessions: FeedSession[] }>;
  /** The sessions that still exist among `ids` (deleted ones are simply absent). */
  byIds(ids: string[]): Promise<FeedSession[]>;
}

/** One thing to tell the workflow; `dedupeKey` is unique per session and event. */
export interface FeedEvent {
  event: FeedEventType;
  sessionId: string;
  session: FeedSession;
  dedupeKey: string;
}

/** Client-side filters (the API cannot filter and page at the same time). */
export interface FeedFilters {
  activity?: string;
  user_id?: string;
  /** Matches the session's `uploaded_uid`. */
  uploaded_by?: string;
}

/** Tuning knobs; the defaults keep state under 16 KB and a quiet poll at one small request. */
export interface FeedLimits {
  /** Size of the first page of each scan (later pages double up to maxPageSize). */
  firstPageSize: number;
  maxPageSize: number;
  /** Pages read per poll; a bigger burst continues next poll from a cursor kept in state. */
  maxPages: number;
  /** Sessions the first run looks at to learn the newest ones and those still processing. */
  seedSessions: number;
  /** Ids per by-ids request. */
  byIdsChunk: number;
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
  /** Processing sessions no longer watched (too old, or over maxPending). */
  givenUp: string[];
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
