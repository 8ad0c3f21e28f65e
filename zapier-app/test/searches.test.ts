import { failureOf, ownMessage, run } from './support/app';
import { expectFlat, missingOutputFields } from './support/shape';
import { authFor, startSim, type Simulator } from './support/sim';

type Item = Record<string, unknown>;

describe('searches against the simulator', () => {
  let sim: Simulator;
  let auth: ReturnType<typeof authFor>;
  let runId: string;
  let liftId: string;
  let jumpId: string;
  const search = (key: string, inputData: Item, authData: Item = auth): Promise<Item[]> =>
    run('searches', key, { authData, inputData });

  beforeAll(async () => {
    sim = await startSim();
    auth = authFor(sim.url, sim.apiKey);
    [runId] = sim.control.seed({ count: 1, processed: true, titlePrefix: 'Hill repeats' }).ids;
    [liftId] = sim.control.seed({ count: 1, processed: true, activity: 'Weightlifting' }).ids;
    [jumpId] = sim.control.seed({ count: 1, processed: true, activity: 'Vertical Jump' }).ids;
  });
  afterAll(() => sim.close());

  /** One item, flat, carrying the session id and every labelled field. */
  async function one(key: string, inputData: Item, allowMissing: RegExp = /^$/): Promise<Item> {
    const items = await search(key, inputData);
    expect(items).toHaveLength(1);
    const item = items[0];
    expectFlat(item);
    expect(missingOutputFields('searches', key, item).filter((k) => !allowMissing.test(k))).toEqual([]);
    return item;
  }

  it('Find Session finds by title (case-insensitive substring) and by activity', async () => {
    const byTitle = await search('find_session', { title: 'hill REPEATS' });
    expect(byTitle.map((s) => s.id)).toEqual([runId]);
    const lifts = await search('find_session', { activity: 'Weightlifting', video_status: 'processed' });
    expect(lifts.map((s) => s.id)).toEqual([liftId]);
    await expect(search('find_session', { title: 'no such session' })).resolves.toEqual([]);
  });

  it('Get Gait Analysis Report: per-side phases and angle statistics, no raw curves', async () => {
    const r = await one('gait_analysis_report', { session_id: runId }, /^report_comments__/);
    expect(r.id).toBe(runId);
    expect(r.left__angles__knee_angle__avg).toEqual(expect.any(Number));
    expect(Number(r.left__angles__knee_angle__min)).toBeLessThanOrEqual(Number(r.left__angles__knee_angle__max));
    expect(String(r.right__phases__strike__image_url)).toMatch(/^http/);
    expect(r.user_info__email).toEqual(expect.stringContaining('@'));
    expect(r.comments_ready).toBe(false);
    expect(Object.keys(r).some((k) => k.includes('graph_timestamps') || k.endsWith('__current'))).toBe(false);
  });

  it('Get Running Summary: metric statistics with readable keys, per-frame values dropped', async () => {
    const r = await one('running_summary', { session_id: runId });
    expect(r.performance_metrics__speed__avg).toEqual(expect.any(Number));
    expect(r.running_mechanics__footstrike).toEqual(expect.any(String));
    expect(r.summary_ready).toBe(false);
    expect(r.summary_text__final_summary).toBeNull();
    expect(Object.keys(r).some((k) => k.endsWith('__values'))).toBe(false);
  });

  it('Get Running-Form Report: one value per metric and the snapshot images', async () => {
    const r = await one('running_form_report', { session_id: runId }, /^form_comments__/);
    expect(r.metrics__knee_flexion).toEqual(expect.any(Number));
    expect(String(r.images__contact_angle)).toMatch(/^http/);
  });

  it('Get Session Details for running, jumping and weightlifting', async () => {
    const running = await one('session_details', { activity: 'running', session_id: runId }, /^(summary|analyzed_video_url)$/);
    expect(running.activity).toBe('Running');
    expect(running.frame_count).toEqual(expect.any(Number));
    expect(running.metrics__speed__avg).toEqual(expect.any(Number));
    const lift = (await search('session_details', { activity: 'weightlifting', session_id: liftId }))[0];
    expect(lift.activity).toBe('Weightlifting');
    expectFlat(lift);
    const jump = (await search('session_details', { activity: 'jumping', session_id: jumpId }))[0];
    expect(jump.activity).toBe('Vertical Jump');
    expect(jump.metrics__jump_height__avg).toEqual(expect.any(Number));
  });

  it('Get Session Export: the raw data as one JSON field', async () => {
    const r = await one('session_export', { activity: 'running', session_id: runId });
    expect(r.raw_json_complete).toBe(true);
    const raw = JSON.parse(String(r.raw_json));
    expect(raw.all_timestamps).toHaveLength(Number(r.frame_count));
    expect(String(r.angle_names)).toContain('lhip_angle');
  });

  it('Get Total Running Metrics', async () => {
    const r = await one('total_metrics', {});
    expect(r.avg_metrics__avg_speed).toEqual(expect.any(Number));
    expect(r.last_session_created_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('Get Analyzed Video URL and Get Lift Analysis', async () => {
    const v = await one('analyzed_video_url', { session_id: runId });
    expect(String(v.analyzed_video_url)).toMatch(/^http/);
    expect(v.ready).toBe(true);
    const lift = await one('lift_analysis', { session_id: liftId });
    expect(lift.exercise).toEqual(expect.any(String));
    expect(String(lift.analysis__en)).not.toBe('');
  });

  it('demo data works without a session of your own', async () => {
    const items = await search('running_summary', { session_id: 'demo', demo: true });
    expect(items).toHaveLength(1);
    expect(items[0].performance_metrics__speed__avg).toEqual(expect.any(Number));
  });

  it('a session that does not exist is "nothing found", not an error', async () => {
    await expect(search('gait_analysis_report', { session_id: 'NoSuchSession00000000' })).resolves.toEqual([]);
    await expect(search('session_details', { activity: 'running', session_id: 'NoSuchSession00000000' })).resolves.toEqual([]);
  });

  it('a key without a plan halts with the plan hint (no pointless retries)', async () => {
    const err = await failureOf(search('gait_analysis_report', { session_id: runId }, authFor(sim.url, sim.keys.noPlan)));
    expect(err.name).toBe('AppError');
    expect(err.message).toMatch(/plan/i);
    expect(ownMessage(err).length).toBeLessThan(250);
    expect(err.message).not.toContain(sim.keys.noPlan);
  });

  it('a bad session id is rejected by name before any request', async () => {
    const before = sim.control.stats().totalRequests;
    const err = await failureOf(search('running_summary', { session_id: '../admin' }));
    expect(err.name).toBe('AppError');
    expect(err.message).toMatch(/Session ID \(session_id\): must not contain '\/'/);
    expect(sim.control.stats().totalRequests).toBe(before);
  });
});
