import { AikynetixError } from '../errors/base';
import { checkEvents, matchesFilters } from './filters';
import { FUTURE_SLACK_MINUTES, minuteOf } from './minutes';
import { scan, type Budget, type ScanResult } from './scan';
import { DEFAULT_LIMITS, fitState, hashSet, idHash, readState } from './state';
import type { FeedEvent, FeedEventType, FeedLimits, FeedSession, FeedSource, FeedState, PollEventsOptions, PollStats } from './types';

export interface PollEventsResult {
  /** New events, oldest first. */
  events: FeedEvent[];
  /** Store this and pass it to the next poll (only once the events are safely handed on). */
  state: FeedState;
  stats: PollStats;
}

interface Ctx {
  source: FeedSource;
  limits: FeedLimits;
  nowMinute: number;
  budget: Budget;
  stats: PollStats;
}

/** Newest plausible created minute among sessions (edited, far-future dates ignored). */
function newestMinute(sessions: FeedSession[], floor: number | null, nowMinute: number): number | null {
  let wm = floor;
  for (const s of sessions) {
    const m = minuteOf(s);
    if (m !== null && m <= nowMinute + FUTURE_SLACK_MINUTES && (wm === null || m > wm)) wm = m;
  }
  return wm;
}

/** Concatenated hashes: the given id lists first, then an existing `known` string; deduplicated, capped. */
function knownOf(max: number, ...parts: Array<string[] | string>): string {
  const seen = new Set<string>();
  let out = '';
  for (const part of parts) {
    const hashes = typeof part === 'string' ? [...hashSet(part)] : part.map(idHash);
    for (const h of hashes) {
      if (seen.size >= max) return out;
      if (!seen.has(h)) {
        seen.add(h);
        out += h;
      }
    }
  }
  return out;
}

/** Keeps pending sessions young enough and within the cap; the rest are given up (oldest first). */
function boundPending(pending: Array<[string, number]>, ctx: Ctx): Array<[string, number]> {
  const maxAgeMinutes = Math.floor(ctx.limits.pendingMaxAgeMs / 60000);
  const kept = pending.filter(([id, since]) => {
    const young = ctx.nowMinute - since <= maxAgeMinutes;
    if (!young) ctx.stats.givenUp.push(id);
    return young;
  });
  const over = kept.length - ctx.limits.maxPending;
  if (over > 0) ctx.stats.givenUp.push(...kept.splice(0, over).map(([id]) => id));
  return kept;
}

/** Sessions created in the watermark minute among those read. */
function tiesAt(wm: number | null, sessions: Iterable<FeedSession>): { count: number; lastIsTie: boolean } {
  let count = 0;
  let lastIsTie = false;
  for (const s of sessions) {
    lastIsTie = wm !== null && minuteOf(s) === wm;
    if (lastIsTie) count++;
  }
  return { count, lastIsTie };
}

function finish(state: FeedState, events: FeedEvent[], ctx: Ctx, ties = 0): PollEventsResult {
  if (!state.wmFull) delete state.wmFull;
  const fitted = fitState(state, ctx.limits.maxStateChars, state.wmFull ? 0 : ties);
  ctx.stats.givenUp.push(...fitted.dropped);
  ctx.stats.requests = ctx.budget.pages + ctx.stats.byIdsRequests;
  ctx.stats.pages = ctx.budget.pages;
  ctx.stats.sessionsRead = ctx.budget.sessionsRead;
  ctx.stats.burstPending = fitted.state.burst !== undefined;
  return { events, state: fitted.state, stats: ctx.stats };
}

