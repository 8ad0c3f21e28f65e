import { AbortError } from '../errors';
import type { Sleep } from './sleep';

/** Node's timers as a `Sleep`: the standalone and Node entries register it; host bundles never load it. */
export const nodeSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError('The operation was cancelled'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError('The operation was cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
