import type { Simulator } from '../src/index';
import { call, startSim, upload } from './helpers';

describe('authentication and roles', () => {
  let sim: Simulator;
  let id: string;
  beforeAll(async () => {
    sim = await startSim({ apiKey: 'custom_admin_key' });
    [id] = sim.control.seed({ count: 1 }).ids;
  });
  afterAll(() => sim.close());

  test.each(['authorizationApiKey', 'apiKeyHeader', 'bearer'] as const)('the %s header style is accepted', async (style) => {
    const r = await call(sim, 'GET', `/running/sessions/${id}/`, { style });
    expect(r.status).toBe(200);
  });

  test('the configured admin key replaces the default; keys of other roles are fixed', async () => {
    expect(sim.apiKey).toBe('custom_admin_key');
    expect(sim.keys).toEqual({ admin: 'custom_admin_key', nonAdmin: 'sim_user_key', noPlan: 'sim_noplan_key' });
    expect((await call(sim, 'GET', '/session-management/sessions/', { key: 'sim_admin_key' })).status).toBe(401);
  });

  test('missing or unknown keys are 401 with an error that never echoes the key', async () => {
    const missing = await call(sim, 'GET', '/session-management/sessions/', { key: null });
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatch(/Missing API key/);
    const wrong = await call(sim, 'GET', '/session-management/sessions/', { key: 'secret-wrong-key-123' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain('secret-wrong-key-123');
    const malformed = await call(sim, 'GET', '/session-management/sessions/', { key: null, headers: { authorization: 'Basic abc' } });
    expect(malformed.status).toBe(401);
  });

  test('non-admin key: 403 on admin operations, allowed on session reads', async () => {
    const k = { key: 'sim_user_key' };
    for (const [method, path] of [
      ['GET', '/session-management/sessions/'],
      ['GET', '/session-management/sessions/filter/'],
      ['GET', '/running/sessions/metrics/total/'],
      ['GET', `/running/sessions/${id}/summary/`],
      ['POST', `/running/sessions/${id}/summary/`],
      ['DELETE', `/session-management/sessions/${id}`],
    ]) {
      const r = await call(sim, method, path, k);
      expect([method, path, r.status]).toEqual([method, path, 403]);
      expect(r.body.error).toMatch(/Admin privileges/);
    }
    expect((await upload(sim, { key: 'sim_user_key' })).status).toBe(403);
    expect((await call(sim, 'GET', `/running/sessions/${id}/`, k)).status).toBe(200);
    expect((await call(sim, 'GET', `/running/sessions/${id}/export/`, k)).status).toBe(200);
    expect((await call(sim, 'POST', `/running/sessions/${id}/form-recommendations/`, k)).status).toBe(201);
  });

  test('no-plan key: 403 or 404 on plan-gated operations as the pages say; demo still works', async () => {
    const k = { key: 'sim_noplan_key' };
    expect((await call(sim, 'POST', `/running/sessions/${id}/form-recommendations/`, k)).status).toBe(403);
    expect((await call(sim, 'GET', `/session-management/sessions/${id}/analyzed-video/`, k)).status).toBe(403);
    expect((await call(sim, 'POST', `/running/sessions/${id}/form-analysis/`, k)).status).toBe(404);
    expect((await call(sim, 'POST', `/running/sessions/${id}/gait-analysis/`, k)).status).toBe(404);
    expect((await call(sim, 'GET', `/running/sessions/${id}/summary/`, k)).status).toBe(404);
    expect((await call(sim, 'POST', `/running/sessions/${id}/recommendation/`, k)).status).toBe(404);
    expect((await call(sim, 'GET', `/running/sessions/${id}/summary/`, { ...k, query: { demo: true } })).status).toBe(200);
    // admin operations without a plan requirement still work
    expect((await call(sim, 'GET', '/session-management/sessions/filter/', k)).status).toBe(200);
  });

  test('every response carries an x-request-id, errors included', async () => {
    const ok = await call(sim, 'GET', `/running/sessions/${id}/`);
    const err = await call(sim, 'GET', '/nowhere');
    expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(err.status).toBe(404);
    expect(err.body.error).toMatch(/No such endpoint/);
    expect(err.headers['x-request-id']).not.toBe(ok.headers['x-request-id']);
  });
});
