import { generateThenWait } from '@aikynetix/core';
import type { Context } from '../context';
import { cell, table } from '../output';
import { choiceFlag, secondsFlag } from '../parse';
import type { Registrar } from '../program';
import { UsageError } from '../usage';
import { DEFAULT_WAIT_MS } from './wait';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

interface SummaryOptions {
  generate?: boolean;
  wait?: boolean;
  units?: string;
  timeout?: string;
  pollInterval?: string;
  demo?: boolean;
}

const BLOCKS = ['performance_metrics', 'running_mechanics', 'balance_and_posture', 'distance_and_duration'] as const;

/** The summary's metric blocks as one table, then the GenAI text. */
export function summaryText(id: string, s: Obj): string {
  const rows: Array<{ block: string; metric: string; v: unknown }> = [];
  for (const block of BLOCKS) {
    if (!isObj(s[block])) continue;
    for (const [metric, v] of Object.entries(s[block] as Obj)) rows.push({ block, metric, v });
  }
  const stat = (v: unknown, k: string) => (isObj(v) ? v[k] : k === 'avg' ? v : undefined);
  let out = `Summary of session ${id}${s.session_date ? ` (${cell(s.session_date)})` : ''}\n\n`;
  if (rows.length) {
    out += table(rows, [
      { header: 'block', value: (r) => r.block },
      { header: 'metric', value: (r) => r.metric },
      { header: 'min', value: (r) => stat(r.v, 'min') },
      { header: 'avg', value: (r) => stat(r.v, 'avg') },
      { header: 'max', value: (r) => stat(r.v, 'max') },
    ]);
  }
  const text = isObj(s.summary_text) ? s.summary_text : undefined;
  if (!text || Object.keys(text).length === 0) {
    return `${out}\nNo GenAI summary text yet (run with --generate --wait).\n`;
  }
  const order = [...BLOCKS, 'final_summary'].filter((k) => typeof text[k] === 'string');
  const rest = Object.keys(text).filter((k) => !order.includes(k as never));
  return `${out}\n${[...order, ...rest].map((k) => `${k}:\n  ${cell(text[k])}`).join('\n\n')}\n`;
}

async function summary(ctx: Context, id: string, opts: SummaryOptions): Promise<void> {
  const units = choiceFlag('--units', opts.units, ['metric', 'imperial'] as const);
  const timeoutMs = secondsFlag('--timeout', opts.timeout) ?? DEFAULT_WAIT_MS;
  const intervalMs = secondsFlag('--poll-interval', opts.pollInterval);
  if (units && !opts.generate) throw new UsageError('--units only applies with --generate');
  if ((opts.timeout !== undefined || intervalMs !== undefined) && !opts.wait) {
    throw new UsageError('--timeout and --poll-interval only apply with --wait');
  }
  if (opts.demo && (opts.generate || opts.wait)) throw new UsageError('--demo cannot be combined with --generate or --wait');
  const client = ctx.client();
  const generate = () => {
    const input = { session_id: id, ...(units ? { measurement_system: units } : {}) };
    return client.running.generateSummary(input, { signal: ctx.signal }).then((threads) => {
      ctx.info(`Summary generation started for session ${id}.`);
      return threads;
    });
  };
  let threads: unknown;
  if (opts.generate && !opts.wait) {
    threads = await generate();
    ctx.result({ session_id: id, generating: true, threads }, () => `Generating; run "aikynetix summary ${id}" later, or add --wait.\n`);
    return;
  }
  let result: Obj;
  if (opts.wait) {
    const status = ctx.status();
    const wait = () => {
      status.set(`Waiting for the GenAI summary of ${id}`);
      return client.waitForSummaryText(id, { timeoutMs, intervalMs, signal: ctx.signal }) as Promise<Obj>;
    };
    try {
      // A lost answer to the generation request is settled by the wait (the core's generateThenWait).
      const done = opts.generate
        ? await generateThenWait(generate, wait, () => ctx.info('The answer to the generation request was lost; waiting for the text to find out whether it started.'))
        : { started: undefined, text: await wait() };
      threads = done.started;
      result = done.text;
      status.stop('Summary text ready.');
    } catch (err) {
      status.stop();
      throw err;
    }
  } else {
    result = await client.running.getSummary({ session_id: id, ...(opts.demo ? { demo: true } : {}) }, { signal: ctx.signal });
  }
  ctx.result(threads === undefined ? result : { ...result, threads }, () => summaryText(id, result));
}

/** `summary <id> [--generate --wait]`. */
export function registerSummary({ program, action }: Registrar): void {
  program
    .command('summary')
    .description('Show the summary of a running session; optionally generate its GenAI text first')
    .argument('<id>', 'session id')
    .option('--generate', 'start GenAI summary generation (uses plan quota)')
    .option('--wait', 'wait until the GenAI summary text is present')
    .option('--units <system>', 'with --generate: metric or imperial')
    .option('--timeout <seconds>', 'with --wait: give up after this long (exit 6; default 900)')
    .option('--poll-interval <seconds>', 'with --wait: first pause between checks (default 2)')
    .option('--demo', "return AIKYNETIX's pre-generated demo summary")
    .addHelpText(
      'after',
      `
Examples:
  $ aikynetix summary f3K9x2LmQp7RtVw8YzA1
  $ aikynetix summary f3K9x2LmQp7RtVw8YzA1 --generate --wait --units imperial
  $ aikynetix summary f3K9x2LmQp7RtVw8YzA1 --json | jq -r .summary_text.final_summary`,
    )
    .action(action(summary));
}
