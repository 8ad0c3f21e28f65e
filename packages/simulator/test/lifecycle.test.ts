import { request } from 'undici';
import type { Simulator } from '../src/index';
import { call, sleep, startSim, upload, waitProcessed } from './helpers';

describe('processing and GenAI life cycle', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSim({ processingDelayMs: 1000, genAiDelayMs: 200 });
  });
  afterAll(() => sim.close());

  test('pending sessions: details say Processing, reports are 404 naming the state', async () => {
    const { body } = await upload(sim);
    const id = body.session_id as string;
    const d = await call(sim, 'GET', `/running/sessions/${id}/`);
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ video_status: 'Processing', metrics: {}, all_timestamps: [] });
    const summary = await call(sim, 'GET', `/running/sessions/${id}/summary/`);
    expect(summary.status).toBe(404);
    expect(summary.body.error).toMatch(/still processing/);
    const list = await call(sim, 'GET', '/session-management/sessions/filter/', { query: { video_status: 'processed' } });
    expect(list.status).toBe(404); // nothing processed yet
    expect(await waitProcessed(sim, id)).toBe('Processed');
    const after = await call(sim, 'GET', `/running/sessions/${id}/`);
    expect(after.body.all_timestamps.length).toBeGreaterThan(100);
    expect(after.body.summary).toBeUndefined();
  });

  test('synthetic data is deterministic per session and realistic', async () => {
    const [a, b] = sim.control.seed({ count: 2 }).ids;
    const a1 = (await call(sim, 'GET', `/running/sessions/${a}/export/`)).body;
    const a2 = (await call(sim, 'GET', `/running/sessions/${a}/export/`)).body;
    const b1 = (await call(sim, 'GET', `/running/sessions/${b}/export/`)).body;
    expect(a1).toEqual(a2);
    expect(a1.metrics.speed).not.toEqual(b1.metrics.speed);
    const n = a1.all_timestamps.length;
    for (const key of ['speed', 'cadence', 'power', 'contact_time']) expect(a1.metrics[key]).toHaveLength(n);
    expect(a1.contact).toHaveLength(n);
    expect(a1.contact.some(Boolean) && a1.contact.some((c: boolean) => !c)).toBe(true);
    expect(Math.min(...a1.metrics.speed)).toBeGreaterThanOrEqual(2.5);
    expect(Math.max(...a1.metrics.speed)).toBeLessThanOrEqual(5.5);
    expect(Math.min(...a1.metrics.cadence)).toBeGreaterThanOrEqual(150);
    expect(Math.max(...a1.metrics.cadence)).toBeLessThanOrEqual(190);
    expect(Object.keys(a1.keypoints)).toContain('lknev');
    const summary = (await call(sim, 'GET', `/running/sessions/${a}/summary/`)).body;
    expect(summary.performance_metrics.speed.values).toEqual(a1.metrics.speed);
    expect(summary.performance_metrics.cadence.avg).toBeGreaterThan(150);
    expect(summary.summary_text).toBeUndefined();
  });

  test('summary texts appear genAiDelayMs after generation, with the requested units', async () => {
    const [id] = sim.control.seed({ count: 1 }).ids;
    const gen = await call(sim, 'POST', `/running/sessions/${id}/summary/`);
    expect(gen.status).toBe(201);
    expect(Object.values(gen.body).every((t) => /^thread_[A-Za-z0-9]{24}$/.test(t as string))).toBe(true);
    expect((await call(sim, 'GET', `/running/sessions/${id}/summary/`)).body.summary_text).toBeUndefined();
    await sleep(250);
    const summary = (await call(sim, 'GET', `/running/sessions/${id}/summary/`)).body;
    expect(summary.summary_text.performance_metrics).toMatch(/m\/s/);
    expect(Object.keys(summary.summary_text).sort()).toEqual(Object.keys(gen.body).sort());
    expect((await call(sim, 'GET', `/running/sessions/${id}/`)).body.summary).toBe(summary.summary_text.final_summary);
  });

  test('form and gait comments appear after their recommendation threads', async () => {
    const [id] = sim.control.seed({ count: 1 }).ids;
    expect((await call(sim, 'POST', `/running/sessions/${id}/form-analysis/`)).body.form_comments).toBeUndefined();
    expect((await call(sim, 'POST', `/running/sessions/${id}/gait-analysis/`)).body.report_comments).toBeUndefined();
    await call(sim, 'POST', `/running/sessions/${id}/form-recommendations/`);
    await call(sim, 'POST', `/running/sessions/${id}/recommendation/`);
    await sleep(250);
    const form = (await call(sim, 'POST', `/running/sessions/${id}/form-analysis/`)).body;
    expect(Object.keys(form.form_comments)).toEqual(expect.arrayContaining(['contact_angle', 'hip_extension_at_foot_takeoff', 'foot_contact_angle_and_torso_lean']));
    const gait = (await call(sim, 'POST', `/running/sessions/${id}/gait-analysis/`)).body;
    expect(Object.keys(gait.report_comments)).toHaveLength(8);
    expect(gait.left.graph_timestamps).toHaveLength(101);
    const listed = (await call(sim, 'POST', '/session-management/sessions/by-ids/', { json: { session_ids: [id] } })).body.sessions[id];
    expect(listed.video_status).toBe('Processed');
  });

  test('analyzed video streams the uploaded file; download=true makes it an attachment', async () => {
    const bytes = Buffer.concat([Buffer.from([0, 0, 0, 16]), Buffer.from('ftypmp42'), Buffer.alloc(5000, 9)]);
    const { body } = await upload(sim, { file: bytes });
    await waitProcessed(sim, body.session_id);
    const url = (await call(sim, 'GET', `/session-management/sessions/${body.session_id}/analyzed-video/`, { query: { download: true } })).body.analyzed_video_url;
    const r = await request(url);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/^attachment/);
    expect(Buffer.from(await r.body.arrayBuffer()).equals(bytes)).toBe(true);
    const part = await request(url, { headers: { range: 'bytes=4-11' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 4-11/${bytes.length}`);
    expect(await part.body.text()).toBe('ftypmp42');
    const beyond = await request(url, { headers: { range: `bytes=${bytes.length}-` } });
    expect(beyond.statusCode).toBe(416);
    await beyond.body.dump();
    const plain = await request(url.replace('?download=true', ''));
    expect(plain.headers['content-disposition']).toBeUndefined();
    await plain.body.dump();
    expect((await call(sim, 'GET', `/running/sessions/${body.session_id}/`)).body.analyzed_video_url).toBe(url.replace('?download=true', ''));
  });

  test('demo=true returns the same pre-generated data for any session id', async () => {
    const a = await call(sim, 'GET', '/running/sessions/anything/summary/', { query: { demo: true } });
    const b = await call(sim, 'GET', '/running/sessions/other-id/summary/', { query: { demo: true } });
    expect(a.status).toBe(200);
    expect(a.body).toEqual(b.body);
    expect(a.body.summary_text.final_summary).toBeTruthy();
    const gait = await call(sim, 'POST', '/running/sessions/x/gait-analysis/', { query: { demo: true }, key: 'sim_noplan_key' });
    expect(gait.status).toBe(200);
    expect(gait.body.report_comments).toBeDefined();
  });

  test('a large export can be requested with a title flag', async () => {
    const { body } = await upload(sim, { fields: [['user_id', 'big'], ['session_name', 'Bench [export:3mb]']] });
    await waitProcessed(sim, body.session_id);
    const r = await call(sim, 'GET', `/running/sessions/${body.session_id}/export/`);
    expect(r.text.length).toBeGreaterThan(2_500_000);
    expect(r.text.length).toBeLessThan(4_000_000);
  });
});