/** First run: learn the newest sessions and those still processing; emit nothing. */
async function seed(ctx: Ctx): Promise<PollEventsResult> {
  ctx.stats.seeded = true;
  // A one-time cost: enough pages to read the whole seed window whatever maxPages says.
  let pages = 0;
  for (let read = 0, size = ctx.limits.firstPageSize; read < ctx.limits.seedSessions; pages++) {
    read += size;
    size = Math.min(size * 2, ctx.limits.maxPageSize);
  }
  ctx.budget.pagesLeft = Math.max(ctx.budget.pagesLeft, pages + 1);
  const r = await scan(ctx.source, { wm: null, isKnown: () => false, maxFresh: ctx.limits.seedSessions }, ctx.limits, ctx.budget);
  const pending = r.fresh
    .filter((s) => s.status === 'processing')
    .reverse()
    .map((s): [string, number] => [s.id, ctx.nowMinute]);
  const wm = newestMinute(r.fresh, null, ctx.nowMinute);
  const ties = tiesAt(wm, r.fresh);
  const state: FeedState = {
    v: 1,
    wm,
    // The seed window ended inside the newest minute: the rest of that minute is history we
    // never saw, so that minute counts as finished.
    wmFull: ties.count > ctx.limits.maxKnown || (r.fresh.length >= ctx.limits.seedSessions && ties.lastIsTie),
    known: knownOf(ctx.limits.maxKnown, r.fresh.map((s) => s.id)),
    pending: boundPending(pending, ctx),
  };
  return finish(state, [], ctx, ties.count);
}

/** Statuses of pending sessions the scans did not already read, via by-ids in chunks. */
async function refreshPending(ids: string[], observed: Map<string, FeedSession>, ctx: Ctx): Promise<Map<string, FeedSession>> {
  const current = new Map<string, FeedSession>();
  const missing: string[] = [];
  for (const id of ids) {
    const seen = observed.get(id);
    if (seen) current.set(id, seen);
    else missing.push(id);
  }
  for (let i = 0; i < missing.length; i += ctx.limits.byIdsChunk) {
    ctx.stats.byIdsRequests++;
    const found = await ctx.source.byIds(missing.slice(i, i + ctx.limits.byIdsChunk));
    for (const s of found) if (s && missing.includes(s.id)) current.set(s.id, s);
  }
  return current;
}

/**
 * One poll of the trigger event feed. Pure apart from `source` reads: give it the state from the
 * previous poll (undefined the first time) and store the returned state once the events are
 * delivered; if it throws, keep the old state and the next poll redoes the work (nothing lost,
 * nothing doubled).
 *
 * Guarantees: each (session, event) once; sessions finishing after newer ones were created are
 * still reported; deleted sessions drop out silently; the first run emits no history but keeps
 * watching sessions that were still processing; a quiet poll is one small list request plus
 * by-ids for processing sessions; state stays under `limits.maxStateChars`.
 */
