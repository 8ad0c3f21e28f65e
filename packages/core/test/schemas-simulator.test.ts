import { start, type Simulator } from '@aikynetix/simulator';
import { getOperation, operations, type AnyOperation } from '../src/registry';

/**
 * The response schemas against a real server: every operation is called on the simulator with
 * plain fetch (no client code involved) and its answer must parse with the registry's output
 * schema and come with the declared success status.
 */
let sim: Simulator;
let ids: Record<'run' | 'run2' | 'run3' | 'jump' | 'lift', string>;

beforeAll(async () => {
  sim = await start({ processingDelayMs: 0, genAiDelayMs: 0 });
  const seed = (activity: 'Running' | 'Vertical Jump' | 'Weightlifting', count: number) => sim.control.seed({ count, activity }).ids;
  const [run, run2, run3] = seed('Running', 3);
  ids = { run, run2, run3, jump: seed('Vertical Jump', 1)[0], lift: seed('Weightlifting', 1)[0] };
});
afterAll(() => sim?.close());

async function call(op: AnyOperation, sessionId: string): Promise<{ status: number; json: unknown }> {
  let url = sim.url + op.path.replace('{session_id}', sessionId);
  let body: string | FormData | undefined;
  const headers: Record<string, string> = { authorization: `API-KEY ${sim.apiKey}` };
  if (op.id === 'running.createSession') {
    const form = new FormData();
    form.append('user_id', 'someUserId123');
    form.append('session_name', 'Custom Session');
    form.append('body_joint_angles', 'knee,ankle');
    form.append('video', new Blob([new Uint8Array(2048)], { type: 'video/mp4' }), 'run.mp4');
    body = form;
  } else if (Object.values(op.in as Record<string, string>).includes('json') || (op.method === 'POST' && op.area === 'sessions')) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(op.id === 'sessions.getByIds' ? { session_ids: Object.values(ids) } : op.id === 'sessions.update' ? { title: 'Renamed' } : {});
  }
  if (op.id === 'sessions.filter') url += '?limit=3';
  const res = await fetch(url, { method: op.method, headers, body });
  return { status: res.status, json: JSON.parse(await res.text()) };
}

const sessionFor = (op: AnyOperation) =>
  op.area === 'jumping' ? ids.jump : op.area === 'weightlifting' ? ids.lift : op.id === 'sessions.generateAnalyzedVideo' ? ids.run2 : op.id === 'sessions.delete' ? ids.run3 : ids.run;

test.each(operations.map((o) => [o.id, o] as const))('%s: the simulator answer parses with the output schema', async (_id, op) => {
  const { status, json } = await call(op, sessionFor(op));
  expect([status, (json as { error?: string }).error]).toEqual([op.successStatus, undefined]);
  const parsed = op.output.safeParse(json);
  expect(parsed.error?.issues ?? []).toEqual([]);
});

test('listings come back as arrays of normalised sessions', async () => {
  const { json } = await call(getOperation('sessions.filter'), '');
  const page = getOperation('sessions.filter').output.parse(json) as { sessions: { id: string; status: string; created_at_iso: string | null }[] };
  expect(page.sessions.length).toBeGreaterThan(0);
  for (const s of page.sessions) {
    expect(s.id).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(['processing', 'processed', 'failed']).toContain(s.status);
    expect(s.created_at_iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
  }
});
