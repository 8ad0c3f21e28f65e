import type { Writable } from 'node:stream';

/** How often to re-check while waiting: 'drain' is only emitted after a write that returned false. */
const RECHECK_MS = 5;

/**
 * Resolves once `socket` has handed every byte written to it so far to the operating system
 * (`writableLength` counts bytes queued or in flight), or once it is destroyed.
 */
export function untilFlushed(socket: Writable | undefined): Promise<void> {
  const done = (): boolean => !socket || socket.destroyed || socket.writableLength === 0;
  if (done()) return Promise.resolve();
  const s = socket as Writable;
  return new Promise((resolve) => {
    const check = (): void => {
      if (!done()) return;
      clearInterval(timer);
      s.off('drain', check);
      s.off('close', check);
      resolve();
    };
    const timer = setInterval(check, RECHECK_MS);
    s.on('drain', check);
    s.on('close', check);
  });
}
