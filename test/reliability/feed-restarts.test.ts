import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aikynetix, feedSourceFromApi, pollEvents, type FeedEvent, type FeedState, type FeedWarning } from '@aikynetix/core';
import { KEYS, LeakWatch } from './support/secrets';
import { sampleVideo, startSim, type FaultSpec, type Simulator } from './support/sim';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const OPTS = { events: ['created', 'processed', 'failed'] as Array<'created' | 'processed' | 'failed'> };

/** One fault set per round, cycling: every kind the simulator can inject, on the list and by-ids routes. */
const CYCLE: Array<Omit<FaultSpec, 'route'>> = [
  { rateLimit: { count: 2, retryAfterSeconds: 0 } },
  { serverError: { count: 3 } },
  { drop: { count: 2 } },
  { drop: { count: 1, after: 'partial-body' } },
  { truncatedJson: { count: 1 } },
  { latencyMs: 60 },
  { serverError: { count: 1, html: true } },
  {},
];

describe('trigger event feed under faults and simulator restarts (persistent data dir)', () => {
  const watch = new LeakWatch();
  let dataDir: string;
  let sim: Simulator;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'aikynetix-feed-restarts-'));
  });
  afterAll(async () => {
    await sim?.close();
    rmSync(dataDir, { recursive: true, force: true });
    expect(watch.leaks()).toEqual([]);
  });

  test('every new session (back-dated ones and a burst of 2,000 too) is emitted as created once and as processed/failed once; history never', async () => {
    sim = await startSim({ dataDir, processingDelayMs: 300 });
    const port = Number(new URL(sim.url).port);
    const restart = async () => {
      await sim.close();
      sim = await startSim({ dataDir, port, processingDelayMs: 300 });
    };
    const history = sim.control.seed({ count: 40, newestAt: new Date(Date.now() - 5 * 60_000).toISOString() }).ids;
    const client = new Aikynetix({ apiKey: KEYS.admin, baseUrl: sim.url, maxRetries: 1, maxRetryAfterMs: 300, logger: watch.logger() });
    const source = feedSourceFromApi(client);
    const events: FeedEvent[] = [];
    const warnings: FeedWarning[] = [];
    const fresh = new Set<string>();
    let failedPolls = 0;
    let restarts = 0;
    let backdated = 0;

    let state: FeedState = (await pollEvents(source, undefined, OPTS)).state;
    /** A host's poll: store the state only once the events are handed on; on failure keep the old one. */
    const poll = async () => {
      try {
        const r = await pollEvents(source, state, OPTS);
        events.push(...r.events);
        warnings.push(...r.warnings);
        state = JSON.parse(JSON.stringify(r.state)) as FeedState; // as n8n static data stores it
      } catch (err) {
        failedPolls++;
        watch.record('failed poll', err);
      }
    };

    for (let round = 0; round < 16; round++) {
      // New sessions: two still processing (every third round one of them ends Failed), an upload now and then.
      sim.control.seed({ count: 2, processed: false, spacingMs: 1, failedEvery: round % 3 === 0 ? 2 : 0 }).ids.forEach((id) => fresh.add(id));
      if (round % 4 === 1) {
        const r = await client.running.createSession({ user_id: 'feed-runner', video: sampleVideo(4096) });
        fresh.add(r.session_id);
      }
      if (round % 3 === 2) {
        // A user fixes the recording date before the next poll: weeks into the past, below the feed's position.
        const [late] = sim.control.seed({ count: 1, processed: round % 2 === 0 }).ids;
        fresh.add(late);
        await client.sessions.update({ session_id: late, created_at: `2026-0${1 + (round % 8)}-1${round % 10} 07:15:00` }).catch(() => undefined);
        if (sim.control.session(late)!.createdAt.startsWith(new Date().toISOString().slice(0, 10))) {
          // The update met a fault: do it without one (what the user would do after an error).
          sim.control.clearFaults();
          await client.sessions.update({ session_id: late, created_at: `2026-0${1 + (round % 8)}-1${round % 10} 07:15:00` });
        }
        backdated++;
      }
      if (round === 6) {
        // A bulk upload: 2,000 sessions within the next 100 seconds, still processing.
        sim.control.seed({ count: 2000, processed: false, spacingMs: 50, newestAt: new Date(Date.now() + 100_000).toISOString() }).ids.forEach((id) => fresh.add(id));
      }
      sim.control.setFaults({ ...CYCLE[round % CYCLE.length], route: '/session-management/sessions/' });
      if (round === 10) {
        // Restart while a poll is in flight.
        const inFlight = poll();
        await restart();
        restarts++;
        await inFlight;
      } else {
        await poll();
      }
      sim.control.clearFaults();
      if (round % 5 === 4) {
        await restart();
        restarts++;
      }
      await sleep(120);
    }
    // Quiet time: everything finishes processing; later polls deliver what is left.
    await sleep(500);
    for (let i = 0; i < 6; i++) {
      await poll();
      await sleep(100);
    }
    await client.close();

    expect(restarts).toBe(4);
    expect(backdated).toBeGreaterThanOrEqual(5);
    expect(failedPolls).toBeGreaterThan(0); // the faults did make polls fail; the state carried over
    const keys = events.map((e) => e.dedupeKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(events.filter((e) => history.includes(e.sessionId))).toEqual([]);
    for (const id of fresh) {
      const final = sim.control.session(id)!.video_status.toLowerCase();
      expect(['processed', 'failed']).toContain(final);
      const got = events.filter((e) => e.sessionId === id).map((e) => e.event).sort();
      expect({ id, got }).toEqual({ id, got: ['created', final].sort() });
    }
    expect(events.length).toBe(fresh.size * 2);
    expect(warnings).toEqual([]);
    watch.record('events', events);
  });
});
