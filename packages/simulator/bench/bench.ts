/**
 * Simulator benchmark (a script, not a test): prints a markdown table.
 *   1. small GET throughput with a concurrent client (undici Pool, 50 connections, 10 s each);
 *   2. upload throughput of a 1 GB sparse file: a streaming Node client (undici + file-backed
 *      Blob) vs `curl -F`, both against the same simulator process.
 * Run from packages/simulator: `pnpm bench` (builds first). The simulator runs in a child
 * process so the clients don't share its thread; videos go to tmpfs when there is one
 * (the VM's disk would otherwise be what is measured).
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, openAsBlob, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { FormData, Pool, request } from 'undici';

const run = promisify(execFile);
const KEY = 'sim_admin_key';
const AUTH = { authorization: `API-KEY ${KEY}` };
const GET_SECONDS = Number(process.env.BENCH_GET_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const UPLOAD_BYTES = Number(process.env.BENCH_UPLOAD_MB ?? 1024) * 1024 * 1024;
const UPLOAD_ROUNDS = Number(process.env.BENCH_UPLOAD_ROUNDS ?? 3);

async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.resolve('dist/bin.js'), '--port', '0', '--processing-delay-ms', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return { url, child };
}

/** Runs `path` on a keep-alive pool with CONNECTIONS requests in flight for GET_SECONDS. */
async function getThroughput(url: string, urlPath: string): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const pool = new Pool(url, { connections: CONNECTIONS, pipelining: 1 });
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + GET_SECONDS * 1000;
  const worker = async (): Promise<void> => {
    while (Date.now() < end) {
      const t = performance.now();
      const r = await pool.request({ method: 'GET', path: urlPath, headers: AUTH });
      await r.body.dump();
      if (r.statusCode !== 200) errors++;
      latencies.push(performance.now() - t);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const seconds = (performance.now() - t0) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))];
  return { rps: latencies.length / seconds, p50: pct(0.5), p99: pct(0.99), errors };
}

