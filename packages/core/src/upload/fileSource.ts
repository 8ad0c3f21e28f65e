import { promises as fsp, ReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pickContentType } from './contentType';
import { fileChunks } from './fileChunks';
import { cleanFilename } from './filename';
import { ChunkRecycler } from './recycler';
import type { FileReader, OpenedVideo } from './types';
import { invalid } from './videoSource';

async function openFile(path: string): Promise<OpenedVideo> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw invalid(`file not found: ${path}`);
    if (code === 'EACCES' || code === 'EPERM') throw invalid(`file cannot be read (permission denied): ${path}`);
    if (code === 'EISDIR') throw invalid(`is a folder, not a video file: ${path}`);
    throw invalid(`file cannot be opened (${code ?? 'error'}): ${path}`);
  }
  const stat = await handle.stat();
  if (!stat.isFile()) {
    await handle.close();
    throw invalid(`is not a regular file: ${path}`);
  }
  if (stat.size === 0) {
    await handle.close();
    throw invalid(`file is empty (0 bytes): ${path}`);
  }
  const filename = cleanFilename(path);
  const recycler = new ChunkRecycler();
  const file = fileChunks(handle, recycler);
  return { stream: file.chunks, size: stat.size, filename, contentType: pickContentType(undefined, filename), close: file.close, recycler };
}

/** Size of an untouched fs.ReadStream over a whole file, so a plain createReadStream gets Content-Length. */
async function readStreamSize(stream: unknown): Promise<number | undefined> {
  if (!(stream instanceof ReadStream) || typeof stream.path !== 'string' || stream.bytesRead !== 0) return undefined;
  const s = stream as ReadStream & { start?: number; end?: number };
  if (s.start !== undefined && s.start !== 0) return undefined;
  if (s.end !== undefined && s.end !== Infinity) return undefined;
  try {
    const stat = await fsp.stat(stream.path);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

/** Node's file system as the core's file reader (file paths, file:// URLs, fs.ReadStream sizes). */
export const nodeFileReader: FileReader = {
  open: openFile,
  openUrl: (url) => openFile(fileURLToPath(url)),
  sizeOf: readStreamSize,
};
