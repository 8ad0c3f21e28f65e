import { createRequire } from 'node:module';
import { Agent, request } from 'undici';
import { fmt, mb, median, table, verdict } from './lib/markdown.mjs';
import { CORE_DIST } from './lib/paths.mjs';
import { startSimProcess } from './lib/sim.mjs';

const require = createRequire(import.meta.url);
const GETS = 10_000;
const CONCURRENCY = 16;
const ROUNDS = 4;
const EXPORT_MB = 20;
const PARSES = 7;

/** Runs `total` calls of `fn` with `concurrency` in flight; returns requests per second and this process's CPU µs per request. */
async function throughput(fn, total, concurrency) {
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        await fn();
      }
    }),
  );
  const rate = total / ((performance.now() - t0) / 1000);
  const cpu = process.cpuUsage(cpu0);
  return { rate, cpuUs: (cpu.user + cpu.system) / total };
}

/**
 * Client overhead: small GETs through the client vs raw undici.request (same pool size and
 * concurrency, same simulator), and parsing + validating a 20 MB export vs bare JSON.parse.
 */
export async function overheadBench({ log = console.error } = {}) {
  const { Aikynetix, getOperation } = require(CORE_DIST);
  const sim = await startSimProcess();
  const rows = [];
  try {
    await sim.seed({ count: 3 });

    // Small GETs: the account's total running metrics (under 1 KB of JSON).
    const client = new Aikynetix({ apiKey: sim.apiKey, baseUrl: sim.url, maxRetries: 0 });
    const agent = new Agent({ connections: CONCURRENCY, keepAliveTimeout: 30_000 });
    const url = `${sim.url}/running/sessions/metrics/total/`;
    const headers = { authorization: `API-KEY ${sim.apiKey}`, accept: 'application/json' };
    const raw = async () => {
      const res = await request(url, { method: 'GET', headers, dispatcher: agent });
      const body = await res.body.text();
      if (res.statusCode !== 200) throw new Error(`raw GET: ${res.statusCode}`);
      return JSON.parse(body);
    };
    const viaClient = () => client.running.getTotalMetrics();
    const sample = await raw();
    const sampleBytes = Buffer.byteLength(JSON.stringify(sample));
    // Warm both paths (JIT, sockets), then alternate rounds so load changes hit both alike.
    await throughput(raw, 500, CONCURRENCY);
    await throughput(viaClient, 500, CONCURRENCY);
    // GETS per arm, in ROUNDS alternating slices.
    const rawRates = [];
    const clientRates = [];
    for (let i = 0; i < ROUNDS; i++) {
      log(`small GETs round ${i + 1}/${ROUNDS}...`);
      rawRates.push(await throughput(raw, GETS / ROUNDS, CONCURRENCY));
      clientRates.push(await throughput(viaClient, GETS / ROUNDS, CONCURRENCY));
    }
    await client.close();
    await agent.close();
    const rawRate = median(rawRates.map((r) => r.rate));
    const clientRate = median(clientRates.map((r) => r.rate));
    const rawCpu = median(rawRates.map((r) => r.cpuUs));
    const clientCpu = median(clientRates.map((r) => r.cpuUs));
    const getRatio = clientRate / rawRate;
    rows.push([
      `${GETS.toLocaleString('en')} GETs of total metrics (~${fmt(sampleBytes / 1000, 1)} KB JSON), ${CONCURRENCY} in flight`,
      `raw undici.request + JSON.parse: ${fmt(rawRate, 0)} req/s`,
      `client.running.getTotalMetrics: ${fmt(clientRate, 0)} req/s`,
      `${fmt(getRatio, 2)}x throughput`,
      `${verdict(getRatio >= 0.85)} >= 0.85x`,
    ]);
    // The simulator is the bottleneck above; the client's own CPU per request shows its overhead directly.
    rows.push([
      'same GETs: CPU time of the calling process per request',
      `${fmt(rawCpu, 0)} µs`,
      `${fmt(clientCpu, 0)} µs`,
      `${fmt(clientCpu / rawCpu, 2)}x CPU`,
      'informational',
    ]);

    // 20 MB export: parse alone vs parse + the registry's output schema (what the client does).
    log('export parse...');
    // Seeded only now: total metrics read every session's series, so a 20 MB one would slow the GETs.
    const { ids: [big] } = await sim.seed({ count: 1, exportMb: EXPORT_MB });
    const res = await request(`${sim.url}/running/sessions/${big}/export/`, { headers });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`export: ${res.statusCode}`);
    const schema = getOperation('running.export').output;
    const time = (fn) => {
      const t0 = performance.now();
      fn();
      return performance.now() - t0;
    };
    const bare = [];
    const validated = [];
    for (let i = 0; i < PARSES; i++) {
      bare.push(time(() => JSON.parse(text)));
      validated.push(time(() => {
        const r = schema.safeParse(JSON.parse(text));
        if (!r.success) throw new Error(`export did not validate: ${r.error.issues[0]?.message}`);
      }));
    }
    const bareMs = median(bare);
    const validMs = median(validated);
    const parseRatio = validMs / bareMs;
    rows.push([
      `export of ${fmt(mb(text.length), 1)} MB, median of ${PARSES}`,
      `JSON.parse: ${fmt(bareMs, 0)} ms`,
      `JSON.parse + running.export output schema: ${fmt(validMs, 0)} ms`,
      `${fmt(parseRatio, 2)}x time`,
      `${verdict(parseRatio <= 1.5)} <= 1.5x`,
    ]);
  } finally {
    await sim.close();
  }
  return [
    '## Client overhead',
    '',
    `Both arms run in this process against the same simulator process; rounds alternate so that load changes hit both. GETs: ${GETS.toLocaleString('en')} per arm in ${ROUNDS} alternating slices after a warm-up (median slice rate), undici pools of ${CONCURRENCY} keep-alive connections on both sides. Export: the simulator's large-export option (\`seed\` with \`exportMb: ${EXPORT_MB}\`), fetched once, then parsed in memory.`,
    '',
    table(['workload', 'baseline', 'through the core', 'ratio', 'target'], rows),
  ].join('\n');
}
