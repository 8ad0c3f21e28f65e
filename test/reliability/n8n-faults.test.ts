import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { n8n, type N8nCredentials, type N8nNode, type N8nRun, type N8nWorkflow } from './support/adapters';
import { KEYS, LeakWatch } from './support/secrets';
import { hits, sampleVideo, startSim, UPLOAD_ROUTE, type FaultSpec, type Simulator } from './support/sim';

const { outputOf, PolledTrigger, runWorkflow, TestCredentialsHelper, AIKYNETIX_TRIGGER, aikynetixNode, byId, chain, inputNode } = n8n();

type RunError = { name: string; message: string; description?: string; httpCode?: string };
const errorOf = (run: N8nRun) => run.data.resultData.error as unknown as RunError | undefined;

/** The AIKYNETIX n8n nodes in n8n's own engine (the n8n helper's harness) against the simulator's faults. */
describe('n8n nodes under faults (n8n-core WorkflowExecute / PollContext)', () => {
  let sim: Simulator;
  let seeded: string[];
  let video: string;
  const watch = new LeakWatch();
  const creds = (): N8nCredentials => ({ apiKey: KEYS.admin, baseUrl: sim.url, authStyle: 'authorizationApiKey' });
  const created = () => sim.control.stats().sessionsCreated;
  /** Runs a workflow and keeps its whole execution data for the leak check. */
  const execute = async (json: N8nWorkflow, credentials = creds()) => {
    const run = await runWorkflow(json, credentials);
    watch.record('n8n execution data', run);
    return run;
  };
  const gait = (id: string) => execute(chain(inputNode(), aikynetixNode('Gait', { resource: 'running', operation: 'getGaitReport', sessionId: byId(id) })));
  const upload = (params: Record<string, unknown> = {}) =>
    execute(chain(inputNode([{}], video), aikynetixNode('Upload', { resource: 'running', operation: 'upload', userId: 'n8n-runner', binaryPropertyName: 'data', ...params })));

  beforeAll(async () => {
    sim = await startSim();
    seeded = sim.control.seed({ count: 5, spacingMs: 1000 }).ids;
    video = sampleVideo();
  });
  afterEach(() => sim.control.clearFaults());
  afterAll(async () => {
    await sim.close();
    expect(watch.count).toBeGreaterThan(0);
    expect(watch.leaks()).toEqual([]);
  });

  const SURVIVABLE: Array<[string, Omit<FaultSpec, 'route'>]> = [
    ['latency', { latencyMs: 150 }],
    ['a 429 with Retry-After 1 s', { rateLimit: { count: 1, retryAfterSeconds: 1 } }],
    ['a 503 burst', { serverError: { count: 2 } }],
    ['dropped connections', { drop: { count: 2 } }],
  ];
  test.each(SURVIVABLE)('Get Gait Report with %s: the same report', async (_n, fault) => {
    const clean = outputOf(await gait(seeded[0]), 'Gait');
    sim.control.setFaults({ ...fault, route: '/gait-analysis/' });
    const run = await gait(seeded[0]);
    expect(errorOf(run)).toBeUndefined();
    expect(outputOf(run, 'Gait').map((i) => i.json)).toEqual(clean.map((i) => i.json));
  });

  describe('Upload Video: never a second session, failures as NodeApiError', () => {
    // n8n's binary stream is read once, so the core cannot replay the body: the 429 reaches the user.
    test('a 429 before the handler: NodeApiError 429 with the wait hint, no session; the re-run creates one', async () => {
      const before = created();
      sim.control.setFaults({ rateLimit: { count: 1, retryAfterSeconds: 1 }, route: '/running/sessions/', method: 'POST' });
      const err = errorOf(await upload());
      expect(err?.name).toBe('NodeApiError');
      expect(err?.httpCode).toBe('429');
      expect(err?.description).toMatch(/rate-limiting/);
      expect(created()).toBe(before);
      const again = await upload();
      expect(errorOf(again)).toBeUndefined();
      expect(outputOf(again, 'Upload')[0].json.session_id).toEqual(expect.any(String));
      expect(created()).toBe(before + 1);
    });

    test('503: NodeApiError with the status saying nothing was created (checked), not re-sent, no session', async () => {
      const before = created();
      const hitsBefore = hits(sim, UPLOAD_ROUTE);
      sim.control.setFaults({ serverError: { count: 5 }, route: '/running/sessions/', method: 'POST' });
      const err = errorOf(await upload());
      expect(err?.name).toBe('NodeApiError');
      expect(err?.httpCode).toBe('503');
      expect(err?.message).toMatch(/nothing was created, so uploading again is safe/);
      expect(hits(sim, UPLOAD_ROUTE) - hitsBefore).toBe(1);
      expect(created()).toBe(before);
    }, 20_000);

    test('answer lost (connection dropped): the session is found afterwards and output, marked recovered; exactly one session', async () => {
      const before = created();
      const hitsBefore = hits(sim, UPLOAD_ROUTE);
      sim.control.setFaults({ drop: { count: 5 }, route: '/running/sessions/', method: 'POST' });
      const result = await upload();
      expect(errorOf(result)).toBeUndefined();
      expect(outputOf(result, 'Upload')[0].json).toMatchObject({ session_id: expect.any(String), recovered: true });
      expect(hits(sim, UPLOAD_ROUTE) - hitsBefore).toBe(1);
      expect(created()).toBe(before + 1);
    });
  });

  test('Generate Summary + Wait for Text, answer lost and the text late: the wait settles it, one generation request', async () => {
    const route = '/summary/';
    const posts = () => Object.entries(sim.control.stats().requests).filter(([k]) => k.startsWith('POST ') && k.endsWith(route)).reduce((n, [, v]) => n + v, 0);
    const before = posts();
    // Text after 9 s: longer than the core's own looks after a lost answer (0 + 1 + 2 + 4 s), so
    // the start's outcome stays unknown and only the wait can settle it.
    sim.control.setDelays({ genAiDelayMs: 9000 });
    sim.control.setFaults({ drop: { count: 1 }, route, method: 'POST' });
    try {
      const run = await execute(
        chain(inputNode(), aikynetixNode('Summary', { resource: 'running', operation: 'generateSummary', sessionId: byId(seeded[2]), waitForText: true, maxWaitMinutes: 1, options: {} })),
      );
      expect(errorOf(run)).toBeUndefined();
      expect(String(outputOf(run, 'Summary')[0].json.summary_text ?? '')).not.toBe('');
      expect(posts() - before).toBe(1);
    } finally {
      sim.control.setDelays({ genAiDelayMs: 50 });
    }
  }, 60_000);

  test('5xx storm on a report: NodeApiError naming the status', async () => {
    sim.control.setFaults({ serverError: { count: 10, status: 500 }, route: '/gait-analysis/' });
    const err = errorOf(await gait(seeded[1]));
    expect(err?.name).toBe('NodeApiError');
    expect(err?.httpCode).toBe('500');
  });

  test('wrong key: NodeApiError 401, the key nowhere in the execution data', async () => {
    const wrong = `${KEYS.admin}-revoked`;
    const run = await execute(
      chain(inputNode(), aikynetixNode('Gait', { resource: 'running', operation: 'getGaitReport', sessionId: byId(seeded[0]) })),
      { ...creds(), apiKey: wrong },
    );
    expect(errorOf(run)?.name).toBe('NodeApiError');
    expect(errorOf(run)?.httpCode).toBe('401');
    expect(JSON.stringify(run)).not.toContain(KEYS.admin);
  });

  describe('bad parameters: NodeOperationError naming the field, nothing sent', () => {
    const cases: Array<[string, () => ReturnType<typeof execute>, RegExp]> = [
      ['an empty User ID', () => upload({ userId: '' }), /User ID/],
      ['an incline of 90°', () => upload({ options: { inclineDegree: 90 } }), /Incline/],
      ['a missing binary field', () => upload({ binaryPropertyName: 'video' }), /video/],
      [
        'a session ID with a slash from an expression',
        () => execute(chain(inputNode([{ id: 'a/b' }]), aikynetixNode('Gait', { resource: 'running', operation: 'getGaitReport', sessionId: byId('={{ $json.id }}') }))),
        /Session/,
      ],
      [
        'an impossible start date in Find Sessions',
        () => execute(chain(inputNode(), aikynetixNode('Find', { resource: 'session', operation: 'search', returnAll: true, filters: { startDate: '={{ "31/02/2024" }}' } }))),
        /Start Date/i,
      ],
      [
        'a measurement system from an expression',
        () => execute(chain(inputNode(), aikynetixNode('Summary', { resource: 'running', operation: 'generateSummary', sessionId: byId(seeded[0]), options: { measurementSystem: '={{ "kelvin" }}' } }))),
        /Measurement System|measurement/i,
      ],
    ];
    test.each(cases)('%s', async (_n, go, named) => {
      const before = sim.control.stats().totalRequests;
      let err: RunError | undefined;
      try {
        err = errorOf(await go());
      } catch (thrown) {
        // n8n itself refuses to start a workflow whose node has parameter issues (as the editor shows them).
        watch.record('n8n refused', thrown);
        err = thrown as RunError;
        expect(err.name).toBe('WorkflowHasIssuesError');
      }
      if (err?.name !== 'WorkflowHasIssuesError') expect(err?.name).toBe('NodeOperationError');
      expect(`${err?.message} ${err?.description ?? ''} ${JSON.stringify(err)}`).toMatch(named);
      expect(sim.control.stats().totalRequests).toBe(before);
    });
  });
});

