import type { Simulator } from '../src/index';
import { PERMISSIONS } from '../src/auth/permissions';
import { call, seen, sleep, startSim, upload, validator, waitProcessed } from './helpers';

/**
 * Every operation of docs/openapi.json, success and error paths: each response is validated
 * against the document by the helpers (a mismatch throws), and the last test checks coverage.
 */
describe('every response matches docs/openapi.json', () => {
  let sim: Simulator;
  let run: string;
  let jump: string;
  let lift: string;
  const missing = 'NoSuchSession0000000';

  beforeAll(async () => {
    sim = await startSim();
    [jump] = sim.control.seed({ count: 1, activity: 'Vertical Jump' }).ids;
    [lift] = sim.control.seed({ count: 1, activity: 'Weightlifting' }).ids;
    const up = await upload(sim, { fields: [['user_id', 'runner-7'], ['session_name', 'Contract run'], ['incline_degree', '1.5']] });
    expect(up.status).toBe(200);
    run = up.body.session_id;
    await waitProcessed(sim, run);
  });
  afterAll(() => sim.close());

  test('the document has an operation for every permission entry, and the checker rejects a body that breaks it', () => {
    expect(validator.operations.map((o) => o.operationId).sort()).toEqual(Object.keys(PERMISSIONS).sort());
    expect(validator.checkResponse('running_sessions_read', 200, { metrics: 5, all_timestamps: 'x' })).not.toEqual([]);
    expect(validator.checkResponse('running_sessions_read', 418, {})).not.toEqual([]);
  });

  test('session management: list, filter, by-ids, update, delete', async () => {
    expect((await call(sim, 'GET', '/session-management/sessions/')).status).toBe(200);
    expect((await call(sim, 'GET', '/session-management/sessions/', { key: 'sim_user_key' })).status).toBe(403);
    expect((await call(sim, 'GET', '/session-management/sessions/', { key: null })).status).toBe(401);
    const f = await call(sim, 'GET', '/session-management/sessions/filter/', { query: { limit: 2 } });
    expect(f.status).toBe(200);
    expect(Object.keys(f.body.sessions)).toHaveLength(2);
    expect((await call(sim, 'GET', '/session-management/sessions/filter/', { query: { title: 'zzz-no-match' } })).status).toBe(404);
    expect((await call(sim, 'GET', '/session-management/sessions/filter/', { query: { limit: 'ten' } })).status).toBe(400);
    const b = await call(sim, 'POST', '/session-management/sessions/by-ids/', { json: { session_ids: [run, jump, missing] } });
    expect(b.status).toBe(200);
    expect(Object.keys(b.body.sessions).sort()).toEqual([jump, run].sort());
    expect((await call(sim, 'POST', '/session-management/sessions/by-ids/', { json: {} })).status).toBe(400);
    const u = await call(sim, 'PUT', `/session-management/sessions/${run}`, { json: { title: 'Renamed', created_at: '2025-02-05 18:00:00' } });
    expect(u.status).toBe(200);
    expect((await call(sim, 'PUT', `/session-management/sessions/${run}`, { json: { created_at: '05/02/2025' } })).status).toBe(400);
    expect((await call(sim, 'PUT', `/session-management/sessions/${missing}`, { json: { title: 'x' } })).status).toBe(404);
    expect((await call(sim, 'PUT', `/session-management/sessions/${run}`, { json: { title: 'x' }, key: 'sim_noplan_key' })).status).toBe(403);
    const [victim] = sim.control.seed({ count: 1 }).ids;
    expect((await call(sim, 'DELETE', `/session-management/sessions/${victim}`)).status).toBe(200);
    expect((await call(sim, 'DELETE', `/session-management/sessions/${victim}`)).status).toBe(404);
  });

  test('analyzed video: GET creates on demand, POST generates once', async () => {
    const [fresh] = sim.control.seed({ count: 1 }).ids;
    const p = await call(sim, 'POST', `/session-management/sessions/${fresh}/analyzed-video/`, { json: { is_jump: false } });
    expect(p.status).toBe(200);
    expect((await call(sim, 'POST', `/session-management/sessions/${fresh}/analyzed-video/`, { json: {} })).status).toBe(400);
    const g = await call(sim, 'GET', `/session-management/sessions/${run}/analyzed-video/`, { query: { download: true } });
    expect(g.status).toBe(200);
    expect(g.body.analyzed_video_url).toMatch(/\/__sim\/videos\/.+\/analyzed\.mp4\?download=true$/);
    expect((await call(sim, 'GET', `/session-management/sessions/${missing}/analyzed-video/`)).status).toBe(404);
    expect((await call(sim, 'GET', `/session-management/sessions/${run}/analyzed-video/`, { key: 'sim_noplan_key' })).status).toBe(403);
  });

  test('running: details, export, summary, reports, total metrics (and demo)', async () => {
    for (const p of [`/running/sessions/${run}/`, `/running/sessions/${run}/export/`, `/running/sessions/${run}/summary/`]) {
      expect((await call(sim, 'GET', p)).status).toBe(200);
      expect((await call(sim, 'GET', p.replace(run, missing))).status).toBe(404);
      expect((await call(sim, 'GET', p.replace(run, missing), { query: { demo: true } })).status).toBe(200);
    }
    expect((await call(sim, 'GET', `/running/sessions/${jump}/`)).status).toBe(404);
    expect((await call(sim, 'GET', `/running/sessions/${run}/`, { query: { demo: 'maybe' } })).status).toBe(400);
    for (const p of [`/running/sessions/${run}/form-analysis/`, `/running/sessions/${run}/gait-analysis/`]) {
      expect((await call(sim, 'POST', p)).status).toBe(200);
      expect((await call(sim, 'POST', p, { key: 'sim_noplan_key' })).status).toBe(404);
      expect((await call(sim, 'POST', p, { key: 'sim_user_key' })).status).toBe(403);
      expect((await call(sim, 'POST', p.replace(run, missing), { query: { demo: true } })).status).toBe(200);
    }
    expect((await call(sim, 'GET', '/running/sessions/metrics/total/')).status).toBe(200);
    expect((await call(sim, 'GET', '/running/sessions/metrics/total/', { key: 'sim_user_key' })).status).toBe(403);
  });

  test('GenAI generation answers 201 with thread ids, texts appear after the delay', async () => {
    const s = await call(sim, 'POST', `/running/sessions/${run}/summary/`, { query: { measurement_system: 'imperial' } });
    expect(s.status).toBe(201);
    expect(Object.keys(s.body).sort()).toEqual(['balance_and_posture', 'distance_and_duration', 'final_summary', 'performance_metrics', 'running_mechanics']);
    expect((await call(sim, 'POST', `/running/sessions/${run}/summary/`, { query: { measurement_system: 'cubits' } })).status).toBe(400);
    const fr = await call(sim, 'POST', `/running/sessions/${run}/form-recommendations/`);
    expect(fr.status).toBe(201);
    expect((await call(sim, 'POST', `/running/sessions/${run}/form-recommendations/`, { key: 'sim_noplan_key' })).status).toBe(403);
    const gr = await call(sim, 'POST', `/running/sessions/${run}/recommendation/`);
    expect(gr.status).toBe(201);
    expect(Object.keys(gr.body)).toHaveLength(8);
    expect((await call(sim, 'POST', `/running/sessions/${missing}/recommendation/`)).status).toBe(404);
    await sleep(150);
    expect((await call(sim, 'GET', `/running/sessions/${run}/summary/`)).body.summary_text.performance_metrics).toMatch(/mph/);
    expect((await call(sim, 'POST', `/running/sessions/${run}/form-analysis/`)).body.form_comments).toBeDefined();
    expect((await call(sim, 'POST', `/running/sessions/${run}/gait-analysis/`)).body.report_comments.left_knee_angle).toBeDefined();
  });

  test('jumping and weightlifting', async () => {
    for (const [id, prefix] of [[jump, '/jumping'], [lift, '/weightlifting']] as const) {
      expect((await call(sim, 'GET', `${prefix}/sessions/${id}/`)).status).toBe(200);
      expect((await call(sim, 'GET', `${prefix}/sessions/${id}/export/`)).status).toBe(200);
      expect((await call(sim, 'GET', `${prefix}/sessions/${run}/`)).status).toBe(404);
      expect((await call(sim, 'GET', `${prefix}/sessions/${missing}/`, { query: { demo: true } })).status).toBe(200);
    }
    expect((await call(sim, 'GET', `/weightlifting/sessions/${lift}/lift-analysis/`)).status).toBe(200);
    expect((await call(sim, 'GET', `/weightlifting/sessions/${jump}/lift-analysis/`)).status).toBe(404);
  });

  test('upload errors are documented 400/401/403', async () => {
    expect((await upload(sim, { fields: [] })).status).toBe(400);
    expect((await upload(sim, { key: 'sim_user_key' })).status).toBe(403);
    expect((await upload(sim, { key: 'nope' })).status).toBe(401);
  });

  test('every operation was answered with a documented success status', () => {
    const missingOps = validator.operations.filter((o) => ![...(seen.get(o.operationId) ?? [])].some((s) => s >= 200 && s < 300));
    expect(missingOps.map((o) => o.operationId)).toEqual([]);
  });
});
