import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server does for one request. */
export type Step =
  | { status: number; headers?: Record<string, string>; body?: string | object }
  | { reset: true } // destroy the socket without answering
  | { hang: true } // never answer
  | ((req: RecordedRequest, res: ServerResponse) => void);

/** A request as the server saw it. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/**
 * A real HTTP server answering from a script of steps (the last step repeats). Used for fault
 * paths a real API can't be made to produce on demand; the happy paths use the simulator.
 */
export async function scriptedServer(steps: Step[]) {
  const requests: RecordedRequest[] = [];
  const script = [...steps];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec: RecordedRequest = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(rec);
      const step = script.length > 1 ? script.shift()! : script[0];
      if (typeof step === 'function') return step(rec, res);
      if ('reset' in step) return req.socket.destroy();
      if ('hang' in step) return;
      const body = typeof step.body === 'object' ? JSON.stringify(step.body) : (step.body ?? '');
      res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
      res.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
