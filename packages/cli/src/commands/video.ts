import type { Context } from '../context';
import type { Registrar } from '../program';
import { UsageError } from '../usage';

type Opts = { generate?: boolean; activity?: string };
const KINDS: Record<string, { is_jump: boolean; is_weight: boolean }> = {
  running: { is_jump: false, is_weight: false },
  jumping: { is_jump: true, is_weight: false },
  weightlifting: { is_jump: false, is_weight: true },
};

async function video(ctx: Context, id: string, opts: Opts): Promise<void> {
  const kind = KINDS[(opts.activity ?? 'running').trim().toLowerCase()];
  if (!kind) throw new UsageError(`--activity must be running, jumping or weightlifting (got "${opts.activity}")`);
  const client = ctx.client();
  if (opts.generate) await client.sessions.generateAnalyzedVideo({ session_id: id, ...kind }, { signal: ctx.signal });
  const res = await client.sessions.getAnalyzedVideo({ session_id: id, ...kind }, { signal: ctx.signal });
  ctx.result(res, () => `${res.analyzed_video_url ?? '(no analyzed video yet)'}\n`);
}

/** `video <id> [--generate]`: the analyzed video's URL (the keypoint overlay). */
export function registerVideo({ program, action }: Registrar): void {
  program
    .command('video')
    .description('Print the URL of the analyzed video (keypoint overlay) of a processed session')
    .argument('<id>', 'session id')
    .option('--generate', 'ask AIKYNETIX to (re)generate the analyzed video first')
    .option('--activity <activity>', 'running (default), jumping or weightlifting')
    .addHelpText(
      'after',
      `
Examples:
  $ aikynetix video f3K9x2LmQp7RtVw8YzA1
  $ aikynetix video f3K9x2LmQp7RtVw8YzA1 --generate --json`,
    )
    .action(action(async (ctx, id: string, opts: Opts) => video(ctx, id, opts)));
}
