import { NotFoundError } from '../../src/errors/api';
import type { FeedSource } from '../../src/feed/types';
import type { Session } from '../../src/schemas/session';

/** Deterministic PRNG (mulberry32) so every failing seed can be replayed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)],
  };
}

export interface ModelSession {
  id: string;
  minute: number;
  /** Server order among sessions of the same minute (like Firestore's document-name order). */
  tie: number;
  status: 'processing' | 'processed' | 'failed';
  activity: string;
  user_id: string;
  uploaded_uid: string;
  /** Null when the model pretends the API sent no created_at. */
  hasCreated: boolean;
}

/**
 * An in-memory model of the AIKYNETIX session list: created_at at minute resolution, newest
 * first with ties in a fixed server order, limit/start_after_id paging, by-ids, deletes. It counts
 * every request and every session it returns.
 */
export class SessionListModel implements FeedSource {
  sessions = new Map<string, ModelSession>();
  clockMs = Date.UTC(2026, 0, 5, 9, 0, 0);
  newestCalls = 0;
  byIdsCalls = 0;
  sessionsReturned = 0;
  maxLimitSeen = 0;
  /** What a start_after_id naming a deleted session gives: an empty page (404 read as empty) or an error. */
  deletedCursor: 'empty' | 'throw' = 'empty';
  /** Whether pages carry the account's count (the API's query_count). */
  reportsTotal = true;
  private counter = 0;

  constructor(private readonly random = rng(1)) {}

  get minute(): number {
    return Math.floor(this.clockMs / 60000);
  }

  create(over: Partial<ModelSession> = {}): ModelSession {
    const id = over.id ?? `s${String(++this.counter).padStart(5, '0')}${this.random.int(1e6).toString(36)}`;
    const s: ModelSession = {
      id,
      minute: this.minute,
      tie: this.random.next(),
      status: 'processing',
      activity: this.random.pick(['Running', 'Vertical Jump', 'Weightlifting']),
      user_id: this.random.pick(['u1', 'u2', 'u3']),
      uploaded_uid: this.random.pick(['coachA', 'coachB']),
      hasCreated: true,
      ...over,
    };
    this.sessions.set(id, s);
    this.touch();
    return s;
  }

  private cache: { version: number; list: ModelSession[]; index: Map<string, number> } | undefined;
  /** Bumped by create/remove/backdate; direct edits of `minute` or `sessions` must call touch(). */
  private version = 0;

  touch(): void {
    this.version++;
  }

  /** Deletes a session (as the API's DELETE does). */
  remove(id: string): boolean {
    this.touch();
    return this.sessions.delete(id);
  }

  /** Moves a session's recorded date (Update Session's created_at) to another minute. */
  backdate(s: ModelSession, minute: number): void {
    s.minute = minute;
    s.tie = this.random.next();
    this.touch();
  }

  ordered(): ModelSession[] {
    return this.sorted().list;
  }

  private sorted() {
    // Cached per change (sweeps page through thousands of sessions).
    if (!this.cache || this.cache.version !== this.version || this.cache.list.length !== this.sessions.size) {
      const list = [...this.sessions.values()].sort((a, b) => b.minute - a.minute || b.tie - a.tie);
      this.cache = { version: this.version, list, index: new Map(list.map((s, i) => [s.id, i])) };
    }
    return this.cache;
  }

  view(s: ModelSession): Session {
    return {
      id: s.id,
      status: s.status,
      created_at_iso: s.hasCreated ? new Date(s.minute * 60000).toISOString() : null,
      activity: s.activity,
      user_id: s.user_id,
      uploaded_uid: s.uploaded_uid,
      metrics: { cadence: 170 },
    };
  }

  async newest({ limit, start_after_id }: { limit: number; start_after_id?: string }) {
    this.newestCalls++;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new Error(`bad limit ${limit}`);
    this.maxLimitSeen = Math.max(this.maxLimitSeen, limit);
    const { list, index } = this.sorted();
    let from = 0;
    if (start_after_id !== undefined) {
      const i = index.get(start_after_id) ?? -1;
      if (i < 0) {
        if (this.deletedCursor === 'throw') throw new NotFoundError('Session not found', { status: 404 });
        return { sessions: [] };
      }
      from = i + 1;
    }
    const page = list.slice(from, from + limit).map((s) => this.view(s));
    this.sessionsReturned += page.length;
    return { sessions: page, total: this.reportsTotal ? list.length : undefined };
  }

  async byIds(ids: string[]) {
    this.byIdsCalls++;
    if (ids.length === 0 || ids.length > 100) throw new Error(`bad by-ids size ${ids.length}`);
    const found = ids.map((id) => this.sessions.get(id)).filter((s): s is ModelSession => !!s);
    this.sessionsReturned += found.length;
    return found.map((s) => this.view(s));
  }

  counters() {
    return { newest: this.newestCalls, byIds: this.byIdsCalls, returned: this.sessionsReturned };
  }
}
