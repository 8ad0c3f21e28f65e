import { ValidationError } from '../src/errors/input';
import { pollEvents, type PollEventsResult } from '../src/feed/pollEvents';
import type { FeedEventType, FeedLimits, FeedState, PollEventsOptions } from '../src/feed/types';
import { DEFAULT_LIMITS } from '../src/feed/state';
import { rng, SessionListModel } from './helpers/feedModel';

const ALL: FeedEventType[] = ['created', 'processed', 'failed'];

/** Polls like a host: state through JSON, clock from the model. */
function feed(api: SessionListModel, opts: Partial<PollEventsOptions> = {}) {
  let state: FeedState | undefined;
  const keys = new Set<string>();
  return {
    get state() {
      return state;
    },
    set state(s) {
      state = s;
    },
    async poll(limits?: Partial<FeedLimits>): Promise<PollEventsResult> {
      const before = api.counters();
      const res = await pollEvents(api, state, { events: ALL, now: () => api.clockMs, ...opts, limits: { ...opts.limits, ...limits } });
      const after = api.counters();
      expect(res.stats.requests).toBe(after.newest - before.newest + after.byIds - before.byIds);
      for (const e of res.events) {
        expect(keys.has(e.dedupeKey)).toBe(false);
        keys.add(e.dedupeKey);
      }
      const json = JSON.stringify(res.state);
      // Bounded: known sets and the fingerprint, plus an entry per session still processing.
      expect(json.length).toBeLessThan(16384 + res.state.pending.reduce((n, [id]) => n + id.length + 16, 0));
      state = JSON.parse(json);
      return res;
    },
    keys,
  };
}

const keysOf = (r: PollEventsResult) => r.events.map((e) => e.dedupeKey);

