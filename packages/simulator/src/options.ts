import { parseArgs } from 'node:util';
import type { FaultSpec } from './faults/types';
import type { StartOptions } from './index';

/** Help text of the `aikynetix-simulator` command. */
export const USAGE = `Usage: aikynetix-simulator [options]

  --port <n>                 port to listen on (0 = pick a free port; default 0)
  --host <addr>              interface (default 127.0.0.1)
  --data-dir <dir>           keep sessions and videos here across restarts (default: in memory)
  --api-key <key>            the admin API key (default sim_admin_key)
  --processing-delay-ms <n>  time until an upload is Processed/Failed (default 3000)
  --genai-delay-ms <n>       time until GenAI texts appear (default 2000)
Faults (also settable at run time: POST /__sim/faults):
  --latency-ms <n>           add latency to every request
  --rate-limit <n>           next n requests get 429 (with --retry-after <s>, default 1)
  --server-errors <n>        next n requests get 503 (--server-error-status <code>, --html for an HTML 502)
  --drop <n>                 next n responses lose their connection (--drop-after headers|partial-body)
  --truncated-json <n>       next n responses carry half their JSON
  --fault-route <text>       limit the faults above to paths containing text (or /regex/)
  --fault-method <method>    limit the faults above to one HTTP method
Environment: AIKYNETIX_SIM_PORT, AIKYNETIX_SIM_HOST, AIKYNETIX_SIM_DATA_DIR, AIKYNETIX_SIM_API_KEY,
  AIKYNETIX_SIM_PROCESSING_DELAY_MS, AIKYNETIX_SIM_GENAI_DELAY_MS, AIKYNETIX_SIM_FAULTS (JSON fault spec or list).
`;

function num(name: string, v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got '${v}'`);
  return n;
}

/** Parses command-line flags and AIKYNETIX_SIM_* environment variables (flags win). */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv): StartOptions & { help?: boolean } {
  const { values: v } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'api-key': { type: 'string' },
      'processing-delay-ms': { type: 'string' },
      'genai-delay-ms': { type: 'string' },
      'latency-ms': { type: 'string' },
      'rate-limit': { type: 'string' },
      'retry-after': { type: 'string' },
      'server-errors': { type: 'string' },
      'server-error-status': { type: 'string' },
      html: { type: 'boolean' },
      drop: { type: 'string' },
      'drop-after': { type: 'string' },
      'truncated-json': { type: 'string' },
      'fault-route': { type: 'string' },
      'fault-method': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const faults: FaultSpec[] = [];
  if (env.AIKYNETIX_SIM_FAULTS) {
    const parsed = JSON.parse(env.AIKYNETIX_SIM_FAULTS) as FaultSpec | FaultSpec[];
    faults.push(...(Array.isArray(parsed) ? parsed : [parsed]));
  }
  const spec: FaultSpec = {};
  const latency = num('--latency-ms', v['latency-ms']);
  if (latency) spec.latencyMs = latency;
  const rate = num('--rate-limit', v['rate-limit']);
  if (rate) spec.rateLimit = { count: rate, retryAfterSeconds: num('--retry-after', v['retry-after']) ?? 1 };
  const errors = num('--server-errors', v['server-errors']);
  if (errors) spec.serverError = { count: errors, status: num('--server-error-status', v['server-error-status']), html: v.html ?? false };
  const drop = num('--drop', v.drop);
  if (drop) {
    const after = v['drop-after'] ?? 'headers';
    if (after !== 'headers' && after !== 'partial-body') throw new Error(`--drop-after must be headers or partial-body, got '${after}'`);
    spec.drop = { count: drop, after };
  }
  const trunc = num('--truncated-json', v['truncated-json']);
  if (trunc) spec.truncatedJson = { count: trunc };
  if (Object.keys(spec).length > 0) {
    if (v['fault-route']) spec.route = v['fault-route'];
    if (v['fault-method']) spec.method = v['fault-method'];
    faults.push(spec);
  }
  return {
    help: v.help,
    port: num('--port', v.port ?? env.AIKYNETIX_SIM_PORT) ?? 0,
    host: v.host ?? env.AIKYNETIX_SIM_HOST ?? '127.0.0.1',
    dataDir: v['data-dir'] ?? env.AIKYNETIX_SIM_DATA_DIR,
    apiKey: v['api-key'] ?? env.AIKYNETIX_SIM_API_KEY,
    processingDelayMs: num('--processing-delay-ms', v['processing-delay-ms'] ?? env.AIKYNETIX_SIM_PROCESSING_DELAY_MS),
    genAiDelayMs: num('--genai-delay-ms', v['genai-delay-ms'] ?? env.AIKYNETIX_SIM_GENAI_DELAY_MS),
    faults: faults.length ? faults : undefined,
  };
}
