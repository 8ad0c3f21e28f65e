// Benchmark (not part of `npm test`: jest only picks up *.test.ts): n8n queue mode throughput and
// worker memory, with 1 and then 2 workers. Run by bench/src/queue.mjs, which prints the table;
// the results go to the JSON file named by AIKYNETIX_QUEUE_BENCH_OUT.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Aikynetix } from '@aikynetix/core';
import { start, type Simulator } from '@aikynetix/simulator';
import { ensureN8n } from '../e2e-n8n/n8n-cli';
import { N8nApi } from './api';
import { Cluster, type Instance } from './cluster';
import { postVideo, writeVideo } from './media';
import { Recorder } from './recorder';
import { ensureDebianPackages, startPostgres, startRedis, type Postgres, type Service } from './services';
import { recorderNode, triggerWorkflow, uploadWorkflow, type CredentialRef } from './workflows';

const WORKER_COUNTS = (process.env.AIKYNETIX_QUEUE_BENCH_WORKERS ?? '1,2').split(',').map(Number);
const UPLOAD_MIB = (process.env.AIKYNETIX_QUEUE_BENCH_SIZES ?? '20,200').split(',').map(Number);
const CONCURRENCY = (process.env.AIKYNETIX_QUEUE_BENCH_CONCURRENCY ?? '1,5,10').split(',').map(Number);
const SESSIONS = Number(process.env.AIKYNETIX_QUEUE_BENCH_SESSIONS ?? 60);
const WORKER_SLOTS = 10;
/** Extra n8n settings for every instance, as JSON (e.g. '{"DB_POSTGRESDB_POOL_SIZE":"10"}'). */
const N8N_ENV = JSON.parse(process.env.AIKYNETIX_QUEUE_BENCH_N8N_ENV ?? '{}') as Record<string, string>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** Whether an n8n process is still running. */
const alive = (inst: Instance) => inst.child !== undefined && inst.child.exitCode === null && inst.child.signalCode === null;

/** The distinct error lines of an n8n log excerpt (at most 8). */
function errorLines(log: string): string[] {
  return [...new Set(log.split('\n').filter((l) => /error|exceed|limit|memory/i.test(l)).map((l) => l.trim().slice(0, 300)))].slice(0, 8);
}

/** Webhook (session_id) → Get Gait Report → Generate Summary (wait) → recorder: one execution per session. */
function reportWorkflow(credential: CredentialRef, recorderUrl: string, hook: string) {
  const aik = (name: string, parameters: Record<string, unknown>, x: number) => ({
    id: `${name}-${x}`.replace(/\W/g, ''),
    name,
    type: 'n8n-nodes-aikynetix.aikynetix',
    typeVersion: 1,
    position: [x, 0],
    parameters,
    credentials: { aikynetixApi: credential },
  });
  const nodes = [
    { id: 'hook', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: `${hook}-hook`, parameters: { httpMethod: 'POST', path: hook, responseMode: 'onReceived', options: {} } },
    aik('Get Gait Report', { resource: 'running', operation: 'getGaitReport', sessionId: { __rl: true, mode: 'id', value: '={{ $json.body.session_id }}' } }, 220),
    aik('Generate Summary', { resource: 'running', operation: 'generateSummary', sessionId: { __rl: true, mode: 'id', value: "={{ $('Webhook').item.json.body.session_id }}" }, waitForText: true, maxWaitMinutes: 2, options: {} }, 440),
    recorderNode('Record', `${recorderUrl}/${hook}`, { session_id: "$('Webhook').item.json.body.session_id" }, 660),
  ];
  const connections: Record<string, unknown> = {};
  nodes.slice(0, -1).forEach((n, i) => (connections[n.name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] }));
  return { name: `bench ${hook}`, nodes, connections, settings: { executionOrder: 'v1' } };
}

