import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { Context } from '../context';
import { keyValues, table } from '../output';
import { activityFilter, intFlag } from '../parse';
import type { Registrar } from '../program';
import { MissingError, UsageError } from '../usage';

interface ListOptions {
  activity?: string;
  user?: string;
  status?: string;
  title?: string;
  from?: string;
  to?: string;
  limit?: string;
  all?: boolean;
}

type Session = Record<string, unknown> & { id: string };

const LIST_COLUMNS = [
  { header: 'id', value: (s: Session) => s.id },
  { header: 'activity', value: (s: Session) => s.activity },
  { header: 'status', value: (s: Session) => s.status },
  { header: 'created', value: (s: Session) => (typeof s.created_at_iso === 'string' ? s.created_at_iso.slice(0, 16).replace('T', ' ') : '') },
  { header: 'user', value: (s: Session) => s.user_id ?? s.user_name },
  { header: 'title', value: (s: Session) => s.title },
];

const DEFAULT_LIMIT = 20;

async function list(ctx: Context, opts: ListOptions): Promise<void> {
  if (opts.all && opts.limit !== undefined) throw new UsageError('Use either --limit or --all, not both');
  const max = opts.all ? Infinity : (intFlag('--limit', opts.limit) ?? DEFAULT_LIMIT);
  const client = ctx.client();
  const sessions: Session[] = [];
  const iterator = client.sessions.iterate(
    {
      activity: activityFilter(opts.activity),
      user_id: opts.user,
      video_status: opts.status,
      title: opts.title,
      start_date: opts.from,
      end_date: opts.to,
      max,
      // no bigger pages than needed for a short list
      pageSize: Number.isFinite(max) ? Math.min(Math.max(max, 1), 100) : 100,
    },
    { signal: ctx.signal },
  );
  for await (const s of iterator) sessions.push(s as Session);
  ctx.result({ sessions, count: sessions.length }, () =>
    sessions.length === 0 ? 'No sessions found.\n' : table(sessions, LIST_COLUMNS),
  );
}

const DETAIL_FIELDS = [
  'id', 'title', 'activity', 'status', 'video_status', 'user_id', 'user_name', 'uploaded_name',
  'created_at_iso', 'exercise', 'segments', 'video_url', 'analyzed_video_url', 'thumbnail_url',
];

function describe(s: Session): string {
  const picked: Record<string, unknown> = {};
  for (const k of DETAIL_FIELDS) if (s[k] !== undefined && s[k] !== null) picked[k] = s[k];
  const metrics = s.metrics && typeof s.metrics === 'object' ? Object.keys(s.metrics) : [];
  if (metrics.length) picked.metrics = metrics.join(', ');
  return keyValues(picked);
}

async function get(ctx: Context, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const res = await ctx.client().sessions.getByIds({ session_ids: unique }, { signal: ctx.signal });
  const found: Session[] = res.sessions;
  const missing = unique.filter((id) => !found.some((s) => s.id === id));
  const partial = found.length > 0;
  if (partial) ctx.result({ sessions: found, missing }, () => found.map(describe).join('\n'));
  if (missing.length > 0) {
    const noun = missing.length > 1 ? 'Sessions' : 'Session';
    throw new MissingError(`${noun} not found: ${missing.join(', ')}`, 'Check the id (aikynetix sessions list shows recent sessions).', partial);
  }
}

/** Asks on the terminal; resolves true only for y/yes. */
function confirm(ctx: Context, question: string): Promise<boolean> {
  const rl = createInterface({ input: ctx.io.stdin!, output: ctx.io.stderr as NodeJS.WritableStream, terminal: false });
  return new Promise((resolve) => {
    ctx.io.stderr.write(question);
    rl.once('line', (answer) => {
      resolve(/^\s*y(es)?\s*$/i.test(answer)); // before close(), whose 'close' event answers "no"
      rl.close();
    });
    rl.once('close', () => resolve(false));
  });
}

async function remove(ctx: Context, id: string, opts: { yes?: boolean }): Promise<void> {
  if (!opts.yes) {
    if (!ctx.io.stdin?.isTTY) {
      throw new UsageError(`Refusing to delete session ${id} without --yes (input is not a terminal)`, 'Add --yes to delete without a question.');
    }
    if (!(await confirm(ctx, `Delete session ${id} and its video? This cannot be undone. [y/N] `))) {
      ctx.info('Nothing deleted.');
      return;
    }
  }
  const res = await ctx.client().sessions.delete({ session_id: id }, { signal: ctx.signal });
  ctx.result({ deleted: id, response: res }, () => `Deleted session ${id}.\n`);
}

/** `sessions list|get|delete`. */
export function registerSessions({ program, action }: Registrar): void {
  const sessions: Command = program.command('sessions').description('List, show and delete sessions');
  sessions
    .command('list')
    .description('List sessions, newest first (default 20)')
    .option('--activity <activity>', 'running, weightlifting, jumping (Vertical Jump) or mobility')
    .option('--user <id>', 'only this athlete (user id)')
    .option('--status <status>', 'processed or failed')
    .option('--title <text>', 'title contains this text')
    .option('--from <date>', 'created on or after this day (YYYY-MM-DD or DD/MM/YYYY, UTC)')
    .option('--to <date>', 'created on or before this day')
    .option('--limit <n>', `at most this many sessions (default ${DEFAULT_LIMIT})`)
    .option('--all', 'every matching session (pages through all of them)')
    .addHelpText(
      'after',
      `
Examples:
  $ aikynetix sessions list
  $ aikynetix sessions list --activity running --status processed --from 2025-02-01 --limit 50
  $ aikynetix sessions list --all --json | jq -r '.sessions[].id'`,
    )
    .action(action(list));
  sessions
    .command('get')
    .description('Show one or more sessions by id')
    .argument('<id...>', 'session ids')
    .addHelpText('after', '\nExamples:\n  $ aikynetix sessions get f3K9x2LmQp7RtVw8YzA1\n  $ aikynetix sessions get id1 id2 --json')
    .action(action(get));
  sessions
    .command('delete')
    .description('Delete a session and its video (asks first unless --yes)')
    .argument('<id>', 'session id')
    .option('-y, --yes', 'do not ask; required when input is not a terminal')
    .addHelpText('after', '\nExamples:\n  $ aikynetix sessions delete f3K9x2LmQp7RtVw8YzA1\n  $ aikynetix sessions delete f3K9x2LmQp7RtVw8YzA1 --yes --json')
    .action(action(remove));
}