/** Streaming client: multipart framing around fs.createReadStream (1 MB chunks), Content-Length set. */
async function uploadNodeStream(url: string, file: string): Promise<string> {
  const boundary = `----aikynetix${Date.now().toString(16)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="user_id"\r\n\r\nbench\r\n--${boundary}\r\nContent-Disposition: form-data; name="video"; filename="bench.mp4"\r\nContent-Type: video/mp4\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = (await fs.stat(file)).size;
  async function* body(): AsyncGenerator<Buffer> {
    yield head;
    yield* createReadStream(file, { highWaterMark: 1 << 20 });
    yield tail;
  }
  const r = await request(`${url}/running/sessions/`, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + size + tail.length) },
    body: Readable.from(body()),
  });
  const json = (await r.body.json()) as { session_id?: string };
  if (r.statusCode !== 200 || !json.session_id) throw new Error(`upload failed: ${r.statusCode} ${JSON.stringify(json)}`);
  return json.session_id;
}

/** undici's own FormData with a file-backed Blob (streams, but in small chunks). */
async function uploadNodeBlob(url: string, file: string): Promise<string> {
  const form = new FormData();
  form.append('user_id', 'bench');
  form.append('video', await openAsBlob(file, { type: 'video/mp4' }), 'bench.mp4');
  const r = await request(`${url}/running/sessions/`, { method: 'POST', headers: AUTH, body: form });
  const body = (await r.body.json()) as { session_id?: string; error?: string };
  if (r.statusCode !== 200 || !body.session_id) throw new Error(`upload failed: ${r.statusCode} ${JSON.stringify(body)}`);
  return body.session_id;
}

async function uploadCurl(url: string, file: string): Promise<string> {
  const { stdout } = await run('curl', ['-sS', '--fail-with-body', '-H', `Authorization: API-KEY ${KEY}`, '-F', 'user_id=bench', '-F', `video=@${file};type=video/mp4`, `${url}/running/sessions/`], { maxBuffer: 1 << 20 });
  return (JSON.parse(stdout) as { session_id: string }).session_id;
}

async function timed(fn: () => Promise<string>, url: string): Promise<number> {
  const t = performance.now();
  const id = await fn();
  const seconds = (performance.now() - t) / 1000;
  // Free the space before the next round.
  await (await request(`${url}/session-management/sessions/${id}`, { method: 'DELETE', headers: AUTH })).body.dump();
  return UPLOAD_BYTES / 1024 / 1024 / seconds;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f = (n: number, d = 0): string => n.toFixed(d);

async function main(): Promise<void> {
  const base = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const dataDir = await fs.mkdtemp(path.join(base, 'sim-bench-'));
  const fileDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sim-bench-file-'));
  const file = path.join(fileDir, 'sparse.mp4');
  const h = await fs.open(file, 'w');
  await h.write(Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom')]), 0, 12, 0);
  await h.truncate(UPLOAD_BYTES);
  await h.close();

  const { url, child } = await startServer(dataDir);
  try {
    const seed = await request(`${url}/__sim/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: 10_000 }) });
    const { ids } = (await seed.body.json()) as { ids: string[] };
    const id = ids[0];
    await (await request(`${url}/session-management/sessions/${id}/analyzed-video/`, { headers: AUTH })).body.dump();

    const rows: string[] = [];
    for (const [label, p] of [
      ['GET analyzed-video URL', `/session-management/sessions/${id}/analyzed-video/`],
      ['GET filter ?limit=1 (10,000 sessions)', '/session-management/sessions/filter/?limit=1'],
    ] as const) {
      const r = await getThroughput(url, p);
      rows.push(`| ${label} | ${CONNECTIONS} conns, ${GET_SECONDS} s | **${f(r.rps)} req/s** | p50 ${f(r.p50, 1)} ms, p99 ${f(r.p99, 1)} ms, errors ${r.errors} | >= 2,000 req/s | ${r.rps >= 2000 ? 'met' : 'MISSED'} |`);
    }

    // A 20 MB export (the size the export benchmark uses): time to first byte and to last byte.
    const big = await request(`${url}/__sim/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: 1, exportMb: 20 }) });
    const bigId = ((await big.body.json()) as { ids: string[] }).ids[0];
    const totals: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const r = await request(`${url}/running/sessions/${bigId}/export/`, { headers: AUTH });
      bytes = 0;
      for await (const chunk of r.body) bytes += (chunk as Buffer).length;
      totals.push(performance.now() - t);
    }
    rows.push(`| GET export of a 20 MB session | 5 sequential requests | **${f(median(totals))} ms** median | ${f(bytes / 1e6, 1)} MB each; runs ${totals.map((x) => f(x)).join(', ')} ms | - | - |`);

    // Interleaved rounds so machine-load swings hit every client alike.
    const nodeRates: number[] = [];
    const blobRates: number[] = [];
    const curlRates: number[] = [];
    for (let i = 0; i < UPLOAD_ROUNDS; i++) {
      curlRates.push(await timed(() => uploadCurl(url, file), url));
      nodeRates.push(await timed(() => uploadNodeStream(url, file), url));
      blobRates.push(await timed(() => uploadNodeBlob(url, file), url));
    }
    const curl = median(curlRates);
    const mb = UPLOAD_BYTES / 1024 / 1024;
    rows.push(`| Upload ${mb} MB sparse, curl -F | median of ${UPLOAD_ROUNDS} | **${f(curl)} MB/s** | runs: ${curlRates.map((r) => f(r)).join(', ')} MB/s | baseline | - |`);
    for (const [label, rates] of [['Node stream (undici, 1 MB fs chunks)', nodeRates], ['Node undici FormData + file Blob', blobRates]] as const) {
      const m = median(rates);
      rows.push(`| Upload ${mb} MB sparse, ${label} | median of ${UPLOAD_ROUNDS} | **${f(m)} MB/s** | runs: ${rates.map((r) => f(r)).join(', ')} MB/s; ${f((m / curl) * 100)}% of curl | >= 80% of curl | ${m / curl >= 0.8 ? 'met' : 'MISSED'} |`);
    }

    const stats = (await (await request(`${url}/__sim/stats`)).body.json()) as { totalRequests: number };
    console.log(`\n### AIKYNETIX simulator benchmark (${os.cpus().length} CPUs, Node ${process.version}, load avg ${os.loadavg().map((l) => l.toFixed(1)).join('/')})\n`);
    console.log('| Measurement | Setup | Result | Detail | Target | Status |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const r of rows) console.log(r);
    console.log(`\n${stats.totalRequests} API requests served.`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await fs.rm(dataDir, { recursive: true, force: true });
    await fs.rm(fileDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
