import { promises as fsp, ReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pickContentType } from './contentType';
import { fileChunks } from './fileChunks';
import { cleanFilename } from './filename';
import { ChunkRecycler } from './recycler';
import { assertVideoHead, markSniffed, SNIFF_BYTES } from './sniff';
import type { FileReader, OpenedVideo } from './types';
import { invalid } from './videoSource';

/** Why a path cannot be uploaded, read from its metadata only (opening a named pipe would block). */
async function fileProblem(path: string): Promise<string | undefined> {
  let stat: Awaited<ReturnType<typeof fsp.stat>>;
  try {
    stat = await fsp.stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return `file not found: ${path}`;
    if (code === 'EACCES' || code === 'EPERM') return `file cannot be read (permission denied): ${path}`;
    return `file cannot be opened (${code ?? 'error'}): ${path}`;
  }
  if (stat.isDirectory()) return `is a folder, not a video file: ${path}`;
  if (stat.isFIFO()) return `is a named pipe, not a video file (its size cannot be known and reading it may never end): ${path}`;
  if (!stat.isFile()) return `is not a regular file: ${path}`;
  if (stat.size === 0) return `file is empty (0 bytes): ${path}`;
  return undefined;
}

function pathOf(location: string): string {
  if (!/^file:\/\//i.test(location)) return location;
  try {
    return fileURLToPath(location);
  } catch {
    throw invalid('is not a valid file:// URL (use file:///absolute/path)');
  }
}

async function checkFile(location: string): Promise<void> {
  const problem = await fileProblem(pathOf(location));
  if (problem) throw invalid(problem);
}

async function openFile(path: string): Promise<OpenedVideo> {
  await checkFile(path);
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw invalid(`file not found: ${path}`);
    if (code === 'EACCES' || code === 'EPERM') throw invalid(`file cannot be read (permission denied): ${path}`);
    throw invalid(`file cannot be opened (${code ?? 'error'}): ${path}`);
  }
  const stat = await handle.stat();
  if (!stat.isFile() || stat.size === 0) {
    await handle.close();
    throw invalid(`changed while being opened: ${path}`);
  }
  // The first bytes by a positioned read, so the chunk stream (and its buffer reuse) stays untouched.
  const head = new Uint8Array(Math.min(SNIFF_BYTES, stat.size));
  try {
    await handle.read(head, 0, head.length, 0);
    assertVideoHead(head);
  } catch (err) {
    await handle.close();
    throw err;
  }
  const filename = cleanFilename(path);
  const recycler = new ChunkRecycler();
  const file = fileChunks(handle, recycler);
  return markSniffed({ stream: file.chunks, size: stat.size, filename, contentType: pickContentType(undefined, filename), close: file.close, recycler });
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
  openUrl: (url) => openFile(pathOf(url)),
  sizeOf: readStreamSize,
  check: checkFile,
};
