import { request } from 'undici';
import { start, type Simulator } from '../src/index';
import { authHeader, call, startSim, upload } from './helpers';

/** Raw request (no schema validation: faults deliberately break the contract). */
async function raw(sim: Simulator, method: string, path: string): Promise<{ status: number; headers: Record<string, unknown>; text: Promise<string> }> {
  const r = await request(`${sim.url}${path}`, { method: method as 'GET', headers: authHeader(sim.apiKey) });
  return { status: r.statusCode, headers: r.headers, text: r.body.text() };
}

describe('fault injection', () => {
  let sim: Simulator;
  let id: string;
  beforeAll(async () => {
    sim = await startSim();
    [id] = sim.control.seed({ count: 1 }).ids;
  });
  afterEach(() => sim.control.clearFaults());
  afterAll(() => sim.close());

  test('rate limit: next N requests get 429 with Retry-After, then normal service', async () => {
    sim.control.setFaults({ rateLimit: { count: 2, retryAfterSeconds: 7 } });
    const a = await call(sim, 'GET', `/running/sessions/${id}/`);
    const b = await call(sim, 'GET', `/running/sessions/${id}/`);
    const c = await call(sim, 'GET', `/running/sessions/${id}/`);
    expect([a.status, b.status, c.status]).toEqual([429, 429, 200]);
    expect(a.headers['retry-after']).toBe('7');
    expect(a.body.error).toMatch(/retry after 7/);
  });

  test('5xx burst (JSON 503 or HTML 502) never reaches the handler: no session is created', async () => {
    sim.control.setFaults([{ serverError: { count: 1 } }, { serverError: { count: 1, html: true } }]);
    const before = sim.control.stats().sessionsCreated;
    const a = await raw(sim, 'POST', '/running/sessions/');
    expect(a.status).toBe(503);
    expect(JSON.parse(await a.text).error).toMatch(/unavailable/);
    const b = await raw(sim, 'GET', `/running/sessions/${id}/`);
    expect(b.status).toBe(502);
    expect(b.headers['content-type']).toMatch(/text\/html/);
    expect(await b.text).toMatch(/502 Bad Gateway/);
    expect((await upload(sim)).status).toBe(200);
    expect(sim.control.stats().sessionsCreated).toBe(before + 1);
  });

  test('dropped connection after headers: the upload happened once, the client sees an error', async () => {
    sim.control.setFaults({ drop: { count: 1, after: 'headers' }, route: '/running/sessions/', method: 'POST' });
    const before = sim.control.stats().sessionsCreated;
    await expect(upload(sim)).rejects.toThrow();
    expect(sim.control.stats().sessionsCreated).toBe(before + 1);
    expect(sim.control.stats().faultsFired.drop).toBe(1);
  });

  test('dropped connection mid-body: partial JSON then a socket error', async () => {
    sim.control.setFaults({ drop: { count: 1, after: 'partial-body' }, route: '/export/' });
    const r = await raw(sim, 'GET', `/running/sessions/${id}/export/`);
    expect(r.status).toBe(200);
    await expect(r.text).rejects.toThrow();
    expect((await call(sim, 'GET', `/running/sessions/${id}/export/`)).status).toBe(200);
  });

  test('truncated JSON: complete HTTP response, body cut in half', async () => {
    sim.control.setFaults({ truncatedJson: { count: 1 } });
    const r = await raw(sim, 'GET', `/running/sessions/${id}/`);
    const text = await r.text;
    expect(r.status).toBe(200);
    expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(text));
    expect(() => JSON.parse(text)).toThrow();
  });

  test('latency and route/method scoping', async () => {
    sim.control.setFaults({ latencyMs: 150, route: '/^\\/running\\/sessions\\/[^/]+\\/$/', method: 'GET' });
    let t = Date.now();
    await call(sim, 'GET', `/running/sessions/${id}/`);
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    t = Date.now();
    await call(sim, 'GET', `/running/sessions/${id}/export/`);
    await call(sim, 'GET', '/session-management/sessions/filter/');
    expect(sim.control.stats().faultsFired.latency).toBe(1);
  });

  test('control routes over HTTP: set/get faults, stats per route, reset; bad specs are 400', async () => {
    const set = await request(`${sim.url}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rateLimit: { count: 1 }, route: '/filter/' }) });
    expect(set.statusCode).toBe(200);
    expect((await set.body.json()) as unknown).toEqual({ faults: [{ rateLimit: { count: 1 }, route: '/filter/' }] });
    expect((await call(sim, 'GET', '/session-management/sessions/filter/')).status).toBe(429);
    const faults = await (await request(`${sim.url}/__sim/faults`)).body.json();
    expect(faults).toEqual({ faults: [{ rateLimit: { count: 0 }, route: '/filter/' }] });
    const bad = await request(`${sim.url}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rateLimit: { count: -1 } }) });
    expect(bad.statusCode).toBe(400);
    expect(((await bad.body.json()) as { error: string }).error).toMatch(/rateLimit.count/);
    const stats = (await (await request(`${sim.url}/__sim/stats`)).body.json()) as { requests: Record<string, number>; sessionsCreated: number };
    expect(stats.requests['GET /session-management/sessions/filter/']).toBeGreaterThanOrEqual(2);
    const seed = await request(`${sim.url}/__sim/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: 5, processed: false }) });
    expect(((await seed.body.json()) as { created: number }).created).toBe(5);
    expect((await request(`${sim.url}/__sim/reset`, { method: 'POST' })).statusCode).toBe(200);
    expect(sim.control.stats()).toMatchObject({ sessions: 0, sessionsCreated: 0, totalRequests: 0 });
    [id] = sim.control.seed({ count: 1 }).ids;
  });

  test('faults can be set at start through options', async () => {
    const s2 = await start({ faults: { serverError: { count: 1, status: 500 } } });
    try {
      expect((await call(s2, 'GET', '/session-management/sessions/')).status).toBe(500);
      expect((await call(s2, 'GET', '/session-management/sessions/')).status).toBe(404); // empty account
    } finally {
      await s2.close();
    }
  });
});
