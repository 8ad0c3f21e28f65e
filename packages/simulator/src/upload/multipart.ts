import { createWriteStream, promises as fs } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import busboy from 'busboy';
import { badRequest } from '../http/errors';
import { MAGIC_BYTES } from './magic';

/** The video part of an upload, already on disk. */
export interface ReceivedFile {
  path: string;
  size: number;
  filename: string;
  mimeType: string;
  head: Buffer;
}

/** A parsed multipart upload: text fields (all values per name) and the `video` file. */
export interface ReceivedUpload {
  fields: Map<string, string[]>;
  file?: ReceivedFile;
  ignoredFiles: string[];
}

/** Counts bytes and keeps the first few for the magic-byte check, passing data straight through. */
class Sniffer extends Transform {
  size = 0;
  private readonly headParts: Buffer[] = [];
  private headLength = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.size += chunk.length;
    if (this.headLength < MAGIC_BYTES) {
      const part = chunk.subarray(0, MAGIC_BYTES - this.headLength);
      this.headParts.push(Buffer.from(part));
      this.headLength += part.length;
    }
    cb(null, chunk);
  }

  get head(): Buffer {
    return Buffer.concat(this.headParts);
  }
}

/**
 * Streams a multipart/form-data request: the `video` file goes straight to `dir` (never buffered
 * in memory; busboy applies backpressure to the socket), text fields are collected.
 */
export function receiveMultipart(req: IncomingMessage, dir: string, fileField = 'video'): Promise<ReceivedUpload> {
  return new Promise<ReceivedUpload>((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 5, fields: 100, fieldSize: 1024 * 1024 } });
    } catch (err) {
      reject(badRequest(`Malformed multipart request: ${(err as Error).message}`));
      return;
    }
    const fields = new Map<string, string[]>();
    const ignoredFiles: string[] = [];
    let file: ReceivedFile | undefined;
    let writing: Promise<void> | undefined;
    let tmpPath: string | undefined;
    let fileStream: Readable | undefined;
    let failed = false;

    const fail = (err: unknown): void => {
      if (failed) return;
      failed = true;
      req.unpipe(bb);
      req.resume(); // drain what is left so the connection can answer
      fileStream?.destroy(); // ends the file pipeline, which closes the write stream
      const cleanup = tmpPath ? fs.rm(tmpPath, { force: true }) : Promise.resolve();
      void cleanup.finally(() => reject(err));
    };

    bb.on('field', (name, value) => {
      const list = fields.get(name) ?? [];
      list.push(value);
      fields.set(name, list);
    });
    bb.on('file', (name, stream, info) => {
      if (name !== fileField || writing) {
        ignoredFiles.push(name);
        stream.resume();
        return;
      }
      fileStream = stream;
      tmpPath = path.join(dir, `.upload-${randomUUID()}.part`);
      const sniffer = new Sniffer();
      const target = tmpPath;
      writing = pipeline(stream, sniffer, createWriteStream(target)).then(() => {
        file = { path: target, size: sniffer.size, filename: info.filename ?? 'video', mimeType: info.mimeType, head: sniffer.head };
      });
      writing.catch(fail);
    });
    bb.on('error', (err: Error) => fail(badRequest(`Malformed multipart body: ${err.message}`)));
    bb.on('close', () => {
      void (writing ?? Promise.resolve()).then(
        () => {
          if (!failed) resolve({ fields, file, ignoredFiles });
        },
        () => undefined,
      );
    });
    req.on('close', () => {
      if (!req.complete) fail(badRequest('Upload aborted by the client'));
    });
    req.pipe(bb);
  });
}
