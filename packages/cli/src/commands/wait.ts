import type { Context } from '../context';

/** Default longest wait for processing or GenAI text (15 minutes). */
export const DEFAULT_WAIT_MS = 15 * 60_000;

/** Timing of a wait, from --timeout and --poll-interval. */
export interface WaitTiming {
  timeoutMs?: number;
  intervalMs?: number;
}

/** Waits for a session with a spinner / status lines; throws SessionFailedError or WaitTimeoutError. */
export async function waitForProcessing(ctx: Context, sessionId: string, timing: WaitTiming): Promise<unknown> {
  const status = ctx.status();
  status.set(`Processing session ${sessionId}`);
  try {
    const session = await ctx.client().waitForSession(sessionId, {
      timeoutMs: timing.timeoutMs ?? DEFAULT_WAIT_MS,
      intervalMs: timing.intervalMs,
      signal: ctx.signal,
      onProgress: (p) => status.set(`Session ${sessionId}: ${p.status}`),
    });
    status.stop(`Session ${sessionId} processed.`);
    return session;
  } catch (err) {
    status.stop();
    throw err;
  }
}
