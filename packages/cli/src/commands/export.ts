import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { once } from 'node:events';
import type { Context } from '../context';
import { csvChunks, exportTable } from '../csv';
import { formatBytes } from '../progress';
import { choiceFlag } from '../parse';
import type { Registrar } from '../program';
import { UsageError } from '../usage';

interface ExportOptions {
  format?: string;
  activity?: string;
  output?: string;
  demo?: boolean;
}


/** Writes chunks to a file with back-pressure; resolves with the byte count. */
async function writeFile(path: string, chunks: Iterable<string>): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  try {
    for (const chunk of chunks) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  } catch (err) {
    out.destroy();
    throw err;
  }
  return bytes;
}

async function exportSession(ctx: Context, id: string, opts: ExportOptions): Promise<void> {
  const format = choiceFlag('--format', opts.format, ['json', 'csv'] as const) ?? 'json';
  const activity = choiceFlag('--activity', opts.activity, ['running', 'jumping', 'weightlifting'] as const) ?? 'running';
  if (ctx.json && format === 'csv' && !opts.output) {
    throw new UsageError('--json and --format csv both want stdout', 'Add -o <file> for the CSV, or drop --json.');
  }
  if (opts.demo && activity !== 'running') {
    // The vendor documents the demo switch for running only (docs/api-notes.md, "Demo data").
    throw new UsageError('--demo exists for running sessions only', 'Drop --demo, or use --activity running.');
  }
  const client = ctx.client();
  const data: Record<string, unknown> =
    activity === 'running'
      ? await client.running.export({ session_id: id, ...(opts.demo ? { demo: true } : {}) }, { signal: ctx.signal })
      : await client[activity].export({ session_id: id }, { signal: ctx.signal });

  const table = format === 'csv' ? exportTable(data) : undefined;
  const chunks: Iterable<string> = table ? csvChunks(table) : [JSON.stringify(data, null, 2) + '\n'];
  if (table?.skipped.length) ctx.info(`Not in the CSV (single values, see --format json): ${table.skipped.join(', ')}`);
  if (!opts.output) {
    for (const chunk of chunks) ctx.io.stdout.write(chunk);
    return;
  }
  const path = resolve(ctx.cwd, opts.output);
  const bytes = await writeFile(path, chunks);
  const summary = { session_id: id, activity, format, file: path, bytes, ...(table ? { rows: table.rows, columns: table.columns.length } : {}) };
  ctx.result(summary, () =>
    `Wrote ${table ? `${table.rows} rows x ${table.columns.length} columns` : 'JSON'} (${formatBytes(bytes)}) to ${path}\n`,
  );
}

/** `export <id> [--format json|csv]`. */
export function registerExport({ program, action }: Registrar): void {
  program
    .command('export')
    .description('Export the raw series of a session (metrics, angles, keypoints per timestamp)')
    .argument('<id>', 'session id')
    .option('--format <format>', 'json (default) or csv (one row per timestamp)')
    .option('--activity <activity>', 'running (default), jumping or weightlifting')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--demo', "export AIKYNETIX's pre-generated demo running session")
    .addHelpText(
      'after',
      `
Examples:
  $ aikynetix export f3K9x2LmQp7RtVw8YzA1 > run.json
  $ aikynetix export f3K9x2LmQp7RtVw8YzA1 --format csv -o run.csv
  $ aikynetix export f3K9x2LmQp7RtVw8YzA1 --activity weightlifting --format csv | head`,
    )
    .action(action(exportSession));
}
