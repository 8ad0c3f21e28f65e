// n8n's queue mode with real parts: Debian's Redis and PostgreSQL, the pinned n8n as one main and
// two workers (own user folders, the package installed on each), the simulator as the API.
// Every scenario checks exact counts where the user's own system would see them (the recorder).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Aikynetix } from '@aikynetix/core';
import { start, type Simulator } from '@aikynetix/simulator';
import { ensureN8n } from '../e2e-n8n/n8n-cli';
import { N8nApi } from './api';
import { Cluster } from './cluster';
import { postVideo, sha256, writeVideo } from './media';
import { Recorder } from './recorder';
import { ensureDebianPackages, startPostgres, startRedis, type Postgres, type Service } from './services';
import { CATCH_UP_EXAMPLE, triggerWorkflow, uploadWorkflow, type CredentialRef } from './workflows';
import { recipeParts } from './recipe';
import { report, figures } from './report';

const WORKER_CONCURRENCY = 5;
/** The database-mode cap for this test (MiB): small, so the over-cap case needs only a small file. */
const DB_CAP_MIB = 8;
/** n8n's cap on a file in a multipart webhook or form (MiB; 200 by default): above the database cap here. */
const FORM_CAP_MIB = 16;
const UPLOAD_MIB = 2;

async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('n8n-nodes-aikynetix in n8n queue mode (main + 2 workers, Redis, PostgreSQL)', () => {
  let scratch: string;
  let redis: Service | undefined;
  let postgres: Postgres | undefined;
  let cluster: Cluster | undefined;
  let sim: Simulator;
  let recorder: Recorder;
  let api: N8nApi;
  let credential: CredentialRef;
  let client: Aikynetix;
  let files: string;
  const apiKey = `sk_queue_${randomBytes(12).toString('hex')}`;
  const started = Date.now();

  beforeAll(async () => {
    figures.aptSeconds = ensureDebianPackages();
    const install = await ensureN8n(25 * 60_000);
    scratch = mkdtempSync(path.join(tmpdir(), 'aikynetix-queue-e2e-'));
    files = path.join(scratch, 'files');
    mkdirSync(files, { recursive: true });
    const servicesStarted = Date.now();
    // One after the other, so that a failure of the second still leaves the first to be stopped.
    redis = await startRedis(path.join(scratch, 'redis'));
    postgres = await startPostgres(path.join(scratch, 'postgres'));
    figures.servicesSeconds = (Date.now() - servicesStarted) / 1000;
    sim = await start({ port: 0, apiKey, processingDelayMs: 800, genAiDelayMs: 300 });
    client = new Aikynetix({ baseUrl: sim.url, apiKey });
    recorder = await Recorder.start();
    cluster = await Cluster.create(
      {
        install,
        root: path.join(scratch, 'n8n'),
        postgres,
        redis,
        filesFolder: files,
        workerConcurrency: WORKER_CONCURRENCY,
        env: { N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE: String(DB_CAP_MIB), N8N_FORMDATA_FILE_SIZE_MAX: String(FORM_CAP_MIB) },
      },
      2,
    );
    const n8nStarted = Date.now();
    await cluster.start();
    figures.n8nStartSeconds = (Date.now() - n8nStarted) / 1000;
    api = await N8nApi.setupOwner(`http://127.0.0.1:${cluster.main.port}`);
    credential = await api.createCredential('AIKYNETIX (simulator)', 'aikynetixApi', { apiKey, authStyle: 'authorizationApiKey', baseUrl: sim.url });
  }, 30 * 60_000);

  afterAll(async () => {
    figures.totalSeconds = (Date.now() - started) / 1000;
    report();
    await cluster?.stop();
    await Promise.all([redis?.stop(), postgres?.stop()]);
    await recorder?.close();
    await sim?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }, 3 * 60_000);

  /**
   * Creates and publishes a workflow, then waits until the main has really activated it (n8n 2.x
   * activates asynchronously): a webhook is registered in its database; an AIKYNETIX Trigger has
   * made its activation poll (which learns the account) against the simulator.
   */
  async function deploy(workflow: { name: string } & Record<string, unknown>, wait: { webhook?: string; poll?: boolean } = {}): Promise<string> {
    const requestsBefore = sim.control.stats().totalRequests;
    const id = await api.createWorkflow(workflow, true);
    if (wait.webhook) {
      // The main registers production webhooks in its database once activation has run.
      const sql = `SELECT count(*) FROM webhook_entity WHERE "webhookPath" = '${wait.webhook}'`;
      await waitUntil(`webhook ${wait.webhook}`, () => postgres!.query(sql) === '1', 120_000, 500);
      await sleep(1000);
    }
    if (wait.poll) {
      await waitUntil(`the trigger of ${id} to poll once`, () => sim.control.stats().totalRequests > requestsBefore, 120_000, 200);
      await sleep(2000);
    }
    return id;
  }

  /**
   * Publishes an upload workflow on webhook `hook` and posts it a new video of `bytes` bytes:
   * the answer, and how many sessions the API had before the post.
   */
  async function postToNewUpload(hook: string, fileName: string, bytes: number, fields: Record<string, string>) {
    const workflowId = await deploy(uploadWorkflow({ credential, path: hook }), { webhook: hook });
    const file = path.join(files, fileName);
    await writeVideo(file, bytes);
    const before = sim.control.stats().sessionsCreated;
    const res = await postVideo(`${api.baseUrl}/webhook/${hook}`, file, fields);
    return { workflowId, before, status: res.status, body: await res.text() };
  }

  /** Uploads `count` sessions straight to the API (what the athletes' app would do). */
  async function uploadBurst(count: number, label: string): Promise<string[]> {
    const video = Buffer.concat([Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'), randomBytes(64 * 1024)]);
    const created = await Promise.all(
      Array.from({ length: count }, (_, i) => client.running.createSession({ user_id: `athlete-${label}-${i}`, session_name: `${label} ${i}`, video })),
    );
    return created.map((c) => c.session_id);
  }

  it('the package is installed on every instance and loads there', () => {
    for (const instance of [cluster!.main, ...cluster!.workers]) {
      expect({ instance: instance.name, failed: /Failed to load|n8n-nodes-aikynetix.*error/i.test(instance.log) }).toEqual({ instance: instance.name, failed: false });
    }
  });

  it('trigger → Get Gait Report → recorder: every session exactly once, both workers used, across a rolling restart', async () => {
    const [w1, w2] = cluster!.workers;
    // n8n polls at most once a minute: each phase below waits for one poll.
    const workflowId = await deploy(triggerWorkflow({ credential, recorderUrl: recorder.url }), { poll: true });
    const sessions: string[] = [];
    const delivered = () => new Set(recorder.on('/trigger').map((d) => d.session_id));
    const allDelivered = () => sessions.every((id) => delivered().has(id));

    // Rolling restart, one worker at a time: worker2 restarts while worker1 takes a burst, then
    // worker1 while worker2 takes the next (so each worker is used, and each restart is under load).
    await w2.stop('SIGTERM');
    sessions.push(...(await uploadBurst(10, 'burst1')));
    await waitUntil('burst 1 delivered (worker2 down)', allDelivered, 150_000);
    await w2.start();
    await w1.stop('SIGTERM');
    sessions.push(...(await uploadBurst(10, 'burst2')));
    await waitUntil('burst 2 delivered (worker1 down)', allDelivered, 150_000);
    await w1.start();
    sessions.push(...(await uploadBurst(5, 'burst3')));
    await waitUntil('burst 3 delivered (both up)', allDelivered, 150_000);
    await api.deactivate(workflowId);

    const counts = recorder.counts('/trigger');
    expect([...counts].filter(([, n]) => n !== 1)).toEqual([]);
    expect(sessions.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect(recorder.on('/trigger')).toHaveLength(sessions.length);
    expect(recorder.on('/trigger').every((d) => d.body.has_report === true)).toBe(true);

    const executions = await api.executions(workflowId);
    expect(executions.filter((e) => e.status !== 'success')).toEqual([]);
    const byWorker = cluster!.workerOf();
    expect(new Set(executions.map((e) => byWorker.get(String(e.id))))).toEqual(new Set(['worker1', 'worker2']));
    figures.trigger = {
      sessions: sessions.length,
      deliveries: recorder.on('/trigger').length,
      executions: executions.length,
      perWorker: Object.fromEntries(['worker1', 'worker2'].map((w) => [w, executions.filter((e) => byWorker.get(String(e.id)) === w).length])),
    };
  }, 10 * 60_000);

  it('concurrent uploads through a webhook in database binary mode: each session created once, every byte arrives', async () => {
    const hook = 'aik-upload';
    const workflowId = await deploy(uploadWorkflow({ credential, path: hook }), { webhook: hook });
    const count = 10;
    const videos = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const file = path.join(files, `upload-${i}.mp4`);
        return { file, title: `concurrent ${i}`, hash: await writeVideo(file, UPLOAD_MIB * 1024 * 1024) };
      }),
    );
    const before = sim.control.stats().sessionsCreated;
    for (const w of cluster!.workers) w.resetPeak();
    const baseline = cluster!.workers.map((w) => w.rssMiB());
    const t0 = Date.now();
    const responses = await Promise.all(
      videos.map(async (v, i) => {
        const res = await postVideo(`${api.baseUrl}/webhook/${hook}`, v.file, { athlete: `athlete-concurrent-${i}`, title: v.title });
        return { status: res.status, body: (await res.json()) as { session_id?: string; title?: string } };
      }),
    );
    const seconds = (Date.now() - t0) / 1000;
    expect(responses.map((r) => r.status)).toEqual(Array(count).fill(200));
    expect(sim.control.stats().sessionsCreated - before).toBe(count);
    const ids = responses.map((r) => r.body.session_id);
    expect(new Set(ids).size).toBe(count);
    for (const [i, id] of ids.entries()) {
      const stored = sim.control.session(id!);
      expect(stored?.title).toBe(videos[i].title);
      expect(await sha256(path.join(sim.control.videosDir, stored!.video!.file))).toBe(videos[i].hash);
    }
    const executions = await api.executions(workflowId);
    const byWorker = cluster!.workerOf();
    expect(executions.filter((e) => e.status === 'success')).toHaveLength(count);
    expect(new Set(executions.map((e) => byWorker.get(String(e.id))))).toEqual(new Set(['worker1', 'worker2']));
    figures.concurrent = {
      uploads: count,
      mib: UPLOAD_MIB,
      seconds,
      sessionsCreated: count,
      workers: cluster!.workers.map((w, i) => ({ name: w.name, baselineMiB: baseline[i], peakMiB: w.peakRssMiB, executions: executions.filter((e) => byWorker.get(String(e.id)) === w.name).length })),
    };
    await api.deactivate(workflowId);
  }, 5 * 60_000);

  it('a video above the database-mode cap: the user sees the limit and the setting, and no session is created', async () => {
    const { workflowId, before, status, body } = await postToNewUpload('aik-upload-big', 'too-big.mp4', (DB_CAP_MIB + 4) * 1024 * 1024, { athlete: 'athlete-big', title: 'too big' });
    expect(status).toBeGreaterThanOrEqual(400);
    // What the caller is told, else what the execution list shows.
    const executions = await api.executions(workflowId);
    const details = await Promise.all(executions.map((e) => api.execution(e.id)));
    const seen = `${body}\n${details.map((d) => d.data).join('\n')}\n${cluster!.main.log.slice(-20_000)}`;
    expect(seen).toMatch(/N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE/);
    expect(seen).toMatch(new RegExp(`${DB_CAP_MIB} MB`));
    expect(sim.control.stats().sessionsCreated).toBe(before);
    figures.overCap = { fileMiB: DB_CAP_MIB + 4, capMiB: DB_CAP_MIB, httpStatus: status, httpBody: body.slice(0, 300), executions: executions.length, sessionsCreated: 0 };
    await api.deactivate(workflowId);
  }, 3 * 60_000);

  it("a video above n8n's webhook file cap (N8N_FORMDATA_FILE_SIZE_MAX) is refused with 413 before any execution", async () => {
    const { workflowId, before, status, body } = await postToNewUpload('aik-upload-form-cap', 'over-form-cap.mp4', (FORM_CAP_MIB + 1) * 1024 * 1024, { athlete: 'athlete-form-cap' });
    expect(status).toBe(413);
    expect(body).toMatch(/exceeds the allowed size/);
    expect(await api.executions(workflowId)).toHaveLength(0);
    expect(sim.control.stats().sessionsCreated).toBe(before);
    figures.overFormCap = { fileMiB: FORM_CAP_MIB + 1, capMiB: FORM_CAP_MIB, httpStatus: status, httpBody: body.slice(0, 200) };
    await api.deactivate(workflowId);
  }, 3 * 60_000);

  it('Wait for Processing inside a worker execution stops at once when the execution is cancelled from the main', async () => {
    const hook = 'aik-upload-wait';
    const workflowId = await deploy(uploadWorkflow({ credential, path: hook, wait: true, maxWaitMinutes: 10 }), { webhook: hook });
    sim.control.setDelays({ processingDelayMs: 10 * 60_000 });
    try {
    const file = path.join(files, 'wait.mp4');
    await writeVideo(file, 256 * 1024);
    const before = sim.control.stats().sessionsCreated;
    let answeredAt = 0;
    const call = postVideo(`${api.baseUrl}/webhook/${hook}`, file, { athlete: 'athlete-wait', title: 'waited' }).then(async (r) => {
      answeredAt = Date.now();
      return { status: r.status, body: await r.text() };
    });
    let running: string | undefined;
    await waitUntil('the upload to be created and the wait to begin', async () => {
      running = (await api.executions(workflowId)).find((e) => e.status === 'running')?.id;
      return running !== undefined && sim.control.stats().sessionsCreated === before + 1;
    }, 60_000, 500);
    // Let the node settle into its polling wait.
    await sleep(3000);
    const stopAt = Date.now();
    await api.stop(running!);
    let finalStatus = '';
    await waitUntil('the execution to end', async () => {
      finalStatus = (await api.executions(workflowId)).find((e) => e.id === running)?.status ?? '';
      return !['running', 'new', 'waiting'].includes(finalStatus);
    }, 60_000, 200);
    const endedAfter = (Date.now() - stopAt) / 1000;
    const answer = await Promise.race([call, sleep(60_000).then(() => ({ status: 0, body: 'no answer in 60 s' }))]);
    expect(finalStatus).toBe('canceled');
    expect(endedAfter).toBeLessThan(15);
    expect(sim.control.stats().sessionsCreated).toBe(before + 1);
    figures.cancel = { endedAfterSeconds: endedAfter, callerAnsweredAfterSeconds: answeredAt ? (answeredAt - stopAt) / 1000 : undefined, status: finalStatus, httpStatus: answer.status };
    } finally {
      sim.control.setDelays({ processingDelayMs: 800 });
      await api.deactivate(workflowId);
    }
  }, 3 * 60_000);

  it('a SIGKILLed worker loses trigger items; the documented catch-up delivers each lost session exactly once', async () => {
    await sim.control.reset();
    await api.createDataTable('aikynetix_delivered', [{ name: 'session_id', type: 'string' }]);
    const { triggerPart, catchUpPart } = recipeParts(CATCH_UP_EXAMPLE, { credential, deliverUrl: `${recorder.url}/recipe`, everySeconds: 4 });
    const triggerId = await deploy(triggerPart, { poll: true });
    // Slow reports keep executions in flight long enough to kill a worker in the middle of one.
    sim.control.setFaults({ latencyMs: 6000, route: '/gait-analysis/' });
    const sessions = await uploadBurst(4, 'kill');
    let inFlight: string | undefined;
    await waitUntil('the trigger\'s execution to run on a worker', async () => {
      const running = (await api.executions(triggerId)).find((e) => e.status === 'running');
      inFlight = running && cluster!.workerOf().has(String(running.id)) ? String(running.id) : undefined;
      return inFlight !== undefined;
    }, 90_000, 500);
    const victim = cluster!.workers.find((w) => w.name === cluster!.workerOf().get(inFlight!))!;
    const lostExecutions = [inFlight!];
    await victim.stop('SIGKILL');
    const delivered = () => new Set(recorder.on('/recipe').map((d) => d.session_id));
    let lostStatus = '';
    await waitUntil('n8n to mark the killed execution as ended', async () => {
      const list = await api.executions(triggerId);
      lostStatus = list.find((e) => e.id === lostExecutions[0])?.status ?? '';
      return lostStatus !== '' && !['running', 'new'].includes(lostStatus);
    }, 120_000, 1000);
    const missing = sessions.filter((id) => !delivered().has(id));
    expect(missing.length).toBeGreaterThan(0);
    // Findable: the ended execution still names the sessions it was given.
    const lostData = (await api.execution(lostExecutions[0])).data;
    const findable = missing.filter((id) => lostData.includes(id));
    sim.control.clearFaults();
    await victim.start();

    const catchUpId = await deploy(catchUpPart);
    await waitUntil('the catch-up to deliver the lost sessions', () => sessions.every((id) => delivered().has(id)), 120_000);
    // A few more catch-up runs: nothing is delivered twice.
    await sleep(10_000);
    await api.deactivate(catchUpId);
    await api.deactivate(triggerId);
    const counts = recorder.counts('/recipe');
    expect(sessions.map((id) => [id, counts.get(id)])).toEqual(sessions.map((id) => [id, 1]));
    expect(recorder.on('/recipe')).toHaveLength(sessions.length);
    figures.kill = {
      sessions: sessions.length,
      lostByKill: missing.length,
      lostExecutionStatus: lostStatus,
      lostSessionIdsInExecutionData: `${findable.length} of ${missing.length}`,
      deliveredInTheEnd: recorder.on('/recipe').length,
      catchUpExecutions: (await api.executions(catchUpId)).length,
    };
  }, 8 * 60_000);

  it('filesystem binary mode (unsupported in queue mode): Upload Video says so and names N8N_DEFAULT_BINARY_DATA_MODE', async () => {
    // The misconfiguration the old docs invited: the main stores the webhook's file on its own disk.
    await cluster!.main.stop('SIGTERM');
    cluster!.main.setEnv({ N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' });
    await cluster!.main.start();
    const hook = 'aik-upload-fs';
    const workflowId = await deploy(uploadWorkflow({ credential, path: hook }), { webhook: hook });
    const file = path.join(files, 'fs-mode.mp4');
    await writeVideo(file, 256 * 1024);
    const before = sim.control.stats().sessionsCreated;
    const res = await postVideo(`${api.baseUrl}/webhook/${hook}`, file, { athlete: 'athlete-fs', title: 'filesystem mode' });
    const body = await res.text();
    const [execution] = await api.executions(workflowId);
    const data = (await api.execution(execution.id)).data;
    expect(execution.status).toBe('error');
    expect(data).toMatch(/not on this n8n instance's disk \(binary data mode \\?"filesystem\\?"\)/);
    expect(data).toMatch(/N8N_DEFAULT_BINARY_DATA_MODE=database/);
    expect(sim.control.stats().sessionsCreated).toBe(before);
    figures.filesystemMode = { httpStatus: res.status, httpBody: body.slice(0, 200), executionStatus: execution.status };
    await api.deactivate(workflowId);
  }, 10 * 60_000);
});