import { run } from './support/app';
import { ZapierDedupe } from './support/dedupe';
import { authFor, startSim, type Simulator } from './support/sim';

type Item = Record<string, unknown>;

/** Zapier's default throttle: at most this many new items per poll are run without being held. */
const ZAPIER_NEW_ITEMS_PER_POLL = 100;

describe('session triggers lose no event to a window (Zapier dedupe by id, simulated)', () => {
  let sim: Simulator;
  let auth: ReturnType<typeof authFor>;
  const poll = (key: string, meta: Item = {}, inputData: Item = {}): Promise<Item[]> =>
    run('triggers', key, { authData: auth, inputData, meta });
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

  beforeAll(async () => {
    // Sessions stay Processing until a test finishes them.
    sim = await startSim({ processingDelayMs: 3_600_000 });
    auth = authFor(sim.url, sim.apiKey);
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.control.reset());

  it('New Session Processed: a burst of 100 and a slow session overtaken by 200 newer ones each fire exactly once', async () => {
    const zap = new ZapierDedupe();
    const old = sim.control.seed({ count: 30, processed: true, newestAt: minutesAgo(600), spacingMs: 60_000 }).ids;
    // The slow one: uploaded before everything below, still processing.
    const [slow] = sim.control.seed({ count: 1, processed: false, newestAt: minutesAgo(400) }).ids;

    const dedupe = await poll('session_processed', { isPopulatingDedupe: true });
    zap.populate(dedupe);
    // The dedupe poll carries ids only: small whatever the window holds.
    expect(dedupe.every((i) => Object.keys(i).join() === 'id')).toBe(true);
    expect(dedupe.map((i) => i.id).sort()).toEqual([...old].sort());

    // 100 sessions processed between two polls (10 s apart, all in the last 17 minutes).
    const burst1 = sim.control.seed({ count: 100, processed: true, newestAt: minutesAgo(300), spacingMs: 10_000 }).ids;
    const fired1 = zap.poll(await poll('session_processed'));
    expect(fired1.sort()).toEqual([...burst1].sort());
    expect(fired1.length).toBeLessThanOrEqual(ZAPIER_NEW_ITEMS_PER_POLL);

    const burst2 = sim.control.seed({ count: 100, processed: true, newestAt: minutesAgo(5), spacingMs: 10_000 }).ids;
    const fired2 = zap.poll(await poll('session_processed'));
    expect(fired2.sort()).toEqual([...burst2].sort());

    // 200 newer sessions finished first; now the slow one does.
    expect(zap.poll(await poll('session_processed'))).toEqual([]);
    sim.control.setSessionStatus(slow, 'Processed');
    expect(zap.poll(await poll('session_processed'))).toEqual([slow]);
    expect(zap.poll(await poll('session_processed'))).toEqual([]);

    const expected = [...burst1, ...burst2, slow];
    expect([...zap.fired.keys()].sort()).toEqual(expected.sort());
    expect([...zap.fired.values()].every((n) => n === 1)).toBe(true);
    for (const id of old) expect(zap.fired.has(id)).toBe(false);
  });

  it('New Session fires once per upload and Session Failed once per failure, across bursts', async () => {
    const created = new ZapierDedupe();
    const failed = new ZapierDedupe();
    sim.control.seed({ count: 10, processed: true, failedEvery: 2, newestAt: minutesAgo(120) });
    created.populate(await poll('new_session', { isPopulatingDedupe: true }));
    failed.populate(await poll('session_failed', { isPopulatingDedupe: true }));

    const pending = sim.control.seed({ count: 100, processed: false, newestAt: minutesAgo(60), spacingMs: 5_000 }).ids;
    expect(created.poll(await poll('new_session')).sort()).toEqual([...pending].sort());
    expect(failed.poll(await poll('session_failed'))).toEqual([]);

    // Half of them fail, later, after 100 newer uploads.
    const newer = sim.control.seed({ count: 100, processed: false, newestAt: minutesAgo(1), spacingMs: 500 }).ids;
    expect(created.poll(await poll('new_session')).sort()).toEqual([...newer].sort());
    expect(created.poll(await poll('new_session'))).toEqual([]);
    const failing = pending.filter((_, i) => i % 2 === 0);
    for (const id of failing) sim.control.setSessionStatus(id, 'Failed');
    expect(failed.poll(await poll('session_failed')).sort()).toEqual([...failing].sort());

    expect([...created.fired.keys()].sort()).toEqual([...pending, ...newer].sort());
    expect([...created.fired.values()].every((n) => n === 1)).toBe(true);
    expect([...failed.fired.values()].every((n) => n === 1)).toBe(true);
  });

  it('sample loading is one small request, filtered by status', async () => {
    sim.control.seed({ count: 40, processed: true, failedEvery: 4 });
    const before = sim.control.stats().totalRequests;
    const sample = await poll('session_failed', { isLoadingSample: true });
    expect(sim.control.stats().totalRequests - before).toBe(1);
    expect(sample).toHaveLength(10);
    expect(sample.every((i) => i.status === 'failed')).toBe(true);
  });

  it('a session older than the window is not re-read (the walk stops at the window start)', async () => {
    sim.control.seed({ count: 300, processed: true, newestAt: minutesAgo(80 * 60), spacingMs: 60_000 });
    sim.control.seed({ count: 3, processed: true });
    const before = sim.control.stats().totalRequests;
    const items = await poll('session_processed');
    expect(items).toHaveLength(3);
    expect(sim.control.stats().totalRequests - before).toBe(1);
  });
});
