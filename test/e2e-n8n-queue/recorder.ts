// The end of every test workflow: an HTTP server on loopback that n8n's HTTP Request node posts
// each finished item to. It counts deliveries per session, so "exactly once" is checked where
// the user's own system (a sheet, a CRM) would receive the result.
import { createServer, type Server } from 'node:http';

/** One delivery as the workflow posted it. */
export interface Delivery {
  session_id: string;
  execution_id?: string;
  path: string;
  at: number;
  body: Record<string, unknown>;
}

/** A running recorder and what it received. */
export class Recorder {
  readonly deliveries: Delivery[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** Starts on a free loopback port. */
  static async start(): Promise<Recorder> {
    let recorder: Recorder | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        } catch {
          body = { unparsable: true };
        }
        recorder!.deliveries.push({
          session_id: String(body.session_id ?? ''),
          execution_id: body.execution_id === undefined ? undefined : String(body.execution_id),
          path: req.url ?? '/',
          at: Date.now(),
          body,
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    recorder = new Recorder(server, `http://127.0.0.1:${port}`);
    return recorder;
  }

  /** Deliveries to one path (each workflow posts to its own). */
  on(path: string): Delivery[] {
    return this.deliveries.filter((d) => d.path === path);
  }

  /** How many times each session arrived on a path. */
  counts(path: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const d of this.on(path)) counts.set(d.session_id, (counts.get(d.session_id) ?? 0) + 1);
    return counts;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
