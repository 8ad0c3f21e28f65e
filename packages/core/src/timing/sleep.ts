import { ConfigError } from '../errors/input';
import { AbortError } from '../errors/network';

/**
 * Waits `ms` milliseconds and rejects as soon as `signal` aborts. Waiting is host-specific, like
 * the HTTP transport: n8n passes n8n-workflow's `sleep`, the standalone entry uses Node's timers.
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

let registered: Sleep | undefined;

/** Set by an entry point that knows its host's timers (the standalone and Node entries). */
export function setDefaultSleep(sleep: Sleep): void {
  registered = sleep;
}

/** The given sleep, else the registered default; a ConfigError when the host gave none. */
export function resolveSleep(sleep?: Sleep): Sleep {
  const found = sleep ?? registered;
  if (!found) {
    throw new ConfigError('No sleep function: pass options.sleep, or import the standalone "@aikynetix/core" entry', {
      hint: 'Hosts provide their own waiting, e.g. n8n: sleep from n8n-workflow.',
    });
  }
  return found;
}

/** Pauses `ms`; an abort rejects with AbortError whatever the host's sleep rejected with. */
export async function pause(sleep: Sleep, ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await sleep(ms, signal);
  } catch (err) {
    if (signal?.aborted) throw new AbortError('The operation was cancelled', { cause: signal.reason });
    throw err;
  }
}

/** Runs `action` after `ms` unless the returned function is called first (which frees the host's timer). */
export function afterDelay(sleep: Sleep, ms: number, action: () => void): () => void {
  const cancel = new AbortController();
  sleep(ms, cancel.signal).then(
    () => {
      if (!cancel.signal.aborted) action();
    },
    // Rejection means cancelled: there is nothing left to do.
    () => undefined,
  );
  return () => cancel.abort();
}
