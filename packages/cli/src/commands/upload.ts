import { constants, promises as fsp } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { redactUrlCredentials, ValidationError } from '@aikynetix/core';
import type { Context } from '../context';
import { keyValues } from '../output';
import { secondsFlag } from '../parse';
import { formatBytes, progressBar, type ProgressBar } from '../progress';
import type { Registrar } from '../program';
import { UsageError } from '../usage';
import { waitForProcessing } from './wait';

interface UploadOptions {
  user?: string;
  name?: string;
  incline?: string;
  joints?: string;
  wait?: boolean;
  timeout?: string;
  pollInterval?: string;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s.trim());
/** Any other `scheme://` (ftp, s3, smb...): not a path, so "file not found" would mislead. */
const otherScheme = (s: string) => /^([a-z][a-z0-9+.-]*):\/\//i.exec(s.trim())?.[1];

/** A file:// URL as a path, or a clear refusal of a scheme we cannot fetch. */
function pathOf(source: string): string {
  const scheme = otherScheme(source)?.toLowerCase();
  if (scheme === undefined) return source;
  if (scheme === 'file') {
    try {
      return fileURLToPath(source.trim());
    } catch {
      throw new ValidationError([{ field: 'video', rule: 'is not a usable file:// URL: write file:///absolute/path/run.mp4, or just the path' }]);
    }
  }
  throw new ValidationError([
    { field: 'video', rule: `${scheme}:// URLs are not supported: give an http(s) URL or a local file path (download the file first)` },
  ]);
}

/** A local file, checked before anything is sent; the core streams it from its path. */
async function checkLocal(ctx: Context, path: string): Promise<{ full: string; size: number }> {
  const full = resolve(ctx.cwd, path);
  let stat;
  try {
    stat = await fsp.stat(full);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ValidationError([{ field: 'video', rule: code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path} (${code})` }]);
  }
  if (stat.isFIFO()) throw new ValidationError([{ field: 'video', rule: `is a named pipe, not a video file: ${path}` }]);
  if (stat.isDirectory()) throw new ValidationError([{ field: 'video', rule: `is a folder, not a video file: ${path}` }]);
  if (!stat.isFile()) throw new ValidationError([{ field: 'video', rule: `not a regular file: ${path}` }]);
  if (stat.size === 0) throw new ValidationError([{ field: 'video', rule: `file is empty (0 bytes): ${path}` }]);
  // a permission problem is reported before the request starts
  await fsp.access(full, constants.R_OK).catch(() => {
    throw new ValidationError([{ field: 'video', rule: `file cannot be read: ${path}` }]);
  });
  return { full, size: stat.size };
}

async function upload(ctx: Context, source: string, opts: UploadOptions): Promise<void> {
  const timing = { timeoutMs: secondsFlag('--timeout', opts.timeout), intervalMs: secondsFlag('--poll-interval', opts.pollInterval) };
  if (!opts.wait && (opts.timeout !== undefined || opts.pollInterval !== undefined)) {
    throw new UsageError('--timeout and --poll-interval only apply with --wait');
  }
  const client = ctx.client();
  let video = source;
  if (isUrl(source)) {
    // Neither a signed query string nor a user:password may reach the terminal or a CI log.
    ctx.info(`Streaming ${redactUrlCredentials(source.trim().replace(/[?#].*$/, ''))} to AIKYNETIX...`);
  } else {
    // A path (not a stream) lets the core refill one read buffer: the upload's memory stays flat.
    const local = await checkLocal(ctx, pathOf(source));
    video = local.full;
    ctx.info(`Uploading ${basename(source)} (${formatBytes(local.size)})...`);
  }
  // The core reports bytes handed to the transport, with the total once the file or download is open.
  let bar: ProgressBar | undefined;
  let sent = 0;
  const onUploadProgress = (n: number, total: number | undefined) => {
    sent = n;
    bar ??= progressBar(ctx.io.stderr, total, ctx.interactive);
    bar.update(n);
  };

  const created = await client.running.createSession(
    {
      // Left to the core when missing: its ValidationError names the field like any other.
      user_id: opts.user as string,
      video,
      session_name: opts.name,
      incline_degree: opts.incline,
      body_joint_angles: opts.joints,
    },
    { signal: ctx.signal, onUploadProgress },
  );
  bar?.finish();
  if (created.recovered) {
    ctx.info(`Created session ${created.session_id}${created.title ? ` ("${created.title}")` : ''}: its answer was lost, and the check afterwards found it (not uploaded twice).`);
  } else {
    ctx.info(`Created session ${created.session_id}${created.title ? ` ("${created.title}")` : ''} after sending ${formatBytes(sent)}.`);
  }

  if (!opts.wait) {
    ctx.result({ ...created, status: 'processing' }, () => keyValues({ session_id: created.session_id, title: created.title, status: 'processing' }));
    return;
  }
  const session = await waitForProcessing(ctx, created.session_id, timing);
  ctx.result({ ...created, status: 'processed', session }, () =>
    keyValues({ session_id: created.session_id, title: created.title, status: 'processed' }),
  );
}

/** `upload <file|url> --user <id>`. */
export function registerUpload({ program, action }: Registrar): void {
  program
    .command('upload')
    .description('Upload a running video (file or http(s) URL) and optionally wait for processing')
    .argument('<file|url>', 'video file path or http(s) URL')
    .requiredOption('--user <id>', 'athlete (user id) the session belongs to')
    .option('--name <name>', 'session name (AIKYNETIX picks one when left out)')
    .option('--incline <degrees>', 'treadmill incline in degrees (-30 to 30)')
    .option('--joints <list>', 'joint angles to compute: any of ankle,knee,elbow,hip,shoulder (default all)')
    .option('--wait', 'wait until the video is processed (exit 5 if it fails)')
    .option('--timeout <seconds>', 'with --wait: give up after this long (exit 6; default 900)')
    .option('--poll-interval <seconds>', 'with --wait: first pause between status checks (default 2)')
    .addHelpText(
      'after',
      `
Examples:
  $ aikynetix upload run.mp4 --user athlete-1
  $ aikynetix upload run.mp4 --user athlete-1 --name "Treadmill 5k" --incline 1 --joints knee,ankle --wait
  $ aikynetix upload https://example.com/run.mp4 --user athlete-1 --wait --timeout 600 --json`,
    )
    .action(action(upload));
}
