// Test videos: an MP4 `ftyp` header (what the API sniffs) followed by random bytes, so a
// sha256 over the stored copy proves every byte arrived.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, openAsBlob } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';

const FTYP = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');

/** Writes a pseudo-MP4 of `bytes` bytes to `file` and returns its sha256 (hex). */
export async function writeVideo(file: string, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  const write = async (chunk: Buffer) => {
    hash.update(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write(FTYP);
  let left = bytes - FTYP.length;
  while (left > 0) {
    const n = Math.min(left, 1 << 20);
    await write(randomBytes(n));
    left -= n;
  }
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}

/** The sha256 (hex) of a file. */
export async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Posts `file` as the `data` field of a multipart form after the text `fields`, as a web form or an app would. */
export async function postVideo(url: string, file: string, fields: Record<string, string>): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('data', await openAsBlob(file, { type: 'video/mp4' }), path.basename(file));
  return fetch(url, { method: 'POST', body: form });
}
