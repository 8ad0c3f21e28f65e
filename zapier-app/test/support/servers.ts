import { createReadStream, statSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running local HTTP server and what it saw. */
export interface Recorded {
  url: string;
  requests: Array<{ method: string; url: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

function closer(server: Server): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    });
}

/**
 * A stand-in for the host a Zapier file lives on (Drive, S3, Zapier's hydration URL): serves
 * one file with Content-Length and Content-Disposition, and records every request's headers.
 */
export async function fileHost(path: string, filename: string, status = 200): Promise<Recorded> {
  const requests: Recorded['requests'] = [];
  const size = statSync(path).size;
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (status !== 200) {
      res.writeHead(status, { 'content-type': 'text/plain' }).end('no such file');
      return;
    }
    res.writeHead(200, {
      'content-type': 'video/mp4',
      'content-length': String(size),
      'content-disposition': `attachment; filename="${filename}"`,
    });
    createReadStream(path).pipe(res);
  });
  return { url: await listen(server), requests, close: closer(server) };
}

/**
 * A transparent recording proxy in front of the simulator: lets a test see the exact headers
 * the app sent to the API (auth style, Content-Length vs chunked upload).
 */
export async function recordingProxy(target: string): Promise<Recorded> {
  const requests: Recorded['requests'] = [];
  const t = new URL(target);
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const upstream = request(
      { host: t.hostname, port: t.port, method: req.method, path: req.url, headers: { ...req.headers, host: t.host } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return { url: await listen(server), requests, close: closer(server) };
}
