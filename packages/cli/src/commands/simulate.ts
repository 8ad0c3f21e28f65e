import { resolve } from 'node:path';
import type { Context } from '../context';
import { ENV } from '../config';
import { intFlag } from '../parse';
import type { Registrar } from '../program';

interface SimulateOptions {
  port?: string;
  host?: string;
  dataDir?: string;
  processingDelay?: string;
  genaiDelay?: string;
}

/** Resolves when the signal aborts (Ctrl-C); never when there is none. */
function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((done) => {
    if (!signal) return;
    if (signal.aborted) done();
    else signal.addEventListener('abort', () => done(), { once: true });
  });
}

async function simulate(ctx: Context, opts: SimulateOptions): Promise<void> {
  const port = intFlag('--port', opts.port, 0) ?? 0;
  const processingDelayMs = intFlag('--processing-delay', opts.processingDelay, 0);
  const genAiDelayMs = intFlag('--genai-delay', opts.genaiDelay, 0);
  // loaded on demand: the server (fastify, ajv) is not needed by any other command
  const { start } = await import('@aikynetix/simulator');
  const sim = await start({
    port,
    host: opts.host,
    dataDir: opts.dataDir ? resolve(ctx.cwd, opts.dataDir) : undefined,
    processingDelayMs,
    genAiDelayMs,
  });
  try {
    // This key only opens the local simulator, so printing it is the point.
    ctx.result({ url: sim.url, apiKey: sim.apiKey, keys: sim.keys }, () =>
      [
        `AIKYNETIX simulator listening on ${sim.url}`,
        `Admin API key: ${sim.apiKey}`,
        '',
        'Use it from another terminal:',
        `  export ${ENV.baseUrl}=${sim.url}`,
        `  export ${ENV.apiKey}=${sim.apiKey}`,
        '  aikynetix sessions list',
        '',
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    await untilAborted(ctx.signal);
    ctx.info('Stopping the simulator...');
  } finally {
    await sim.close();
  }
}

/** `simulate`: a local AIKYNETIX API until Ctrl-C. */
export function registerSimulate({ program, action }: Registrar): void {
  program
    .command('simulate')
    .description('Start the local AIKYNETIX simulator and keep it running until Ctrl-C')
    .option('--port <port>', 'port to listen on (default: a free port)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--data-dir <dir>', 'keep sessions and videos in this folder across restarts')
    .option('--processing-delay <ms>', 'how long a video takes to process (default 3000)')
    .option('--genai-delay <ms>', 'how long GenAI texts take to appear (default 2000)')
    .addHelpText(
      'after',
      `
Examples:
  $ aikynetix simulate
  $ aikynetix simulate --port 8787 --data-dir ./.sim-data
  $ aikynetix simulate --json   # {"url": ..., "apiKey": ...} on stdout, for scripts`,
    )
    .action(action(simulate));
}
