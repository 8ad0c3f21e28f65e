import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';

export interface ParsedUpload {
  headers: IncomingHttpHeaders;
  rawBytes: number;
  fields: Array<[string, string]>;
  files: Array<{ field: string; filename: string; mimeType: string; data: Buffer }>;
}

/** A real HTTP server that parses multipart bodies with busboy and records what arrived. */
export async function startMultipartServer(): Promise<{ url: string; uploads: ParsedUpload[]; close(): Promise<void> }> {
  const uploads: ParsedUpload[] = [];
  const server: Server = createServer((req, res) => {
    const upload: ParsedUpload = { headers: req.headers, rawBytes: 0, fields: [], files: [] };
    req.on('data', (chunk: Buffer) => {
      upload.rawBytes += chunk.length;
    });
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', preservePath: true });
    } catch (err) {
      res.writeHead(400).end(String(err));
      return;
    }
    parser.on('field', (name, value) => upload.fields.push([name, value]));
    parser.on('file', (field, stream, info) => {
      const parts: Buffer[] = [];
      stream.on('data', (d: Buffer) => parts.push(d));
      stream.on('end', () =>
        upload.files.push({ field, filename: info.filename, mimeType: info.mimeType, data: Buffer.concat(parts) }),
      );
    });
    parser.on('error', (err) => {
      res.writeHead(400).end(String(err));
    });
    parser.on('close', () => {
      uploads.push(upload);
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    req.pipe(parser);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/upload`,
    uploads,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
