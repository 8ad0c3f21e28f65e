import type { Simulator } from '../src/index';
import { call, startSim } from './helpers';

const filter = (sim: Simulator, query: Record<string, string | number>) => call(sim, 'GET', '/session-management/sessions/filter/', { query });

describe('listing, filters and pagination', () => {
  let sim: Simulator;
  let ids: string[]; // newest first
  beforeAll(async () => {
    sim = await startSim();
    // 25 running sessions one hour apart, newest at 2025-03-10 12:00 UTC; every 5th failed.
    ids = sim.control.seed({ count: 25, newestAt: '2025-03-10T12:00:00Z', spacingMs: 3_600_000, failedEvery: 5, userIds: ['ana', 'ben'], titlePrefix: 'Tempo Run' }).ids;
    sim.control.seed({ count: 3, activity: 'Vertical Jump', newestAt: '2025-01-01T08:00:00Z', titlePrefix: 'Box jumps' });
  });
  afterAll(() => sim.close());

  test('newest first, limit defaults to 10, first/last ids and query_count', async () => {
    const r = await filter(sim, {});
    expect(r.status).toBe(200);
    expect(Object.keys(r.body.sessions)).toEqual(ids.slice(0, 10));
    expect(r.body.query_count).toBe(28);
    expect(r.body.first_doc_id).toBe(ids[0]);
    expect(r.body.last_doc_id).toBe(ids[9]);
    expect(r.body.sessions[ids[0]].created_at).toEqual({ date: '10/03/2025', time: '12:00 PM' });
  });

  test('start_after_id pages forward through everything exactly once; end_before_id pages back', async () => {
    const seenIds: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const r = await filter(sim, { limit: 7, ...(cursor ? { start_after_id: cursor } : {}) });
      if (r.status === 404) break;
      expect(r.status).toBe(200);
      seenIds.push(...Object.keys(r.body.sessions));
      cursor = r.body.last_doc_id;
    }
    expect(seenIds).toHaveLength(28);
    expect(new Set(seenIds).size).toBe(28);
    expect(seenIds.slice(0, 25)).toEqual(ids);
    const back = await filter(sim, { limit: 3, end_before_id: ids[10] });
    expect(Object.keys(back.body.sessions)).toEqual(ids.slice(7, 10));
  });

  test('cursor plus another filter is a 400 naming the conflict; unknown cursor is a 400', async () => {
    const r = await filter(sim, { start_after_id: ids[0], activity: 'Running' });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/only be used when no other filter is set.*activity/);
    expect((await filter(sim, { start_after_id: 'NoSuchSession0000000' })).body.error).toMatch(/does not match any session/);
  });

  test('filters: activity, dates (inclusive, dd/mm/yyyy), title substring, user_id, uploaded_by, video_status', async () => {
    expect((await filter(sim, { activity: 'Vertical Jump' })).body.query_count).toBe(3);
    // 10/03/2025 holds 13 sessions (00:00..12:00); 09/03 the other 12.
    expect((await filter(sim, { start_date: '10/03/2025', limit: 50 })).body.query_count).toBe(13);
    expect((await filter(sim, { start_date: '09/03/2025', end_date: '09/03/2025', limit: 50 })).body.query_count).toBe(12);
    expect((await filter(sim, { title: 'tempo RUN 2', limit: 50 })).body.query_count).toBe(7); // 2, 20..25
    expect((await filter(sim, { user_id: 'ben', activity: 'Running', limit: 50 })).body.query_count).toBe(12);
    expect((await filter(sim, { uploaded_by: 'simAdminUid000000001', limit: 50 })).body.query_count).toBe(28);
    expect((await filter(sim, { video_status: 'failed', limit: 50 })).body.query_count).toBe(5);
    expect((await filter(sim, { video_status: 'processed', activity: 'Running', limit: 50 })).body.query_count).toBe(20);
  });

  test('bad filter values are 400 naming the parameter; no match is 404 with an error', async () => {
    const bad = await filter(sim, { start_date: '2025-03-10' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/start_date/);
    expect((await filter(sim, { video_status: 'done' })).body.error).toMatch(/video_status.*processed, failed/);
    expect((await filter(sim, { limit: 0 })).body.error).toMatch(/limit/);
    const none = await filter(sim, { user_id: 'nobody' });
    expect(none.status).toBe(404);
    expect(none.body.error).toBeTruthy();
  });

  test('unpaged list holds every session; by-ids uses ISO created_at', async () => {
    const all = await call(sim, 'GET', '/session-management/sessions/');
    expect(Object.keys(all.body.sessions)).toHaveLength(28);
    const by = await call(sim, 'POST', '/session-management/sessions/by-ids/', { json: { session_ids: [ids[0]] } });
    expect(by.body.sessions[ids[0]].created_at).toBe('2025-03-10T12:00:00.000Z');
  });

  test('update moves a session in the order; delete removes it', async () => {
    const id = ids[20];
    expect((await call(sim, 'PUT', `/session-management/sessions/${id}`, { json: { created_at: '2025-03-11 07:30:00', title: 'Moved' } })).status).toBe(200);
    const top = await filter(sim, { limit: 1 });
    expect(top.body.first_doc_id).toBe(id);
    expect(top.body.sessions[id]).toMatchObject({ title: 'Moved', created_at: { date: '11/03/2025', time: '07:30 AM' } });
    expect((await call(sim, 'DELETE', `/session-management/sessions/${id}`)).status).toBe(200);
    expect((await filter(sim, { limit: 1 })).body.first_doc_id).toBe(ids[0]);
  });

  test('10,000 seeded sessions page correctly from the middle', async () => {
    const seeded = sim.control.seed({ count: 10_000, newestAt: '2024-01-01T00:00:00Z' }).ids;
    const r = await filter(sim, { limit: 100, start_after_id: seeded[4999] });
    expect(r.body.query_count).toBe(10_027);
    expect(Object.keys(r.body.sessions)).toEqual(seeded.slice(5000, 5100));
    expect(sim.control.stats()).toMatchObject({ sessionsSeeded: 10_028, sessionsCreated: 0 });
  });
});