describe('AIKYNETIX Trigger (PollContext) under faults and simulator restarts', () => {
  const watch = new LeakWatch();
  let dataDir: string;
  let sim: Simulator;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const CYCLE: Array<Omit<FaultSpec, 'route'>> = [
    { rateLimit: { count: 2, retryAfterSeconds: 0 } },
    { serverError: { count: 3 } },
    { drop: { count: 2 } },
    { truncatedJson: { count: 1 } },
    { drop: { count: 1, after: 'partial-body' } },
    {},
  ];

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'aikynetix-n8n-trigger-restarts-'));
  });
  afterAll(async () => {
    await sim?.close();
    rmSync(dataDir, { recursive: true, force: true });
    expect(watch.leaks()).toEqual([]);
  });

  test('Session Processed fires exactly once per processed session; history and failures never', async () => {
    sim = await startSim({ dataDir, processingDelayMs: 300 });
    const port = Number(new URL(sim.url).port);
    const history = sim.control.seed({ count: 30, newestAt: new Date(Date.now() - 5 * 60_000).toISOString() }).ids;
    const node: N8nNode = {
      id: 'Trigger',
      name: 'AIKYNETIX Trigger',
      type: AIKYNETIX_TRIGGER,
      typeVersion: 1,
      position: [0, 0],
      parameters: { event: 'processed', filters: {} },
      credentials: { aikynetixApi: { id: 'cred-1', name: 'AIKYNETIX (simulator)' } },
    };
    const trigger = new PolledTrigger(node, new TestCredentialsHelper({ apiKey: KEYS.admin, baseUrl: sim.url, authStyle: 'authorizationApiKey' }));
    const fired: string[] = [];
    const fresh = new Set<string>();
    let failedPolls = 0;
    const poll = async () => {
      try {
        const items = (await trigger.poll()) ?? [];
        watch.record('trigger items', items);
        fired.push(...items.map((i) => String(i.json.session_id)));
      } catch (err) {
        failedPolls++;
        watch.record('trigger error', err);
      }
    };

    await poll(); // learns the account
    for (let round = 0; round < 12; round++) {
      sim.control.seed({ count: 2, processed: false, spacingMs: 1, failedEvery: round % 3 === 0 ? 2 : 0 }).ids.forEach((id) => fresh.add(id));
      sim.control.setFaults({ ...CYCLE[round % CYCLE.length], route: '/session-management/sessions/' });
      await poll();
      sim.control.clearFaults();
      if (round % 4 === 3) {
        await sim.close();
        sim = await startSim({ dataDir, port, processingDelayMs: 300 });
      }
      await sleep(150);
    }
    await sleep(500);
    for (let i = 0; i < 3; i++) await poll();
    watch.record('static data', trigger.workflow.staticData);

    expect(failedPolls).toBeGreaterThan(0);
    expect(new Set(fired).size).toBe(fired.length);
    expect(fired.filter((id) => history.includes(id))).toEqual([]);
    const processed = [...fresh].filter((id) => sim.control.session(id)!.video_status === 'Processed');
    const failed = [...fresh].filter((id) => sim.control.session(id)!.video_status === 'Failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(fired.sort()).toEqual(processed.sort());
    expect(JSON.stringify(trigger.workflow.staticData).length).toBeLessThan(16_000);
  });
});
