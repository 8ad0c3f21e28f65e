import type { promises as fsp } from 'node:fs';
import type { ChunkRecycler } from './recycler';

/** Bytes per read: large enough that a socket write always fills the socket's buffer (64 KiB). */
export const READ_CHUNK = 256 * 1024;

/** A file read front to back in chunks; `close` releases the handle if the chunks are never read. */
export interface FileChunks {
  chunks: AsyncIterable<Uint8Array>;
  close(): void;
}

/**
 * Reads an open file to its end. With an active recycler one buffer is refilled for every chunk
 * (after the transport has flushed the previous one); otherwise each chunk gets its own buffer.
 * Reads until end of file, so a file that grew after `stat` is caught by the size check downstream.
 */
export function fileChunks(handle: fsp.FileHandle, recycler?: ChunkRecycler): FileChunks {
  let started = false;
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    void handle.close().catch(() => undefined);
  };

  async function* read(): AsyncGenerator<Uint8Array> {
    let reused: Buffer | undefined;
    let position = 0;
    try {
      for (;;) {
        let buffer: Buffer;
        if (recycler?.active) {
          // The previous chunk lives in `reused`: wait until the transport is done with it.
          if (reused) await recycler.settle();
          buffer = reused ??= Buffer.allocUnsafeSlow(READ_CHUNK);
        } else {
          buffer = Buffer.allocUnsafeSlow(READ_CHUNK);
        }
        const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, position);
        if (bytesRead === 0) return;
        position += bytesRead;
        yield bytesRead === READ_CHUNK ? buffer : buffer.subarray(0, bytesRead);
      }
    } finally {
      close();
    }
  }

  const chunks: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]() {
      if (started) throw new Error('This video file stream was already read; open the video again to upload it again');
      started = true;
      return read();
    },
  };
  return { chunks, close };
}