export async function pollEvents(
  source: FeedSource,
  previous: FeedState | undefined,
  opts: PollEventsOptions,
): Promise<PollEventsResult> {
  checkEvents(opts.events);
  const limits: FeedLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const now = opts.now ?? Date.now;
  const stats: PollStats = {
    seeded: false,
    reseeded: false,
    requests: 0,
    pages: 0,
    byIdsRequests: 0,
    sessionsRead: 0,
    newSessions: 0,
    givenUp: [],
    lostBurst: false,
    burstPending: false,
  };
  const ctx: Ctx = { source, limits, nowMinute: Math.floor(now() / 60000), budget: { pagesLeft: limits.maxPages, pages: 0, sessionsRead: 0 }, stats };

  const state = previous === undefined ? undefined : readState(previous);
  if (!state) {
    stats.reseeded = previous !== undefined;
    return seed(ctx);
  }

  const known = hashSet(state.known);
  const pendingIds = new Set(state.pending.map(([id]) => id));
  const claimed = new Set<string>();
  const isKnown = (id: string) => claimed.has(id) || pendingIds.has(id) || known.has(idHash(id));
  const observed = new Map<string, FeedSession>();
  const absorb = (r: ScanResult) => {
    r.observed.forEach((s, id) => observed.set(id, s));
    r.fresh.forEach((s) => claimed.add(s.id));
  };

  // 1. Finish a burst left over from an earlier poll (its sessions are older than anything above).
  let burst = state.burst;
  let burstFresh: FeedSession[] = [];
  if (burst) {
    const before = hashSet(burst.known);
    const r = await scan(
      source,
      { after: burst.after, wm: burst.wm, endMeansLost: burst.wm !== null, isKnown: (id) => isKnown(id) || before.has(idHash(id)) },
      limits,
      ctx.budget,
    );
    absorb(r);
    burstFresh = r.fresh;
    if (r.cursorLost) {
      stats.lostBurst = true;
      burst = undefined;
    } else if (r.complete) burst = undefined;
    else burst = { ...burst, after: r.cursor.length > 0 ? r.cursor : burst.after };
  }

  // 2. From the newest session down to the watermark, when the burst left budget for it.
  let topFresh: FeedSession[] = [];
  let wm = state.wm;
  // Until the top scan completes, newer sessions may be waiting: the host may poll again at once.
  let caughtUp = false;
  let wmFull = state.wmFull ?? false;
  let ties = 0;
  if (!burst && ctx.budget.pagesLeft > 0) {
    const params = { wm: state.wm, closed: state.wmFull, isKnown };
    let r = await scan(source, params, limits, ctx.budget);
    if (r.cursorLost && ctx.budget.pagesLeft > 0) r = await scan(source, params, limits, ctx.budget);
    if (r.cursorLost) {
      // Sessions we just read were deleted under our feet twice: try again next poll from the same state.
      throw new AikynetixError('The session list changed while it was being read; the next poll will retry', {
        operationId: 'sessions.filter',
        hint: 'Nothing was lost; this resolves itself on the next poll.',
      });
    }
    absorb(r);
    topFresh = r.fresh;
    wm = newestMinute(topFresh, state.wm, ctx.nowMinute);
    if (!r.complete) burst = { after: r.cursor, wm: state.wm, known: state.known };
    caughtUp = r.complete;
    if (wm !== state.wm || !wmFull) {
      // A new watermark minute, or an open one: did it hold more sessions than we can remember?
      const t = tiesAt(wm, r.observed.values());
      ties = t.count;
      // (A cut scan leaves the rest of the minute to the burst continuation, which reads it.)
      wmFull = t.count > limits.maxKnown;
    }
  }
  stats.newSessions = topFresh.length + burstFresh.length;

  // 3. Pending sessions: statuses from the scans, the rest via by-ids.
  const current = await refreshPending([...pendingIds], observed, ctx);
  const events: FeedEvent[] = [];
  const emit = (event: FeedEventType, session: FeedSession) => {
    if (opts.events.includes(event) && matchesFilters(session, opts.filters)) {
      events.push({ event, sessionId: session.id, session, dedupeKey: `${session.id}:${event}` });
    }
  };
  const stillPending: Array<[string, number]> = [];
  for (const [id, since] of state.pending) {
    const s = current.get(id);
    if (!s) continue; // deleted: forget it
    if (s.status === 'processing') stillPending.push([id, since]);
    else emit(s.status, s);
  }
  // 4. New sessions, oldest first: the burst's (older) before the top's.
  for (const s of [...burstFresh].reverse().concat([...topFresh].reverse())) {
    emit('created', s);
    if (s.status === 'processing') stillPending.push([s.id, ctx.nowMinute]);
    else emit(s.status, s);
  }

  const next: FeedState = {
    v: 1,
    wm,
    wmFull,
    // Newest first: the watermark minute's sessions matter most (they are read again by every
    // scan); the burst's older ids come last and are the first to be trimmed.
    known: knownOf(
      limits.maxKnown,
      topFresh.map((s) => s.id),
      burstFresh.filter((s) => minuteOf(s) === wm).map((s) => s.id),
      state.known,
      burstFresh.map((s) => s.id),
    ),
    pending: boundPending(stillPending, ctx),
  };
  if (burst) next.burst = burst;
  const result = finish(next, events, ctx, ties);
  result.stats.burstPending ||= !caughtUp;
  return result;
}

