import { zapier, type Recorded } from './support/adapters';
import { KEYS, LeakWatch } from './support/secrets';
import { hits, sampleVideo, startSim, UPLOAD_ROUTE, type FaultSpec, type Simulator } from './support/sim';

const { failureOf, payloadOf, run, fileHost } = zapier();

/** Zapier kills a step after 30 s: a step still running then has no useful error at all. */
function withinZapierLimit<T>(p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the step was still running after 30 s (Zapier would kill it without an error of ours)')), 30_000);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

/** The Zapier app (createAppTester) against the simulator's fault injection. */
describe('Zapier app under faults', () => {
  let sim: Simulator;
  let host: Recorded;
  let seeded: string[];
  const watch = new LeakWatch();
  const authData = () => ({ apiKey: KEYS.admin, authStyle: 'authorizationApiKey', baseUrl: sim.url });
  const created = () => sim.control.stats().sessionsCreated;

  beforeAll(async () => {
    sim = await startSim();
    host = await fileHost(sampleVideo(), 'run.mp4');
    seeded = sim.control.seed({ count: 5, spacingMs: 1000 }).ids;
    // zapier-platform-core then prints its log stream (HTTP requests and responses in detail, as
    // Zapier stores them) to the console, where the watch collects it for the leak check.
    process.env.LOG_TO_STDOUT = '1';
    process.env.DETAILED_LOG_TO_STDOUT = '1';
    watch.captureConsole();
  });
  afterEach(() => sim.control.clearFaults());
  afterAll(async () => {
    watch.stop();
    delete process.env.LOG_TO_STDOUT;
    delete process.env.DETAILED_LOG_TO_STDOUT;
    // The HTTP log really was collected (request lines name the API routes).
    expect(watch.logged(/running\/sessions/)).toBe(true);
    await host.close();
    await sim.close();
    expect(watch.count).toBeGreaterThan(0);
    expect(watch.leaks()).toEqual([]);
  });

  const upload = () =>
    run('creates', 'upload_video', { authData: authData(), inputData: { video: `${host.url}/files/run.mp4`, user_id: 'zap-runner', session_name: 'zap fault run' } });
  const gait = (id = seeded[0]) => run('searches', 'gait_analysis_report', { authData: authData(), inputData: { session_id: id } });
  const processed = () => run('triggers', 'session_processed', { authData: authData(), inputData: {} });

  describe('riding out faults (within the app\'s retries)', () => {
    const SURVIVABLE: Array<[string, Omit<FaultSpec, 'route'>]> = [
      ['latency', { latencyMs: 150 }],
      ['a 429 with Retry-After 1 s', { rateLimit: { count: 1, retryAfterSeconds: 1 } }],
      ['a 503 burst', { serverError: { count: 2 } }],
    ];

    test.each(SURVIVABLE)('report search with %s: the same report', async (_n, fault) => {
      const clean = await gait();
      sim.control.setFaults({ ...fault, route: '/gait-analysis/' });
      const faulted = await gait();
      watch.record('gait', faulted);
      expect(faulted).toEqual(clean);
    });

    // z.request (node-fetch 2) may never notice a socket closed mid-response; the core's per-attempt
    // timeout must then end the attempt early enough to retry inside the step's 30 s.
    test('report search with a connection dropped after the headers: retried, the same report', async () => {
      const clean = await gait();
      sim.control.setFaults({ drop: { count: 1 }, route: '/gait-analysis/' });
      const faulted = await gait();
      expect(faulted).toEqual(clean);
      expect(sim.control.stats().faultsFired.drop).toBe(1);
    }, 40_000);

    test.each(SURVIVABLE)('New Session Processed trigger with %s: every processed session listed once', async (_n, fault) => {
      sim.control.setFaults({ ...fault, route: '/session-management/sessions/filter/' });
      const items = (await processed()) as Array<{ id: string }>;
      watch.record('trigger', items);
      const ids = items.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expect.arrayContaining(seeded));
    });

    test('upload with a 429 before the handler: one session (or a ThrottledError and none)', async () => {
      const before = created();
      sim.control.setFaults({ rateLimit: { count: 1, retryAfterSeconds: 1 }, route: '/running/sessions/', method: 'POST' });
      let outcome: string;
      try {
        const r = await upload();
        watch.record('upload', r);
        outcome = 'created';
      } catch (err) {
        watch.record('upload 429', err);
        expect((err as Error).name).toBe('ThrottledError');
        outcome = 'throttled';
      }
      // A URL video cannot be replayed without downloading it again, so either is correct, but never two.
      expect(created()).toBe(before + (outcome === 'created' ? 1 : 0));
    });
  });

  describe('failures surface as the right z.errors class, never a second session', () => {
    test('upload answered 503: z.errors.Error (NotAppliedError: checked, nothing created), not re-sent, no session', async () => {
      const before = created();
      const hitsBefore = hits(sim, UPLOAD_ROUTE);
      sim.control.setFaults({ serverError: { count: 5 }, route: '/running/sessions/', method: 'POST' });
      const err = await failureOf(upload());
      watch.record('upload 503', err);
      expect(err.name).toBe('AppError'); // z.errors.Error
      expect(payloadOf(err)).toMatchObject({ code: 'NotAppliedError', status: 503 });
      expect(payloadOf(err).message).toMatch(/nothing was created/);
      expect(hits(sim, UPLOAD_ROUTE) - hitsBefore).toBe(1);
      expect(created()).toBe(before);
    });

    test('upload whose answer is lost (connection dropped): found afterwards, marked recovered, exactly one session', async () => {
      const before = created();
      const hitsBefore = hits(sim, UPLOAD_ROUTE);
      sim.control.setFaults({ drop: { count: 5 }, route: '/running/sessions/', method: 'POST' });
      const r = (await withinZapierLimit(upload())) as Record<string, unknown>;
      watch.record('upload drop', r);
      // (the upload presenter keeps its own fields; the session is the one the check found)
      expect(r).toMatchObject({ session_id: expect.any(String), title: 'zap fault run' });
      expect(sim.control.session(r.session_id as string)).toBeDefined();
      expect(hits(sim, UPLOAD_ROUTE) - hitsBefore).toBe(1);
      expect(created()).toBe(before + 1);
    }, 35_000);

    test('a 429 storm on the trigger: ThrottledError carrying the Retry-After', async () => {
      sim.control.setFaults({ rateLimit: { count: 10, retryAfterSeconds: 2 }, route: '/session-management/sessions/filter/' });
      const err = await failureOf(processed());
      watch.record('trigger 429', err);
      expect(err.name).toBe('ThrottledError');
      expect(payloadOf(err).delay).toBe(2);
    });

    test('5xx storm on a report: z.errors.Error naming the status', async () => {
      sim.control.setFaults({ serverError: { count: 10, status: 500 }, route: '/gait-analysis/' });
      const err = await failureOf(gait());
      watch.record('gait 500', err);
      expect(err.name).toBe('AppError');
      expect(payloadOf(err)).toMatchObject({ code: 'ServerError', status: 500 });
    });

    test('wrong key: ExpiredAuthError; non-admin key on upload: z.errors.Error (the key must change)', async () => {
      const wrong = await failureOf(run('triggers', 'session_processed', { authData: { ...authData(), apiKey: `${KEYS.admin}-old` }, inputData: {} }));
      const user = await failureOf(
        run('creates', 'upload_video', { authData: { ...authData(), apiKey: KEYS.nonAdmin }, inputData: { video: `${host.url}/files/run.mp4`, user_id: 'x' } }),
      );
      watch.record('wrong key', wrong);
      watch.record('non-admin', user);
      expect(wrong.name).toBe('ExpiredAuthError');
      expect(user.name).toBe('AppError');
    });
  });
});
