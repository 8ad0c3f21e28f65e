import type { Context } from '../context';
import { cell, keyValues, table } from '../output';
import type { Registrar } from '../program';
import { UsageError } from '../usage';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/** Comments blocks (GenAI) as indented paragraphs. */
function comments(title: string, block: unknown): string {
  if (!isObj(block) || Object.keys(block).length === 0) return `\n${title}: none yet\n`;
  const parts = Object.entries(block).map(([k, v]) => `  ${k}:\n    ${(typeof v === 'string' ? v : JSON.stringify(v)).replace(/\n/g, '\n    ')}`);
  return `\n${title}:\n${parts.join('\n')}\n`;
}

function formText(id: string, r: Obj): string {
  let out = `Running-form report for session ${id}${r.date ? ` (${cell(r.date)})` : ''}\n\n`;
  if (isObj(r.metrics)) {
    out += table(Object.entries(r.metrics), [
      { header: 'metric', value: ([k]) => k },
      { header: 'value', value: ([, v]) => v },
    ]);
  }
  if (isObj(r.images)) out += `\nImages:\n${keyValues(r.images).replace(/^/gm, '  ')}`;
  return out + comments('Form comments', r.form_comments);
}

function gaitText(id: string, r: Obj): string {
  let out = `Gait report for session ${id}${r.date ? ` (${cell(r.date)})` : ''}\n\n`;
  const sides = (['left', 'right'] as const).filter((s) => isObj(r[s]));
  out += table(sides, [
    { header: 'side', value: (s) => s },
    { header: 'peak time', value: (s) => (r[s] as Obj).peak_time },
    { header: 'initiator', value: (s) => (r[s] as Obj).initiator },
    { header: 'phases', value: (s) => Object.keys(((r[s] as Obj).phases as Obj) ?? {}).join(', ') },
    { header: 'angles', value: (s) => Object.keys(((r[s] as Obj).angles as Obj) ?? {}).join(', ') },
  ]);
  return out + comments('Report comments', r.report_comments);
}

async function report(ctx: Context, kind: string, id: string, opts: { demo?: boolean }): Promise<void> {
  const { running } = ctx.client();
  const input = { session_id: id, ...(opts.demo ? { demo: true } : {}) };
  const res: Obj =
    kind === 'gait'
      ? await running.getGaitAnalysis(input, { signal: ctx.signal })
      : await running.getFormAnalysis(input, { signal: ctx.signal });
  ctx.result(res, () => (kind === 'gait' ? gaitText(id, res) : formText(id, res)));
}

/** `report gait|form <id>`. */
export function registerReport({ program, action }: Registrar): void {
  program
    .command('report')
    .description('Fetch the gait-analysis or running-form report of a processed running session')
    .argument('<kind>', 'gait or form')
    .argument('<id>', 'session id')
    .option('--demo', "return AIKYNETIX's pre-generated demo report instead")
    .addHelpText(
      'after',
      `
Examples:
  $ aikynetix report gait f3K9x2LmQp7RtVw8YzA1
  $ aikynetix report form f3K9x2LmQp7RtVw8YzA1 --json > form.json
  $ aikynetix report gait any-id --demo`,
    )
    .action(
      action(async (ctx, kind: string, id: string, opts: { demo?: boolean }) => {
        const k = kind.trim().toLowerCase();
        if (k !== 'gait' && k !== 'form') {
          throw new UsageError(`<kind> must be gait or form (got "${kind}")`);
        }
        await report(ctx, k, id, opts);
      }),
    );
}
