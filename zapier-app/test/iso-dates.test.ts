import { join } from 'node:path';
import { App, run } from './support/app';
import { fileHost, type Recorded } from './support/servers';
import { authFor, startSim, type Simulator } from './support/sim';

type Item = Record<string, unknown>;
type Kind = 'triggers' | 'searches' | 'creates';
type Def = { operation: { sample?: Item; outputFields?: Array<{ key: string; type?: string }> } };

/** Layouts that are dates but not ISO 8601 (the API's DD/MM/YYYY, 12-hour times, HTTP dates, space-separated). */
const NON_ISO = [
  /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/,
  /\b\d{1,2}:\d{2}\s*[AP]\.?M\.?(?![a-z])/i,
  /\b[A-Z][a-z]{2},? \d{1,2} [A-Z][a-z]{2} \d{4}\b/,
  /^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}/,
];
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
/** Keys that hold a date whatever their declared type. */
const DATE_KEY = /(^|_)(date|created_at|last_session|last_session_at|session_date)$/;

/** Every problem with the dates of one item: non-ISO text anywhere, or a date field that is not ISO. */
function dateProblems(where: string, item: Item, fields: Def['operation']['outputFields'] = []): string[] {
  const datetime = new Set(fields.filter((f) => f.type === 'datetime').map((f) => f.key));
  const problems: string[] = [];
  for (const [k, v] of Object.entries(item)) {
    // URLs and titles are free text (the API's default title embeds its own date layout).
    if (typeof v !== 'string' || /^https?:\/\//.test(v) || k === 'title') continue;
    if (NON_ISO.some((re) => re.test(v))) problems.push(`${where} ${k}=${JSON.stringify(v)} is a non-ISO date`);
    else if ((datetime.has(k) || DATE_KEY.test(k)) && !ISO.test(v)) problems.push(`${where} ${k}=${JSON.stringify(v)} is not ISO 8601`);
  }
  return problems;
}

const defs = (kind: Kind) => (App as unknown as Record<Kind, Record<string, Def>>)[kind];
const everyKey = (): Array<[Kind, string]> =>
  (['triggers', 'searches', 'creates'] as Kind[]).flatMap((kind) => Object.keys(defs(kind)).map((key): [Kind, string] => [kind, key]));

describe('ISO 8601 dates in every output field and sample', () => {
  let sim: Simulator;
  let host: Recorded;
  let auth: ReturnType<typeof authFor>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    sim = await startSim();
    auth = authFor(sim.url, sim.apiKey);
    host = await fileHost(join(__dirname, '..', '..', 'shared', 'fixtures', 'sample-run.mp4'), 'run.mp4');
    [ids.run, ids.spare, ids.video] = sim.control.seed({ count: 3, processed: true, userIds: ['seed-user-1'] }).ids;
    [ids.lift] = sim.control.seed({ count: 1, processed: true, activity: 'Weightlifting' }).ids;
    [ids.failed] = sim.control.seed({ count: 1, processed: true, failedEvery: 1 }).ids;
  });
  afterAll(async () => {
    await host.close();
    await sim.close();
  });

  /** Inputs that make each key return a real item from the simulator. */
  const inputs = (): Record<string, Item> => ({
    session_processed: {},
    new_session: {},
    session_failed: {},
    session_list: {},
    activity_list: {},
    athlete_list: {},
    find_session: { user_id: 'seed-user-1' },
    find_athlete: { query: 'seed-user-1' },
    gait_analysis_report: { session_id: ids.run },
    running_summary: { session_id: ids.run },
    running_form_report: { session_id: ids.run },
    session_details: { session_id: ids.run, activity: 'running' },
    session_export: { session_id: ids.run, activity: 'running' },
    total_metrics: { activity: 'running' },
    analyzed_video_url: { session_id: ids.run },
    lift_analysis: { session_id: ids.lift },
    upload_video: { video: `${host.url}/run.mp4`, user_id: 'seed-user-1' },
    generate_summary: { session_id: ids.run },
    generate_analyzed_video: { session_id: ids.video },
    generate_form_recommendations: { session_id: ids.run },
    generate_gait_recommendations: { session_id: ids.run },
    update_session: { session_id: ids.run, created_at: '2025-02-05T18:00:00Z' },
    delete_session: { session_id: ids.spare, confirm: 'yes' },
  });

  it('every sample holds ISO dates only', () => {
    const problems = everyKey().flatMap(([kind, key]) => {
      const def = defs(kind)[key].operation;
      return def.sample ? dateProblems(`${kind}.${key} sample:`, def.sample, def.outputFields) : [];
    });
    expect(problems).toEqual([]);
  });

  it.each(everyKey())('%s.%s live output holds ISO dates only', async (kind, key) => {
    const inputData = inputs()[key];
    if (!inputData) throw new Error(`no test input for ${kind}.${key}: add one so its output is scanned`);
    const result = await run(kind, key, { authData: auth, inputData, meta: {} });
    const items: Item[] = Array.isArray(result) ? result : [result];
    expect(items.length).toBeGreaterThan(0);
    expect(items.flatMap((item) => dateProblems(`${kind}.${key}:`, item, defs(kind)[key].operation.outputFields))).toEqual([]);
  });

  it('the scanner catches the API layouts it exists for', () => {
    expect(dateProblems('x', { date: '05/02/2025' })).toHaveLength(1);
    expect(dateProblems('x', { when: '05/02/2025 06:00 PM' })).toHaveLength(1);
    expect(dateProblems('x', { created_at: '2025-02-05 18:00' })).toHaveLength(1);
    expect(dateProblems('x', { created_at: 'yesterday' })).toHaveLength(1);
    expect(dateProblems('x', { date: '2025-02-05', created_at: '2025-02-05T18:00:00.000Z' })).toEqual([]);
  });
});