describe('pollEvents: first run', () => {
  test('seeds without history but keeps watching sessions still processing', async () => {
    const api = new SessionListModel();
    const done = api.create({ status: 'processed' });
    const bad = api.create({ status: 'failed' });
    const busy = api.create();
    const f = feed(api);
    const seedRun = await f.poll();
    expect(seedRun.events).toEqual([]);
    expect(seedRun.stats.seeded).toBe(true);
    expect(f.state!.pending.map(([id]) => id)).toEqual([busy.id]);
    busy.status = 'processed';
    api.clockMs += 60_000;
    const next = await f.poll();
    expect(keysOf(next)).toEqual([`${busy.id}:processed`]);
    expect(next.events[0].session.status).toBe('processed');
    expect([...f.keys].some((k) => k.startsWith(done.id) || k.startsWith(bad.id))).toBe(false);
  });

  test('an empty account seeds fine and then reports everything new', async () => {
    const api = new SessionListModel();
    const f = feed(api);
    expect((await f.poll()).events).toEqual([]);
    const a = api.create({ status: 'processed' });
    const b = api.create();
    const r = await f.poll();
    const ordered = [a, b].sort((x, y) => x.tie - y.tie).map((s) => s.id);
    expect(r.events.filter((e) => e.event === 'created').map((e) => e.sessionId)).toEqual(ordered);
    expect(keysOf(r)).toContain(`${a.id}:processed`);
  });

  test('unreadable or foreign state is replaced by a fresh seed (no flood of history)', async () => {
    const api = new SessionListModel();
    for (let i = 0; i < 30; i++) api.create({ status: 'processed' });
    for (const bad of [{}, { v: 2 }, { v: 1, wm: 'x', known: '', pending: [] }, 'garbage', null]) {
      const res = await pollEvents(api, bad as never, { events: ALL, now: () => api.clockMs });
      expect(res.events).toEqual([]);
      expect(res.stats.reseeded).toBe(true);
    }
  });

  test('bad event choices are rejected before any request', async () => {
    const api = new SessionListModel();
    for (const events of [[], ['created', 'deleted'], 'created']) {
      const err = await pollEvents(api, undefined, { events: events as never }).catch((e) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect(err.field).toMatch(/^events/);
    }
    expect(api.counters().newest).toBe(0);
  });
});

describe('pollEvents: guarantees', () => {
  test('a session finishing after newer sessions were created is still reported', async () => {
    const api = new SessionListModel();
    api.create({ status: 'processed' });
    const f = feed(api);
    await f.poll();
    api.clockMs += 60_000;
    const slow = api.create();
    await f.poll();
    for (let i = 0; i < 25; i++) {
      api.clockMs += 60_000;
      api.create({ status: 'processed' });
      await f.poll();
    }
    slow.status = 'failed';
    const r = await f.poll();
    expect(keysOf(r)).toEqual([`${slow.id}:failed`]);
    expect(r.stats.byIdsRequests).toBe(1); // slow is far below the first page: fetched by id
  });

  test('same-minute ties: a new session sorted between known ones is found, once', async () => {
    const api = new SessionListModel(rng(7));
    const f = feed(api);
    await f.poll();
    const made: string[] = [];
    for (let i = 0; i < 12; i++) {
      made.push(api.create({ status: 'processed' }).id); // all in one minute, random tie order
      const r = await f.poll();
      expect(r.events.filter((e) => e.event === 'created').map((e) => e.sessionId)).toEqual([made[i]]);
    }
  });

  test('deleted sessions drop out of state silently, including the watermark session', async () => {
    const api = new SessionListModel();
    const f = feed(api);
    api.create({ status: 'processed' });
    await f.poll();
    api.clockMs += 60_000;
    const doomed = api.create();
    const newest = api.create();
    await f.poll();
    expect(f.state!.pending.map(([id]) => id).sort()).toEqual([doomed.id, newest.id].sort());
    api.remove(doomed.id);
    api.remove(newest.id); // the watermark minute is now empty
    const r = await f.poll();
    expect(r.events).toEqual([]);
    expect(f.state!.pending).toEqual([]);
    api.clockMs += 30_000; // same minute as the deleted watermark session, or the next
    const fresh = api.create();
    expect(keysOf(await f.poll())).toEqual([`${fresh.id}:created`]);
  });

  test('filters are applied client side; the list is still read unfiltered', async () => {
    const api = new SessionListModel();
    const f = feed(api, { events: ['created', 'processed'], filters: { activity: 'RUNNING', uploaded_by: 'coachB' } });
    await f.poll();
    const hit = api.create({ activity: 'Running', uploaded_uid: 'coachB' });
    api.create({ activity: 'Running', uploaded_uid: 'coachA', status: 'processed' });
    api.create({ activity: 'Weightlifting', uploaded_uid: 'coachB', status: 'processed' });
    expect(keysOf(await f.poll())).toEqual([`${hit.id}:created`]);
    hit.status = 'processed';
    expect(keysOf(await f.poll())).toEqual([`${hit.id}:processed`]);
  });

  test('without created_at anywhere, the first known id marks the boundary', async () => {
    const api = new SessionListModel();
    for (let i = 0; i < 8; i++) {
      api.clockMs += 60_000;
      api.create({ hasCreated: false, status: 'processed' });
    }
    const f = feed(api);
    await f.poll();
    expect(f.state!.wm).toBeNull();
    api.clockMs += 60_000;
    const a = api.create({ hasCreated: false });
    const r = await f.poll();
    expect(keysOf(r)).toEqual([`${a.id}:created`]);
    expect(r.stats.pages).toBe(1);
  });

  test('a session edited to a far-future created_at does not hide new sessions', async () => {
    const api = new SessionListModel();
    api.create({ status: 'processed' });
    const f = feed(api);
    await f.poll();
    api.create({ status: 'processed', minute: api.minute + 30 * 24 * 60 }); // appears new with a 2026+30d date
    await f.poll();
    api.clockMs += 60_000;
    const later = api.create();
    expect(keysOf(await f.poll())).toEqual([`${later.id}:created`]);
  });
});

describe('pollEvents: cost and bounds', () => {
  test('10,000 existing sessions: seeding reads the account once in pages of 100, a poll with 3 new ones costs one request', async () => {
    const api = new SessionListModel(rng(99));
    api.clockMs -= 10_000 * 4 * 60_000;
    for (let i = 0; i < 10_000; i++) {
      api.clockMs += 4 * 60_000;
      api.create({ status: i % 50 === 0 && i > 9_900 ? 'processing' : 'processed' });
    }
    const f = feed(api);
    const seedRun = await f.poll();
    expect(seedRun.stats.pages).toBe(101);
    expect(seedRun.stats.sessionsRead).toBe(10_000);
    const pendingAtSeed = f.state!.pending.length;
    expect(pendingAtSeed).toBe(1);

    api.clockMs += 60_000;
    const news = [api.create(), api.create({ status: 'processed' }), api.create()];
    const r = await f.poll();
    expect(r.events.filter((e) => e.event === 'created').map((e) => e.sessionId).sort()).toEqual(news.map((s) => s.id).sort());
    // The page of 4 holds the 3 new ones and the watermark minute's session, so a second (8) page
    // confirms the boundary; plus one by-ids for the session pending since the seed.
    expect(r.stats.pages).toBeLessThanOrEqual(2);
    expect(r.stats.byIdsRequests).toBe(1);
    expect(r.stats.requests).toBeLessThanOrEqual(3);
    expect(r.stats.sessionsRead).toBeLessThanOrEqual(12);
    expect(r.stats.swept).toBe(false); // the count adds up: no full read

    const quiet = await f.poll();
    expect(quiet.events).toEqual([]);
    expect(quiet.stats.pages).toBe(1);
    expect(JSON.stringify(f.state).length).toBeLessThan(7000);
  });

  test('a burst bigger than the page budget is delivered over several polls, none lost or doubled', async () => {
    const api = new SessionListModel(rng(5));
    api.create({ status: 'processed' });
    const f = feed(api);
    await f.poll({ maxPages: 3 });
    const burst: string[] = [];
    for (let i = 0; i < 600; i++) {
      if (i % 37 === 0) api.clockMs += 60_000;
      burst.push(api.create({ status: i % 3 === 0 ? 'processed' : 'processing' }).id);
    }
    const created: string[] = [];
    let polls = 0;
    let deletedCursor = false;
    for (;;) {
      const r = await f.poll({ maxPages: 3 });
      polls++;
      expect(r.stats.pages).toBeLessThanOrEqual(3);
      created.push(...r.events.filter((e) => e.event === 'created').map((e) => e.sessionId));
      if (!r.stats.burstPending) break;
      if (!deletedCursor) {
        // The continuation's own cursor session disappears between polls: the next candidate is used.
        const gone = f.state!.burst!.after[0];
        api.remove(gone);
        burst.splice(burst.indexOf(gone), 1);
        created.splice(created.indexOf(gone), 1);
        deletedCursor = true;
      }
      expect(polls).toBeLessThan(50);
    }
    expect(polls).toBeGreaterThan(3);
    expect(new Set(created).size).toBe(created.length);
    expect(created.sort()).toEqual([...burst].sort());
  });

  test('if every cursor candidate of a burst is deleted the rest of that burst is abandoned, visibly', async () => {
    const api = new SessionListModel(rng(6));
    api.deletedCursor = 'throw';
    api.create({ status: 'processed' });
    const f = feed(api);
    await f.poll({ maxPages: 2 });
    for (let i = 0; i < 100; i++) {
      api.clockMs += 60_000; // one per minute: what lies below the cursor is older than the watermark
      api.create({ status: 'processed' });
    }
    const first = await f.poll({ maxPages: 2 });
    expect(first.stats.burstPending).toBe(true);
    for (const id of f.state!.burst!.after) api.remove(id);
    // Two pages per poll, three candidates: the second poll tries the last one and gives up.
    const next = await f.poll({ maxPages: 2 });
    expect(next.stats.burstPending).toBe(true);
    expect(f.state!.burst!.after).toHaveLength(1);
    const last = await f.poll({ maxPages: 2 });
    expect(last.stats.lostBurst).toBe(true);
    expect(last.stats.burstPending).toBe(false);
  });

  test('a minute with more sessions than known can hold is closed: no repeats, no re-reading', async () => {
    const api = new SessionListModel(rng(8));
    api.create({ status: 'processed' });
    const f = feed(api);
    await f.poll();
    api.clockMs += 60_000;
    for (let i = 0; i < 1000; i++) api.create({ status: 'processed' });
    const bulk = await f.poll();
    expect(bulk.events.filter((e) => e.event === 'created')).toHaveLength(1000);
    expect(f.state!.wmFull).toBe(true);
    const again = await f.poll();
    expect(again.events).toEqual([]);
    expect(again.stats.sessionsRead).toBeLessThanOrEqual(4);
    api.clockMs += 60_000;
    const next = api.create();
    expect(keysOf(await f.poll())).toEqual([`${next.id}:created`]);
    expect(f.state!.wmFull).toBeUndefined();
  });

  test('a seed window ending inside the newest minute does not replay the rest of that minute', async () => {
    const api = new SessionListModel(rng(9));
    for (let i = 0; i < 150; i++) api.create({ status: 'processed' });
    const f = feed(api);
    await f.poll();
    expect(f.state!.wmFull).toBe(true);
    expect((await f.poll()).events).toEqual([]);
    api.clockMs += 60_000;
    const next = api.create({ status: 'processed' });
    expect(keysOf(await f.poll())).toEqual([`${next.id}:created`, `${next.id}:processed`]);
  });

  test('1,000 long-id sessions processing are all watched; over maxPending the oldest are given up and named in a warning', async () => {
    const api = new SessionListModel();
    const f = feed(api);
    await f.poll();
    const ids: string[] = [];
    for (let i = 0; i < 1000; i++) {
      if (i % 100 === 0) api.clockMs += 60_000;
      ids.push(api.create({ id: `${String(i).padStart(4, '0')}-e7a1c9f0-3b2d-4c8e-9f1a-6d5b4c3a2f1e` }).id);
    }
    for (let i = 0; i < 20; i++) if (!(await f.poll()).stats.burstPending) break;
    expect(f.state!.pending).toHaveLength(1000);
    expect(JSON.stringify(f.state).length).toBeLessThan(90_000);

    api.clockMs += 60_000;
    const more = Array.from({ length: 50 }, () => api.create().id);
    const r = await f.poll({ maxPending: 1020 });
    // The oldest go first (the first minute's hundred, in server order within the minute).
    expect(r.stats.givenUp).toHaveLength(30);
    expect(r.stats.givenUp.every((id) => ids.slice(0, 100).includes(id))).toBe(true);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'pending_given_up', count: 30, sessionIds: r.stats.givenUp })]);
    const watched = new Set(f.state!.pending.map(([id]) => id));
    expect(watched.has(more[49])).toBe(true);
    expect(r.stats.givenUp.some((id) => watched.has(id))).toBe(false);
  });

  test('sessions processing longer than pendingMaxAgeMs (3 days) are given up', async () => {
    const api = new SessionListModel();
    const f = feed(api);
    await f.poll();
    const stuck = api.create();
    await f.poll();
    api.clockMs += 3 * 24 * 3600_000 + 120_000;
    const r = await f.poll();
    expect(r.stats.givenUp).toEqual([stuck.id]);
    expect(r.warnings.map((w) => w.sessionIds)).toEqual([[stuck.id]]);
    stuck.status = 'processed';
    expect((await f.poll()).events).toEqual([]);
  });
});

