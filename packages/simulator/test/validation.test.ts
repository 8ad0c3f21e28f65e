import { request } from 'undici';
import type { Simulator } from '../src/index';
import { authHeader, call, finish, startSim } from './helpers';

/** Requests are checked against docs/openapi.json before any handler runs. */
describe('request validation from docs/openapi.json', () => {
  let sim: Simulator;
  let id: string;
  beforeAll(async () => {
    sim = await startSim();
    [id] = sim.control.seed({ count: 1 }).ids;
  });
  afterAll(() => sim.close());

  test('unknown body fields, empty lists and wrong types are 400 naming the field', async () => {
    const unknown = await call(sim, 'PUT', `/session-management/sessions/${id}`, { json: { titel: 'typo' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/unknown field 'titel'/);
    const empty = await call(sim, 'POST', '/session-management/sessions/by-ids/', { json: { session_ids: [] } });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatch(/session_ids/);
    const wrongType = await call(sim, 'POST', `/session-management/sessions/${id}/analyzed-video/`, { json: { is_jump: 'yes' } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error).toMatch(/is_jump.*boolean/);
    // nothing changed
    expect(sim.control.session(id)?.analyzedVideoAt).toBeUndefined();
  });

  test('malformed JSON is a 400 saying so', async () => {
    const r = await finish('POST', '/session-management/sessions/by-ids/', await request(`${sim.url}/session-management/sessions/by-ids/`, {
      method: 'POST',
      headers: { ...authHeader(sim.apiKey), 'content-type': 'application/json' },
      body: '{"session_ids": [',
    }));
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/not valid JSON/);
  });

  test('query parameters are type-checked and coerced', async () => {
    expect((await call(sim, 'GET', '/session-management/sessions/filter/', { query: { limit: '1' } })).status).toBe(200);
    const bad = await call(sim, 'GET', '/session-management/sessions/filter/', { query: { activity: 'Swimming' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/query parameter 'activity' must be one of: Running, Weightlifting, Vertical Jump, Mobility Assessment/);
  });

  test('POSTs without a body are fine where the document has none', async () => {
    const r = await call(sim, 'POST', `/running/sessions/${id}/form-analysis/`, { headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(200);
  });
});
