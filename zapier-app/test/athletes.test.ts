import { App, run } from './support/app';
import { authFor, startSim, type Simulator } from './support/sim';

type Item = Record<string, unknown>;
type Field = { key: string; dynamic?: string; search?: string };

describe('athlete dropdown (hidden Athlete List + Find Athlete) against the simulator', () => {
  let sim: Simulator;
  let auth: ReturnType<typeof authFor>;
  beforeAll(async () => {
    sim = await startSim();
    auth = authFor(sim.url, sim.apiKey);
  });
  afterAll(() => sim.close());

  it('lists each athlete of the recent sessions once, with name, newest session (ISO) and count', async () => {
    sim.control.seed({ count: 6, processed: true, userIds: ['athlete-a', 'athlete-b', 'athlete-c'] });
    const items = (await run('triggers', 'athlete_list', { authData: auth, inputData: {} })) as Item[];
    expect(items.map((i) => i.id).sort()).toEqual(['athlete-a', 'athlete-b', 'athlete-c']);
    for (const a of items) {
      expect(a.name).toEqual(expect.any(String));
      expect(a.name).not.toBe(a.id); // the API's user_name, not the ID again
      expect(String(a.last_session_at)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(a.session_count).toBe(2);
    }
  });

  it('Find Athlete matches part of a name (any case) or an exact user ID', async () => {
    const all = (await run('triggers', 'athlete_list', { authData: auth, inputData: {} })) as Item[];
    const someone = all[0];
    const part = String(someone.name).slice(1, 5).toUpperCase();
    const byName = (await run('searches', 'find_athlete', { authData: auth, inputData: { query: part } })) as Item[];
    expect(byName.map((a) => a.id)).toContain(someone.id);
    const byId = (await run('searches', 'find_athlete', { authData: auth, inputData: { query: someone.id } })) as Item[];
    expect(byId.map((a) => a.id)).toEqual([someone.id]);
    await expect(run('searches', 'find_athlete', { authData: auth, inputData: { query: 'nobody-like-this' } })).resolves.toEqual([]);
  });

  it('every User ID field is an athlete dropdown linked to Find Athlete (typed IDs still accepted)', () => {
    const app = App as unknown as Record<string, Record<string, { operation: { inputFields?: Field[] } }>>;
    const userFields = (['triggers', 'searches', 'creates'] as const).flatMap((kind) =>
      Object.entries(app[kind]).flatMap(([key, def]) => (def.operation.inputFields ?? []).filter((f) => f.key === 'user_id').map((f) => ({ key, f }))),
    );
    expect(userFields.map((u) => u.key).sort()).toEqual(['find_session', 'new_session', 'session_failed', 'session_processed', 'upload_video']);
    for (const { f } of userFields) expect(f).toMatchObject({ dynamic: 'athlete_list.id.name', search: 'find_athlete.id' });
  });
});
