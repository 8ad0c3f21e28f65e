import { OutcomeUnknownError } from '../errors/outcome';
import { WaitTimeoutError } from '../errors/session';

/** What generateThenWait returns: the start's acknowledgement (absent when its answer was lost) and the text. */
export interface GeneratedText<S, T> {
  started?: S;
  text: T;
  /** True when the start's outcome was unknown and the text's arrival settled it. */
  settledByWait: boolean;
}

/**
 * Starts a GenAI generation, then waits for its text. When the start's answer was lost and the
 * core could not tell whether it took (OutcomeUnknownError), the wait finds out: the text appearing
 * settles it; no text by the deadline keeps the OutcomeUnknownError (never a blind retry).
 */
export async function generateThenWait<S, T>(
  start: () => Promise<S>,
  wait: () => Promise<T>,
  /** Told when the start's outcome is unknown, before the wait begins (e.g. to tell the user). */
  onUnknown?: (err: OutcomeUnknownError) => void,
): Promise<GeneratedText<S, T>> {
  let started: S | undefined;
  let unknown: OutcomeUnknownError | undefined;
  try {
    started = await start();
  } catch (err) {
    if (!(err instanceof OutcomeUnknownError)) throw err;
    unknown = err;
    onUnknown?.(err);
  }
  try {
    return { started, text: await wait(), settledByWait: unknown !== undefined };
  } catch (err) {
    throw unknown && err instanceof WaitTimeoutError ? unknown : err;
  }
}
