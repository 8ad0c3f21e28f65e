import { mkdtempSync, openSync, closeSync, writeSync, ftruncateSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A sparse file of `bytes` with an MP4 `ftyp` header (so the simulator accepts it as a video):
 * no disk blocks, reads return zeros. Returns its path and a remover.
 */
export function sparseVideo(bytes) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aikynetix-bench-video-'));
  const file = path.join(dir, `run-${bytes}.mp4`);
  const fd = openSync(file, 'w');
  const head = Buffer.alloc(32);
  head.writeUInt32BE(32, 0);
  head.write('ftypisom', 4, 'latin1');
  writeSync(fd, head);
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
