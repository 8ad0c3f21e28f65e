import { NotFoundError } from '@aikynetix/core';
import type { Context } from '../context';
import { cell, table } from '../output';
import type { Registrar } from '../program';
import { MissingError } from '../usage';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

function totalText(r: Obj): string {
  let out = '';
  if (isObj(r.avg_metrics)) {
    out += `Averages over all sessions\n${table(Object.entries(r.avg_metrics), [
      { header: 'metric', value: ([k]) => k },
      { header: 'value', value: ([, v]) => v },
    ])}`;
  }
  if (isObj(r.last_session_metrics)) {
    const entries = Object.entries(r.last_session_metrics);
    const when = r.last_session_created_at_iso ?? r.last_session_created_at;
    out += `\nLast session${when ? ` (${typeof when === 'string' ? when : cell(when)})` : ''}\n`;
    out += table(entries, [
      { header: 'metric', value: ([k]) => k },
      { header: 'min', value: ([, v]) => (isObj(v) ? v.min : undefined) },
      { header: 'avg', value: ([, v]) => (isObj(v) ? v.avg : v) },
      { header: 'max', value: ([, v]) => (isObj(v) ? v.max : undefined) },
    ]);
  }
  return out || 'No metrics yet.\n';
}

async function total(ctx: Context): Promise<void> {
  let res: Obj;
  try {
    res = await ctx.client().running.getTotalMetrics({}, { signal: ctx.signal });
  } catch (err) {
    // this endpoint's 404 means "no processed sessions yet", not a wrong id
    if (err instanceof NotFoundError) {
      throw new MissingError(
        `No running metrics yet${err.apiMessage ? ` (${err.apiMessage})` : ''}`,
        'Metrics appear once at least one running video has been processed: aikynetix upload <file> --user <id> --wait',
      );
    }
    throw err;
  }
  ctx.result(res, () => totalText(res));
}

/** `metrics total`. */
export function registerMetrics({ program, action }: Registrar): void {
  const metrics = program.command('metrics').description('Account-wide running metrics');
  metrics
    .command('total')
    .description('Average metrics over all running sessions, and the last session\'s ranges')
    .addHelpText('after', '\nExamples:\n  $ aikynetix metrics total\n  $ aikynetix metrics total --json | jq .avg_metrics')
    .action(action(total));
}
