import { failureOf, run } from './support/app';
import { authFor, startSim, type Simulator } from './support/sim';

type Item = Record<string, unknown>;

describe('polling triggers against the simulator', () => {
  let sim: Simulator;
  let auth: ReturnType<typeof authFor>;
  const poll = (key: string, inputData: Item = {}, meta?: Item): Promise<Item[]> =>
    run('triggers', key, { authData: auth, inputData, meta });

  beforeAll(async () => {
    // Unprocessed seeds must stay "processing" until a test finishes them (setSessionStatus).
    sim = await startSim({ processingDelayMs: 600_000 });
    auth = authFor(sim.url, sim.apiKey);
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.control.reset());

  const expectNewestFirst = (items: Item[]) => {
    const times = items.map((i) => Date.parse(String(i.created_at)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  };

  it('an empty account polls fine (the API 404 "nothing found" is no error)', async () => {
    await expect(poll('session_processed')).resolves.toEqual([]);
    await expect(poll('new_session')).resolves.toEqual([]);
    await expect(poll('session_failed')).resolves.toEqual([]);
  });

  it('New Session Processed lists only processed sessions, newest first, each with a unique id', async () => {
    sim.control.seed({ count: 12, processed: true, failedEvery: 4 });
    sim.control.seed({ count: 3, processed: false, newestAt: new Date(Date.now() + 60_000).toISOString() });
    const items = await poll('session_processed');
    expect(items).toHaveLength(9);
    expect(items.every((i) => i.status === 'processed')).toBe(true);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(items.every((i) => typeof i.id === 'string' && i.id === i.session_id)).toBe(true);
    expectNewestFirst(items);
    // The listing's headline numbers come along, so simple zaps need no report step.
    expect(items[0].metrics__avg_speed).toEqual(expect.any(Number));
    // Flat items: nothing a zap cannot map.
    for (const item of items) for (const v of Object.values(item)) expect(['string', 'number', 'boolean']).toContain(v === null ? 'string' : typeof v);
  });

  it('New Session includes sessions still processing; Session Failed only failed ones', async () => {
    sim.control.seed({ count: 6, processed: true, failedEvery: 3 });
    // created_at has minute resolution: keep the pending ones in later minutes than the rest.
    sim.control.seed({ count: 2, processed: false, newestAt: new Date(Date.now() + 180_000).toISOString() });
    const all = await poll('new_session');
    expect(all).toHaveLength(8);
    expectNewestFirst(all);
    expect(all.slice(0, 2).every((i) => i.status === 'processing')).toBe(true);
    const failed = await poll('session_failed');
    expect(failed.map((i) => i.status)).toEqual(['failed', 'failed']);
  });

  it('a session that finishes after newer ones were uploaded still triggers', async () => {
    const [older] = sim.control.seed({ count: 1, processed: false, newestAt: new Date(Date.now() - 3_600_000).toISOString() }).ids;
    sim.control.seed({ count: 5, processed: true });
    expect((await poll('session_processed')).map((i) => i.id)).not.toContain(older);
    sim.control.setSessionStatus(older, 'Processed');
    expect((await poll('session_processed')).map((i) => i.id)).toContain(older);
  });

  it('filters by athlete and activity', async () => {
    sim.control.seed({ count: 4, processed: true, userIds: ['athlete-a', 'athlete-b'] });
    sim.control.seed({ count: 2, processed: true, activity: 'Weightlifting', userIds: ['athlete-a'] });
    const a = await poll('session_processed', { user_id: 'athlete-a' });
    expect(a).toHaveLength(4);
    expect(a.every((i) => i.user_id === 'athlete-a')).toBe(true);
    const lifts = await poll('session_processed', { activity: 'Weightlifting' });
    expect(lifts.map((i) => i.activity)).toEqual(['Weightlifting', 'Weightlifting']);
  });

  it('the Session dropdown pages through the account with the cursor', async () => {
    sim.control.seed({ count: 65, processed: true });
    const first = await poll('session_list', {}, { page: 0 });
    const second = await poll('session_list', {}, { page: 1 });
    const third = await poll('session_list', {}, { page: 2 });
    expect(first).toHaveLength(50);
    expect(second).toHaveLength(15);
    expect(third).toEqual([]);
    const ids = [...first, ...second].map((i) => i.id);
    expect(new Set(ids).size).toBe(65);
    expect(String(first[0].label)).toMatch(/ · Running · \d{4}-\d{2}-\d{2}$/);
  });

  it('the Activity dropdown offers the activity types', async () => {
    const items = await poll('activity_list');
    expect(items.map((i) => i.id)).toEqual(['Running', 'Weightlifting', 'Vertical Jump', 'Mobility Assessment']);
  });

  it('a wrong key stops the trigger with Zapier\'s reconnect error', async () => {
    const err = await failureOf(
      run('triggers', 'session_processed', {
        authData: authFor(sim.url, 'not-a-real-key'),
        inputData: {},
      }),
    );
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toMatch(/HTTP 401/);
    expect(err.message).not.toContain('not-a-real-key');
  });
});
