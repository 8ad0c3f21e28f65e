import { join } from 'node:path';
import { start, type Simulator } from '@aikynetix/simulator';
import { Aikynetix } from '../src';
import { pollEvents } from '../src/feed/pollEvents';
import { feedSourceFromApi } from '../src/feed/source';
import type { FeedSource, FeedState } from '../src/feed/types';

/** The feed over the real client and the real simulator (created_at as {date, time}, paging, by-ids). */
const SAMPLE = join(__dirname, '../../../shared/fixtures/sample-run.mp4');
let sim: Simulator;
let client: Aikynetix;
beforeAll(async () => {
  sim = await start({ processingDelayMs: 300 });
  client = new Aikynetix({ apiKey: sim.apiKey, baseUrl: sim.url });
  // 2,000 sessions of history, one a minute, the newest 5 minutes ago.
  sim.control.seed({ count: 2000, newestAt: new Date(Date.now() - 5 * 60_000).toISOString(), spacingMs: 60_000, failedEvery: 7 });
});
afterAll(async () => {
  await client?.close();
  await sim?.close();
});

function counting(source: FeedSource) {
  const calls = { newest: 0, byIds: 0, sessions: 0 };
  const wrapped: FeedSource = {
    async newest(p) {
      calls.newest++;
      const r = await source.newest(p);
      calls.sessions += r.sessions.length;
      return r;
    },
    async byIds(ids) {
      calls.byIds++;
      const r = await source.byIds(ids);
      calls.sessions += r.length;
      return r;
    },
  };
  return { wrapped, calls };
}

test('seed, new uploads, processing and failure: each event once, a few requests per poll', async () => {
  const { wrapped, calls } = counting(feedSourceFromApi(client));
  const opts = { events: ['created', 'processed', 'failed'] as const };
  const poll = async (state: FeedState | undefined) => {
    const before = { ...calls };
    const r = await pollEvents(wrapped, state, { ...opts, events: [...opts.events] });
    expect(r.stats.requests).toBe(calls.newest - before.newest + calls.byIds - before.byIds);
    expect(JSON.stringify(r.state).length).toBeLessThan(16384);
    return { ...r, state: JSON.parse(JSON.stringify(r.state)) as FeedState };
  };

  const seeded = await poll(undefined);
  expect(seeded.events).toEqual([]);
  // The first run reads the 2,000 sessions once, in pages of 100, to fingerprint the account.
  expect(seeded.stats.requests).toBe(21);

  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push((await client.running.createSession({ user_id: `athlete-${i}`, video: SAMPLE })).session_id);
  const first = await poll(seeded.state);
  expect(first.events.filter((e) => e.event === 'created').map((e) => e.sessionId).sort()).toEqual([...ids].sort());
  expect(first.stats.requests).toBeLessThanOrEqual(3);

  sim.control.setSessionStatus(ids[1], 'Failed', 'blurry');
  await new Promise((r) => setTimeout(r, 500));
  const second = await poll(first.state);
  const keys = second.events.map((e) => e.dedupeKey).sort();
  expect(keys).toEqual([`${ids[0]}:processed`, `${ids[1]}:failed`, `${ids[2]}:processed`].sort());
  expect(second.events.find((e) => e.event === 'failed')!.session.status).toBe('failed');

  const quiet = await poll(second.state);
  expect(quiet.events).toEqual([]);
  expect(quiet.stats.requests).toBe(1);
  expect(quiet.stats.sessionsRead).toBeLessThanOrEqual(4);
});

describe('feedSourceFromApi over the real client', () => {
  test('pages the unfiltered filter endpoint with the account count; by-ids skips deleted sessions', async () => {
    const source = feedSourceFromApi(client);
    const first = await source.newest({ limit: 4 });
    expect(first.sessions).toHaveLength(4);
    expect(first.total).toBe(sim.control.stats().sessions);
    expect(first.sessions[0]).toEqual(expect.objectContaining({ id: expect.any(String), status: expect.stringMatching(/^(processing|processed|failed)$/), created_at_iso: expect.any(String) }));
    const next = await source.newest({ limit: 4, start_after_id: first.sessions[3].id });
    expect(next.sessions.map((s) => s.id)).not.toContain(first.sessions[3].id);
    const ids = [first.sessions[0].id, 'no-such-session-id-000'];
    expect((await source.byIds(ids)).map((s) => s.id)).toEqual([first.sessions[0].id]);
  });
});
