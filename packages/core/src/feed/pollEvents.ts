import { AikynetixError } from '../errors/base';
import type { Session } from '../schemas/session';
import { matchesFilters } from '../schemas/sessionMatch';
import { checkEvents } from './filters';
import { Fingerprint, keyOf } from './fingerprint';
import { FUTURE_SLACK_MINUTES, minuteOf } from './minutes';
import { scan, type ScanResult } from './scan';
import { DEFAULT_LIMITS, fitState, hashSet, idHash, readState } from './state';
import { reconcile, sweepNow, type Ctx } from './reconcile';
import type { FeedEvent, FeedEventType, FeedLimits, FeedSource, FeedState, FeedWarning, PollEventsOptions, PollStats } from './types';
import { givenUpWarning } from './warnings';


export interface PollEventsResult {
  /** New events, oldest first. */
  events: FeedEvent[];
  /** What the feed had to give up or could not pin down this poll: show these to the user. */
  warnings: FeedWarning[];
  /** Store this and pass it to the next poll (only once the events are safely handed on). */
  state: FeedState;
  stats: PollStats;
}


/** Newest plausible created minute among sessions (edited, far-future dates ignored). */
function newestMinute(sessions: Session[], floor: number | null, nowMinute: number): number | null {
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
function tiesAt(wm: number | null, sessions: Iterable<Session>): { count: number; lastIsTie: boolean } {
  let count = 0;
  let lastIsTie = false;
  for (const s of sessions) {
    lastIsTie = wm !== null && minuteOf(s) === wm;
    if (lastIsTie) count++;
  }
  return { count, lastIsTie };
}

function finish(state: FeedState, events: FeedEvent[], ctx: Ctx, warnings: FeedWarning[], ties = 0): PollEventsResult {
  if (!state.wmFull) delete state.wmFull;
  const fitted = fitState(state, ctx.limits.maxStateChars, state.wmFull ? 0 : ties);
  ctx.stats.givenUp.push(...fitted.dropped);
  ctx.stats.requests = ctx.budget.pages + ctx.stats.byIdsRequests;
  ctx.stats.pages = ctx.budget.pages;
  ctx.stats.sessionsRead = ctx.budget.sessionsRead;
  ctx.stats.burstPending = fitted.state.burst !== undefined;
  // Nothing is given up silently: every session no longer watched is named to the user.
  if (ctx.stats.givenUp.length > 0) warnings.push(givenUpWarning(ctx.stats.givenUp));
  return { events, warnings, state: fitted.state, stats: ctx.stats };
}

/**
 * First run: read the whole account once to fingerprint it (how sessions that later appear where
 * no scan looks are found), remember the newest sessions and watch those still processing; emit nothing.
 */
async function seed(ctx: Ctx): Promise<PollEventsResult> {
  ctx.stats.seeded = true;
  const sw = await sweepNow(ctx);
  const window = sw.sessions.slice(0, ctx.limits.seedSessions);
  const pending = sw.sessions
    .filter((s) => s.status === 'processing')
    .reverse()
    .map((s): [string, number] => [s.id, ctx.nowMinute]);
  const wm = newestMinute(window, null, ctx.nowMinute);
  const ties = tiesAt(wm, window);
  const state: FeedState = {
    v: 1,
    wm,
    // The window ended inside the newest minute: the rest of that minute is history the known set
    // cannot hold, so that minute counts as finished (later arrivals in it are found by the count).
    wmFull: ties.count > ctx.limits.maxKnown || (sw.sessions.length > window.length && ties.lastIsTie),
    known: knownOf(ctx.limits.maxKnown, window.map((s) => s.id)),
    pending: boundPending(pending, ctx),
    swept: ctx.nowMinute,
  };
  if (sw.complete) {
    state.n = sw.sessions.length;
    state.fp = sw.fp.pack();
  } else if (sw.total !== undefined) {
    state.n = sw.total;
  }
  return finish(state, [], ctx, [], ties.count);
}

/** Statuses of pending sessions the scans did not already read, via by-ids in chunks. */
async function refreshPending(ids: string[], observed: Map<string, Session>, ctx: Ctx): Promise<Map<string, Session>> {
  const current = new Map<string, Session>();
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
 * still reported; sessions that appear below the feed's position (a recorded date moved into the
 * past, a closed minute, a lost burst cursor) are found by a sweep when the account's count does not
 * add up and at least every `sweepEveryMs`; deleted sessions drop out silently; the first run reads
 * the account once and emits no history but keeps watching sessions that were still processing; a
 * quiet poll is one small list request plus by-ids for processing sessions; whatever the feed must
 * give up is returned in `warnings`, never dropped silently; state stays under `limits.maxStateChars`.
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
    swept: false,
    recovered: 0,
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
  const observed = new Map<string, Session>();
  const absorb = (r: ScanResult) => {
    r.observed.forEach((s, id) => observed.set(id, s));
    r.fresh.forEach((s) => claimed.add(s.id));
  };

  // 1. Finish a burst left over from an earlier poll (its sessions are older than anything above).
  let burst = state.burst;
  let burstFresh: Session[] = [];
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
  let topFresh: Session[] = [];
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

  // 4. Does the account add up? New sessions are in it, deleted pending ones are not.
  const warnings: FeedWarning[] = [];
  let fp = Fingerprint.unpack(state.fp);
  let n = state.n;
  for (const s of [...burstFresh, ...topFresh]) {
    fp?.add(keyOf(s.id));
    if (n !== undefined) n++;
  }
  for (const id of pendingIds) {
    if (current.has(id)) continue;
    fp?.add(keyOf(id), -1);
    if (n !== undefined) n--;
  }
  let recovered: Session[] = [];
  let swept = state.swept;
  // While a burst is being read, its unread part is not in the count: check once caught up.
  if (!burst && caughtUp) {
    const r = await reconcile(ctx, { n, fp, swept }, warnings);
    recovered = r.found;
    n = r.n;
    fp = r.fp;
    swept = r.swept;
  }

  const events: FeedEvent[] = [];
  const emit = (event: FeedEventType, session: Session) => {
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
  // 5. New sessions, oldest first: those found by the sweep (below the scans), the burst's, the top's.
  for (const s of [...recovered].reverse().concat([...burstFresh].reverse(), [...topFresh].reverse())) {
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
      // Found by the sweep: some may sit at the top (created while it ran); the next scan must know them.
      recovered.map((s) => s.id),
      topFresh.map((s) => s.id),
      burstFresh.filter((s) => minuteOf(s) === wm).map((s) => s.id),
      state.known,
      burstFresh.map((s) => s.id),
    ),
    pending: boundPending(stillPending, ctx),
  };
  if (n !== undefined) next.n = n;
  if (fp) next.fp = fp.pack();
  if (swept !== undefined) next.swept = swept;
  if (burst) next.burst = burst;
  const result = finish(next, events, ctx, warnings, ties);
  result.stats.burstPending ||= !caughtUp;
  return result;
}