describe('n8n queue mode benchmark', () => {
  const results: Record<string, unknown>[] = [];
  let scratch: string;
  let sim: Simulator;
  let recorder: Recorder;

  beforeAll(async () => {
    ensureDebianPackages();
    scratch = mkdtempSync(path.join(tmpdir(), 'aikynetix-queue-bench-'));
    sim = await start({ port: 0, apiKey: 'sk_bench', processingDelayMs: 500, genAiDelayMs: 200 });
    recorder = await Recorder.start();
  }, 30 * 60_000);

  afterAll(async () => {
    writeFileSync(process.env.AIKYNETIX_QUEUE_BENCH_OUT ?? path.join(tmpdir(), 'aikynetix-queue-bench.json'), JSON.stringify(results, null, 2));
    await recorder?.close();
    await sim?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it.each(WORKER_COUNTS)('%i worker(s)', async (workerCount) => {
    const install = await ensureN8n(25 * 60_000);
    const root = path.join(scratch, `w${workerCount}`);
    const files = path.join(root, 'files');
    mkdirSync(files, { recursive: true });
    let redis: Service | undefined;
    let postgres: Postgres | undefined;
    let cluster: Cluster | undefined;
    try {
      redis = await startRedis(path.join(root, 'redis'));
      postgres = await startPostgres(path.join(root, 'pg'));
      cluster = await Cluster.create(
        { install, root: path.join(root, 'n8n'), postgres, redis, filesFolder: files, workerConcurrency: WORKER_SLOTS, env: { NODE_OPTIONS: '--max-old-space-size=4096', ...N8N_ENV } },
        workerCount,
      );
      await cluster.start();
      const api = await N8nApi.setupOwner(`http://127.0.0.1:${cluster.main.port}`);
      const credential = await api.createCredential('AIKYNETIX', 'aikynetixApi', { apiKey: 'sk_bench', baseUrl: sim.url });
      const deploy = async (workflow: { name: string } & Record<string, unknown>, hook?: string) => {
        const before = sim.control.stats().totalRequests;
        const id = await api.createWorkflow(workflow, true);
        if (hook) await waitUntil('webhook', async () => (await fetch(`${api.baseUrl}/webhook/${hook}`, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1' } })).status === 204, 120_000);
        else {
          await waitUntil('activation poll', () => sim.control.stats().totalRequests > before, 120_000);
          await sleep(2000);
        }
        return id;
      };
      const client = new Aikynetix({ baseUrl: sim.url, apiKey: 'sk_bench' });
      const video = Buffer.concat([Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'), randomBytes(32 * 1024)]);
      const upload = (n: number, tag: string) =>
        Promise.all(Array.from({ length: n }, (_, i) => client.running.createSession({ user_id: `bench-${tag}-${i}`, video }))).then((r) => r.map((s) => s.session_id));

      // 1. Webhook-started trigger-equivalent: one execution per session (gait report + summary).
      const hook = `report-w${workerCount}`;
      await deploy(reportWorkflow(credential, recorder.url, hook), hook);
      const ids = await upload(SESSIONS, `exec-w${workerCount}`);
      await sleep(1500); // processed
      const t0 = Date.now();
      await Promise.all(ids.map((id) => fetch(`${api.baseUrl}/webhook/${hook}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ session_id: id }) })));
      await waitUntil('report executions', () => new Set(recorder.on(`/${hook}`).map((d) => d.session_id)).size >= SESSIONS, 10 * 60_000);
      const execSeconds = (Date.now() - t0) / 1000;
      results.push({ kind: 'executions', workers: workerCount, sessions: SESSIONS, seconds: execSeconds, perMinute: (SESSIONS / execSeconds) * 60 });
      process.stderr.write(`[queue-bench] ${JSON.stringify(results[results.length - 1])}\n`);

      // 2. The AIKYNETIX Trigger: a burst of sessions, each delivered once, through the workers.
      const trigger = await deploy(triggerWorkflow({ credential, recorderUrl: recorder.url, summary: true }));
      const before = recorder.on('/trigger').length;
      const t1 = Date.now();
      const burst = await upload(SESSIONS, `trig-w${workerCount}`);
      await waitUntil('trigger deliveries', () => burst.every((id) => recorder.on('/trigger').some((d) => d.session_id === id)), 10 * 60_000);
      const trigSeconds = (Date.now() - t1) / 1000;
      const executions = (await api.executions(trigger)).length;
      results.push({ kind: 'trigger', workers: workerCount, sessions: SESSIONS, deliveries: recorder.on('/trigger').length - before, executions, seconds: trigSeconds, perMinute: (SESSIONS / trigSeconds) * 60 });
      process.stderr.write(`[queue-bench] ${JSON.stringify(results[results.length - 1])}\n`);
      await api.deactivate(trigger);

      // 3. Concurrent uploads through a webhook in database binary mode: peak memory per worker.
      const uploadHook = `upload-w${workerCount}`;
      await deploy(uploadWorkflow({ credential, path: uploadHook }), uploadHook);
      for (const mib of UPLOAD_MIB) {
        const file = path.join(files, `video-${mib}.mp4`);
        await writeVideo(file, mib * 1024 * 1024);
        for (const concurrent of CONCURRENCY) {
          await sleep(2000);
          const instances: Instance[] = [cluster.main, ...cluster.workers];
          // A process that died in the previous row (out of memory) is started again, so each row
          // is measured on its own.
          const restarted: string[] = [];
          for (const inst of instances) {
            if (alive(inst)) continue;
            await inst.start();
            restarted.push(inst.name);
          }
          if (restarted.length > 0) {
            await waitUntil('webhook after restart', async () => (await fetch(`${api.baseUrl}/webhook/${uploadHook}`, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1' } })).status === 204, 120_000);
          }
          for (const inst of instances) inst.resetPeak();
          const idle = instances.map((inst) => inst.rssMiB());
          const createdBefore = sim.control.stats().sessionsCreated;
          const logFrom = instances.map((inst) => inst.log.length);
          const t2 = Date.now();
          const answers = await Promise.all(
            Array.from({ length: concurrent }, async (_, i) => {
              try {
                const res = await postVideo(`${api.baseUrl}/webhook/${uploadHook}`, file, { athlete: `mem-${i}`, title: `mem ${mib} MiB` });
                return { status: res.status, body: (await res.text()).slice(0, 300) };
              } catch (e) {
                return { status: 0, body: String((e as Error).cause ?? e) };
              }
            }),
          );
          const seconds = (Date.now() - t2) / 1000;
          results.push({
            kind: 'memory',
            workers: workerCount,
            mib,
            concurrent,
            ok: answers.filter((a) => a.status === 200).length,
            created: sim.control.stats().sessionsCreated - createdBefore,
            // Why an upload did not answer 200 (n8n's own words), so a failed row explains itself.
            failures: [...new Set(answers.filter((a) => a.status !== 200).map((a) => `HTTP ${a.status}: ${a.body.slice(0, 120)}`))],
            // The reason n8n logged (a webhook caller only gets "Workflow could not be started!").
            logged: answers.every((a) => a.status === 200) ? [] : errorLines(instances.map((inst, i) => inst.log.slice(logFrom[i])).join('\n')),
            seconds,
            // n8n processes that exited during the row (e.g. out of memory), and those restarted before it.
            stopped: instances.filter((inst) => !alive(inst)).map((inst) => inst.name),
            restarted,
            main: { idle: idle[0], peak: cluster.main.peakRssMiB },
            workerPeaks: cluster.workers.map((w, i) => ({ idle: idle[i + 1], peak: w.peakRssMiB })),
          });
          process.stderr.write(`[queue-bench] ${JSON.stringify(results[results.length - 1])}\n`);
        }
      }
    } finally {
      await cluster?.stop();
      await Promise.all([redis?.stop(), postgres?.stop()]);
    }
  }, 60 * 60_000);
});