describe('pollEvents: sessions that appear below the position (found by the account count and a sweep)', () => {
  /** An account of 300 sessions over the last five hours, seeded. */
  async function setup() {
    const api = new SessionListModel(rng(41));
    api.clockMs -= 300 * 60_000;
    for (let i = 0; i < 300; i++) {
      api.clockMs += 60_000;
      api.create({ status: 'processed' });
    }
    const f = feed(api);
    await f.poll();
    return { api, f };
  }

  test('a session back-dated before the next poll fires created, then processed, once', async () => {
    const { api, f } = await setup();
    api.clockMs += 60_000;
    const late = api.create();
    api.backdate(late, api.minute - 3 * 24 * 60); // three days back, still processing
    const r = await f.poll();
    expect(r.stats.swept).toBe(true);
    expect(r.stats.recovered).toBe(1);
    expect(keysOf(r)).toEqual([`${late.id}:created`]);
    late.status = 'processed';
    expect(keysOf(await f.poll())).toEqual([`${late.id}:processed`]);
    const quiet = await f.poll();
    expect(quiet.events).toEqual([]);
    expect(quiet.stats.requests).toBe(1); // the count adds up again: no sweep
  });

  test('a delete hiding a back-dated session in the count is caught by the periodic sweep', async () => {
    const { api, f } = await setup();
    api.clockMs += 60_000;
    const late = api.create({ status: 'processed' });
    api.backdate(late, api.minute - 600);
    api.remove(api.ordered()[150].id); // an old session goes: the count stays the same
    const r = await f.poll();
    expect(r.events).toEqual([]);
    expect(r.stats.swept).toBe(false);
    api.clockMs += DEFAULT_LIMITS.sweepEveryMs;
    const later = await f.poll();
    expect(later.stats.swept).toBe(true);
    expect(keysOf(later)).toEqual([`${late.id}:created`, `${late.id}:processed`]);
  });

  test('without a count from the API, the periodic sweep still finds them', async () => {
    const { api, f } = await setup();
    api.reportsTotal = false;
    api.clockMs += 60_000;
    const late = api.create({ status: 'failed' });
    api.backdate(late, api.minute - 90);
    expect((await f.poll()).events).toEqual([]);
    api.clockMs += DEFAULT_LIMITS.sweepEveryMs;
    expect(keysOf(await f.poll())).toEqual([`${late.id}:created`, `${late.id}:failed`]);
  });

  test('more than the fingerprint can decode is a warning with the count, never a silent loss or a flood of history', async () => {
    const { api, f } = await setup();
    api.clockMs += 60_000;
    for (let i = 0; i < 400; i++) api.backdate(api.create({ status: 'processed' }), api.minute - 10_000 - i);
    const r = await f.poll();
    expect(r.events).toEqual([]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'sessions_unaccounted', count: 400 })]);
    const next = await f.poll();
    expect(next.warnings).toEqual([]);
    expect(next.events).toEqual([]);
  });

  test('an account larger than the sweep budget: a count that does not add up is a warning', async () => {
    const { api, f } = await setup();
    api.clockMs += 60_000;
    api.backdate(api.create(), api.minute - 500);
    const r = await f.poll({ sweepMaxPages: 2 });
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'sessions_unaccounted', count: 1 })]);
  });
});

describe('pollEvents: accounts too large to sweep', () => {
  test('are not read in full again; a count that grows unexplained is a warning each time', async () => {
    const api = new SessionListModel(rng(43));
    api.clockMs -= 500 * 60_000;
    for (let i = 0; i < 500; i++) {
      api.clockMs += 60_000;
      api.create({ status: 'processed' });
    }
    const f = feed(api);
    const limits = { sweepMaxPages: 3 };
    const seeded = await f.poll(limits);
    expect(seeded.stats.pages).toBe(3);
    expect(f.state!.fp).toBeUndefined();
    api.clockMs += 60_000;
    api.backdate(api.create(), api.minute - 900);
    const r = await f.poll(limits);
    expect(r.stats.requests).toBe(1);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'sessions_unaccounted', count: 1 })]);
    api.clockMs += DEFAULT_LIMITS.sweepEveryMs;
    const later = await f.poll(limits);
    expect(later.stats.requests).toBe(1);
    expect(later.warnings).toEqual([]);
  });
});
