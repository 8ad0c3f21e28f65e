import {
  Aikynetix,
  AuthenticationError,
  NoPlanError,
  NotAppliedError,
  PermissionDeniedError,
  RateLimitError,
  ConnectionError,
  ServerError,
  TimeoutError,
} from '@aikynetix/core';
import { KEYS, LeakWatch } from './support/secrets';
import { hits, rejectionOf, sampleVideo, startSim, UPLOAD_ROUTE, type FaultSpec, type Simulator } from './support/sim';


/** Faults a list or report call must ride out (all within the client's retries). */
const SURVIVABLE: Array<[string, Omit<FaultSpec, 'route' | 'method'>]> = [
  ['latency', { latencyMs: 150 }],
  ['a 429 burst with Retry-After', { rateLimit: { count: 2, retryAfterSeconds: 1 } }],
  ['a 503 burst', { serverError: { count: 2 } }],
  ['an HTML 502 from a proxy', { serverError: { count: 1, html: true } }],
  ['connections dropped after the headers', { drop: { count: 2 } }],
  ['a connection dropped mid-body', { drop: { count: 1, after: 'partial-body' } }],
];

describe('core client under the simulator fault injection', () => {
  let sim: Simulator;
  let client: Aikynetix;
  let seeded: string[];
  let video: string;
  const watch = new LeakWatch();

  beforeAll(async () => {
    sim = await startSim();
    seeded = sim.control.seed({ count: 25, spacingMs: 1000 }).ids;
    video = sampleVideo();
    client = new Aikynetix({ apiKey: KEYS.admin, baseUrl: sim.url, maxRetries: 3, maxRetryAfterMs: 2000, logger: watch.logger() });
  });
  afterEach(() => sim.control.clearFaults());
  afterAll(async () => {
    await client.close();
    await sim.close();
    expect(watch.count).toBeGreaterThan(0);
    expect(watch.leaks()).toEqual([]);
  });

  /** The injected faults really fired, every one of them (so retries happened). */
  const expectAllFired = (fault: FaultSpec) => {
    const fired = sim.control.stats().faultsFired;
    if (fault.latencyMs) expect(fired.latency).toBeGreaterThan(0);
    if (fault.rateLimit) expect(fired.rateLimit).toBe(fault.rateLimit.count);
    if (fault.serverError) expect(fired.serverError).toBe(fault.serverError.count);
    if (fault.drop) expect(fired.drop).toBe(fault.drop.count);
  };

  const listAll = async () => {
    const ids: string[] = [];
    for await (const s of client.sessions.iterate({ limit: 10 } as never)) ids.push(s.id);
    return ids;
  };

  test.each(SURVIVABLE)('listing with %s: every session exactly once, newest first', async (_name, fault) => {
    sim.control.setFaults({ ...fault, route: '/session-management/sessions/filter/' });
    const ids = await listAll();
    expect(ids).toHaveLength(seeded.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(seeded); // the seed returns newest first, as the list does
    expectAllFired(fault);
  });

  test.each(SURVIVABLE)('gait report with %s: the same report as without faults', async (_name, fault) => {
    const id = seeded[0];
    const clean = await client.running.getGaitAnalysis({ session_id: id });
    sim.control.setFaults({ ...fault, route: '/gait-analysis/' });
    const faulted = await client.running.getGaitAnalysis({ session_id: id });
    watch.record('gait report', faulted);
    expect(faulted).toEqual(clean);
    expectAllFired(fault);
  });

  describe('uploads: never a second session', () => {
    const upload = () => client.running.createSession({ user_id: 'reliability-runner', video, session_name: 'fault run' });
    const created = () => sim.control.stats().sessionsCreated;

    test('latency: one session', async () => {
      const before = created();
      sim.control.setFaults({ latencyMs: 200, route: '/running/sessions/', method: 'POST' });
      const r = await upload();
      expect(sim.control.session(r.session_id)).toBeDefined();
      expect(created()).toBe(before + 1);
    });

    test('429 burst (rejected before the handler): retried after Retry-After, exactly one session', async () => {
      const before = created();
      const hitsBefore = hits(sim, UPLOAD_ROUTE);
      sim.control.setFaults({ rateLimit: { count: 2, retryAfterSeconds: 1 }, route: '/running/sessions/', method: 'POST' });
      const r = await upload();
      expect(r.session_id).toEqual(expect.any(String));
      expect(hits(sim, UPLOAD_ROUTE) - hitsBefore).toBe(3);
      expect(created()).toBe(before + 1);
    });

    test('503: not re-sent (the server might have acted); the check finds no session: NotAppliedError, a retry is safe', async () => {
      const before = created();
      const hitsBefore = hits(sim, UPLOAD_ROUTE);
      sim.control.setFaults({ serverError: { count: 3 }, route: '/running/sessions/', method: 'POST' });
      const err = await rejectionOf(upload());
      watch.record('upload 503', err);
      expect(err).toBeInstanceOf(NotAppliedError);
      expect((err as NotAppliedError).status).toBe(503);
      expect(err.message).toMatch(/nothing was created, so uploading again is safe/);
      expect(hits(sim, UPLOAD_ROUTE) - hitsBefore).toBe(1);
      expect(created()).toBe(before);
    }, 20_000);

    test.each([
      ['after the headers', 'headers'],
      ['mid-body', 'partial-body'],
    ] as const)('connection dropped %s: never re-sent; the check finds the one new session: recovered', async (_n, after) => {
      const before = created();
      const hitsBefore = hits(sim, UPLOAD_ROUTE);
      sim.control.setFaults({ drop: { count: 3, after }, route: '/running/sessions/', method: 'POST' });
      const r = await upload();
      watch.record('upload drop', r);
      expect(r).toMatchObject({ session_id: expect.any(String), title: 'fault run', recovered: true });
      expect(sim.control.session(r.session_id)).toBeDefined();
      expect(hits(sim, UPLOAD_ROUTE) - hitsBefore).toBe(1);
      expect(created()).toBe(before + 1);
    });

    test('truncated JSON answer: never re-sent; recovered with the session that was created', async () => {
      const before = created();
      sim.control.setFaults({ truncatedJson: { count: 3 }, route: '/running/sessions/', method: 'POST' });
      const r = await upload();
      watch.record('upload truncated', r);
      expect(r).toMatchObject({ recovered: true });
      expect(sim.control.session(r.session_id)).toBeDefined();
      expect(created()).toBe(before + 1);
    });
  });

  describe('failures that outlast the retries surface as the right typed error', () => {
    const report = (c = client) => c.running.getGaitAnalysis({ session_id: seeded[1] });

    test('429 beyond the retries: RateLimitError with the server\'s Retry-After', async () => {
      sim.control.setFaults({ rateLimit: { count: 10, retryAfterSeconds: 1 }, route: '/gait-analysis/' });
      const err = await rejectionOf(report());
      watch.record('429', err);
      expect(err).toBeInstanceOf(RateLimitError);
      expect((err as RateLimitError).retryAfterMs).toBe(1000);
      expect(sim.control.stats().faultsFired.rateLimit).toBe(4); // 1 try + 3 retries
    });

    test('5xx beyond the retries: ServerError naming the status', async () => {
      sim.control.setFaults({ serverError: { count: 10, status: 500 }, route: '/gait-analysis/' });
      const err = await rejectionOf(report());
      watch.record('500', err);
      expect(err).toBeInstanceOf(ServerError);
      expect(err.message).toMatch(/HTTP 500/);
    });

    test('dropped connections beyond the retries: ConnectionError', async () => {
      sim.control.setFaults({ drop: { count: 10 }, route: '/gait-analysis/' });
      const err = await rejectionOf(report());
      watch.record('drop', err);
      expect(err).toBeInstanceOf(ConnectionError);
    });

    test('an answer slower than the timeout: TimeoutError', async () => {
      const impatient = new Aikynetix({ apiKey: KEYS.admin, baseUrl: sim.url, timeoutMs: 300, maxRetries: 0, logger: watch.logger() });
      sim.control.setFaults({ latencyMs: 1200, route: '/gait-analysis/' });
      const err = await rejectionOf(report(impatient));
      watch.record('timeout', err);
      expect(err).toBeInstanceOf(TimeoutError);
      await impatient.close();
    });

    test('wrong key, non-admin key, no-plan key: AuthenticationError, PermissionDeniedError, NoPlanError', async () => {
      const as = (apiKey: string) => new Aikynetix({ apiKey, baseUrl: sim.url, maxRetries: 0, logger: watch.logger() });
      const wrong = as(`${KEYS.admin}-revoked`);
      const user = as(KEYS.nonAdmin);
      const noPlan = as(KEYS.noPlan);
      const e1 = await rejectionOf(wrong.sessions.filter({ limit: 1 }));
      const e2 = await rejectionOf(user.running.createSession({ user_id: 'x', video }));
      const e3 = await rejectionOf(noPlan.running.getGaitAnalysis({ session_id: seeded[2] }));
      [e1, e2, e3].forEach((e, i) => watch.record(`auth ${i}`, e));
      expect(e1).toBeInstanceOf(AuthenticationError);
      expect(e2).toBeInstanceOf(PermissionDeniedError);
      expect(e3).toBeInstanceOf(NoPlanError);
      // The revoked-looking key contains the real one: neither may be echoed.
      expect(JSON.stringify(e1)).not.toContain(KEYS.admin);
      await Promise.all([wrong, user, noPlan].map((c) => c.close()));
    });
  });
});
