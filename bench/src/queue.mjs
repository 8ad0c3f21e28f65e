// n8n queue mode (main + workers, Redis, PostgreSQL from Debian's packages): executions per minute
// through the workers and worker peak memory for concurrent uploads in database binary mode, with
// 1 and 2 workers. The measurements run in jest (test/e2e-n8n-queue/queue.bench.ts, which reuses
// the queue-mode end-to-end harness); this script starts it and turns its results into a table.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, table } from './lib/markdown.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs the queue benchmark and returns its markdown section. */
export async function queueBench({ log, env = {} }) {
  const out = path.join(tmpdir(), `aikynetix-queue-bench-${process.pid}.json`);
  log('queue: n8n main + workers with Redis and PostgreSQL (several minutes)');
  const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
  const r = spawnSync(process.execPath, [jest, '--testMatch', '**/queue.bench.ts', '--runInBand', '--forceExit', '--testTimeout', '3600000'], {
    cwd: path.join(root, 'test'),
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env, AIKYNETIX_QUEUE_BENCH_OUT: out },
  });
  if (r.status !== 0) throw new Error(`queue benchmark failed (exit ${r.status})`);
  const results = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  return section(results);
}

function section(results) {
  const of = (kind) => results.filter((x) => x.kind === kind);
  const base = (kind, field) => of(kind).find((x) => x.workers === 1)?.[field];
  const throughput = table(
    ['workflow', 'workers', 'sessions', 'executions', 'seconds', 'sessions per minute', 'vs 1 worker'],
    [
      ...of('executions').map((x) => ['webhook (one session per execution) → Get Gait Report → Generate Summary (wait) → HTTP', x.workers, x.sessions, x.sessions, fmt(x.seconds), fmt(x.perMinute, 0), `${fmt(x.perMinute / base('executions', 'perMinute'), 2)}x`]),
      ...of('trigger').map((x) => ['AIKYNETIX Trigger (polled every minute) → Get Gait Report → Generate Summary (wait) → HTTP', x.workers, x.sessions, x.executions, fmt(x.seconds), fmt(x.perMinute, 0), `${fmt(x.perMinute / base('trigger', 'perMinute'), 2)}x`]),
    ],
  );
  const memory = table(
    ['workers', 'video', 'concurrent uploads', 'ok (sessions created)', 'seconds', 'main idle → peak (MiB)', 'worker idle → peak (MiB)', 'worker growth (MiB)', 'growth per upload in flight (MiB)'],
    of('memory').map((x) => {
      const growth = x.workerPeaks.map((w) => w.peak - w.idle);
      const perUpload = Math.max(...growth) / Math.max(1, Math.ceil(x.concurrent / x.workers));
      return [
        x.workers,
        `${x.mib} MiB`,
        x.concurrent,
        `${x.ok}/${x.concurrent} (${x.created ?? '?'})${x.stopped?.length ? `; ${x.stopped.join(', ')} stopped` : ''}`,
        fmt(x.seconds),
        `${fmt(x.main.idle, 0)} → ${fmt(x.main.peak, 0)}`,
        x.workerPeaks.map((w) => `${fmt(w.idle, 0)} → ${fmt(w.peak, 0)}`).join('; '),
        growth.map((g) => fmt(g, 0)).join('; '),
        fmt(perUpload, 0),
      ];
    }),
  );
  // A failed row explains itself: what the webhook caller got and what n8n logged.
  const failed = of('memory')
    .filter((x) => x.ok < x.concurrent)
    .map((x) => `- ${x.workers} worker(s), ${x.concurrent} × ${x.mib} MiB: the caller got ${(x.failures ?? []).join(' / ') || 'no answer'}; n8n logged: ${(x.logged ?? []).map((l) => `\`${l.replace(/`/g, "'").slice(0, 160)}\``).join(', ') || 'nothing'}.`);
  return [
    '## n8n queue mode: workers and binary data',
    '',
    "n8n 2.40.7 in queue mode as `test/e2e-n8n-queue/` runs it: one main (`n8n start`) and 1 or 2 workers (`n8n worker --concurrency=10`), each with its own user folder and the package installed, Redis and PostgreSQL from Debian's packages on loopback, binary data in n8n's `database` mode (the queue-mode default), the simulator as the API (processing 0.5 s, GenAI 0.2 s). Throughput: 60 sessions, first through a webhook-started workflow (one execution per session, all requests at once), then through the AIKYNETIX Trigger (which hands each poll's sessions to one execution). Memory: the same video posted N times at once as a multipart form to a webhook → Upload Video workflow; peak RSS is VmHWM of each n8n process (reset before each row; n8n's task-runner child is not included), idle is its RSS just before. The baseline of each ratio is the 1-worker row of the same run.",
    '',
    throughput,
    '',
    memory,
    '',
    ...(failed.length ? ['Rows with failed uploads:', '', ...failed, ''] : []),
    '- In database mode the main holds each received file while storing it in PostgreSQL, and a worker holds each video it uploads in memory (n8n reads a database-mode file as one buffer): size `--concurrency` so that concurrency × the growth per upload fits the worker, or use S3 (n8n Enterprise).',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const md = await queueBench({ log: (m) => process.stderr.write(`${m}\n`) });
  process.stdout.write(`${md}\n`);
}
