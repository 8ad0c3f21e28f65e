import { join } from 'node:path';
import { fileHost } from './support/servers';
import { failureOf, ownMessage, payloadOf, run } from './support/app';
import { expectFlat, missingOutputFields } from './support/shape';
import { authFor, eventually, startSim, type Simulator } from './support/sim';

type Item = Record<string, unknown>;

describe('creates against the simulator', () => {
  let sim: Simulator;
  let auth: ReturnType<typeof authFor>;
  const create = (key: string, inputData: Item, authData: Item = auth): Promise<Item> =>
    run('creates', key, { authData, inputData });
  const search = (key: string, inputData: Item): Promise<Item[]> => run('searches', key, { authData: auth, inputData });
  const processed = () => sim.control.seed({ count: 1, processed: true }).ids[0];

  beforeAll(async () => {
    sim = await startSim({ genAiDelayMs: 300 });
    auth = authFor(sim.url, sim.apiKey);
  });
  afterAll(() => sim.close());

  const checked = (key: string, item: Item, id: string) => {
    expect(item.id).toBe(id);
    expectFlat(item);
    expect(missingOutputFields('creates', key, item)).toEqual([]);
    return item;
  };

  it('Generate Summary returns at once; the AI texts then appear in Get Running Summary', async () => {
    const id = processed();
    const started = checked('generate_summary', await create('generate_summary', { session_id: id, measurement_system: 'imperial' }), id);
    expect(started.status).toBe('generating');
    expect(started.measurement_system).toBe('imperial');
    expect(Object.keys(started).filter((k) => k.startsWith('threads__')).length).toBeGreaterThan(0);
    const summary = await eventually(async () => {
      const [s] = await search('running_summary', { session_id: id });
      return s?.summary_ready ? s : undefined;
    });
    expect(String(summary.summary_text__final_summary).length).toBeGreaterThan(20);
  });

  it('Generate Form / Gait Recommendations fill the reports\' AI comments', async () => {
    const id = processed();
    checked('generate_form_recommendations', await create('generate_form_recommendations', { session_id: id }), id);
    checked('generate_gait_recommendations', await create('generate_gait_recommendations', { session_id: id }), id);
    const form = await eventually(async () => {
      const [r] = await search('running_form_report', { session_id: id });
      return r?.comments_ready ? r : undefined;
    });
    expect(form.form_comments__general_form_recommendation).toEqual(expect.any(String));
    const gait = await eventually(async () => {
      const [r] = await search('gait_analysis_report', { session_id: id });
      return r?.comments_ready ? r : undefined;
    });
    expect(Object.keys(gait).filter((k) => k.startsWith('report_comments__')).length).toBeGreaterThan(0);
    expectFlat(gait);
  });

  it('Generate Analyzed Video returns its link', async () => {
    const id = processed();
    const v = checked('generate_analyzed_video', await create('generate_analyzed_video', { session_id: id }), id);
    expect(String(v.analyzed_video_url)).toMatch(/^http:\/\/127\.0\.0\.1/);
  });

  it('Update Session renames a session (and Find Session sees the new title)', async () => {
    const id = processed();
    const r = checked('update_session', await create('update_session', { session_id: id, title: 'Race-pace check' }), id);
    expect(r.title).toBe('Race-pace check');
    const found = await search('find_session', { title: 'race-pace' });
    expect(found.map((s) => s.id)).toEqual([id]);
  });

  it('Update Session with nothing to change is rejected by field name', async () => {
    const err = await failureOf(create('update_session', { session_id: processed() }));
    expect(err.name).toBe('AppError');
    expect(ownMessage(err)).toMatch(/title\)?: give a new title or created_at/);
  });

  it('Delete Session deletes; deleting again reports the 404 with its hint', async () => {
    const id = processed();
    // The safeguard: without Confirm = yes nothing is sent.
    const before = sim.control.stats().totalRequests;
    const refused = await failureOf(create('delete_session', { session_id: id }));
    expect(refused.name).toBe('AppError');
    expect(payloadOf(refused).message).toMatch(/Confirm Permanent Deletion \(confirm\)|confirm: must be "yes"/);
    expect(sim.control.stats().totalRequests).toBe(before);
    expect(sim.control.session(id)).toBeDefined();
    checked('delete_session', await create('delete_session', { session_id: id, confirm: 'yes' }), id);
    expect(sim.control.session(id)).toBeUndefined();
    await expect(search('session_details', { activity: 'running', session_id: id })).resolves.toEqual([]);
    const err = await failureOf(create('delete_session', { session_id: id, confirm: 'yes' }));
    const payload = payloadOf(err);
    expect(payload.status).toBe(404);
    expect(payload.code).toBe('NotFoundError');
    expect(payload.message).toMatch(/HTTP 404.*Check the session ID/);
  });

  it('a non-admin key cannot upload for others: a Zapier error with the admin hint', async () => {
    const host = await fileHost(join(__dirname, '..', '..', 'shared', 'fixtures', 'sample-run.mp4'), 'run.mp4');
    try {
      const before = sim.control.stats().sessionsCreated;
      const err = await failureOf(
        create('upload_video', { video: `${host.url}/run.mp4`, user_id: 'a1' }, authFor(sim.url, sim.keys.nonAdmin)),
      );
      expect(err.name).toBe('AppError');
      expect(ownMessage(err)).toMatch(/HTTP 403/);
      expect(ownMessage(err)).toMatch(/admin key/);
      expect(sim.control.stats().sessionsCreated).toBe(before);
    } finally {
      await host.close();
    }
  });
});
