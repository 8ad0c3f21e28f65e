import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLoopbackHost } from '@aikynetix/core';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';

/** Where the MCP endpoint lives. */
export const MCP_PATH = '/mcp';
/** Largest JSON-RPC body accepted (tool arguments are small; videos travel by URL). */
const MAX_BODY = 1024 * 1024;
/** Most concurrent MCP sessions; each holds a server instance. At the cap the least recently used goes. */
const MAX_SESSIONS = 64;
/** Sessions idle this long are closed (clients often never send DELETE). */
const IDLE_MS = 30 * 60 * 1000;

export interface HttpOptions {
  host: string;
  port: number;
  token: string;
  /** A fresh MCP server per session (each SDK server serves one transport). */
  newServer: () => Server;
  log: (line: string) => void;
}

/** A running HTTP transport. */
export interface HttpHandle {
  url: string;
  close(): Promise<void>;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw Object.assign(new Error('Request body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw Object.assign(new Error('Request body is not valid JSON'), { status: 400 });
  }
}

/**
 * Serves MCP over Streamable HTTP at /mcp. Every request must carry `Authorization: Bearer
 * <token>`; the token is compared in constant time. When bound to loopback, Host headers other
 * than loopback names are refused too (DNS rebinding). One SDK transport and server per session.
 */
export async function startHttp(opts: HttpOptions): Promise<HttpHandle> {
  const expected = digest(opts.token);
  const sessions = new Map<string, { transport: StreamableHTTPServerTransport; lastSeen: number }>();
  const closeSession = (id: string) => {
    const s = sessions.get(id);
    sessions.delete(id);
    void s?.transport.close().catch(() => undefined);
  };
  const sweep = setInterval(() => {
    for (const [id, s] of sessions) if (Date.now() - s.lastSeen > IDLE_MS) closeSession(id);
  }, 60_000).unref();
  const loopbackOnly = isLoopbackHost(opts.host);
  let allowedHosts: string[] | undefined;

  const authorised = (req: IncomingMessage): boolean => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    return match !== null && timingSafeEqual(digest(match[1]), expected);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== MCP_PATH) return sendError(res, 404, `Not found: the MCP endpoint is ${MCP_PATH}`);
    if (!authorised(req)) {
      return sendError(res, 401, 'Missing or wrong bearer token: send Authorization: Bearer <token>, the token the server was started with', {
        'www-authenticate': 'Bearer',
      });
    }
    const sessionId = req.headers['mcp-session-id'];
    const existing = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
    if (existing) {
      existing.lastSeen = Date.now();
      return existing.transport.handleRequest(req, res);
    }
    if (sessionId !== undefined) return sendError(res, 404, 'Unknown or expired MCP session: initialize a new one');
    if (req.method !== 'POST') return sendError(res, 400, 'Start with an initialize request (POST)');
    const body = await readJson(req);
    if (!isInitializeRequest(body)) return sendError(res, 400, 'No session: the first request must be initialize');
    if (sessions.size >= MAX_SESSIONS) {
      const oldest = [...sessions].sort((a, b) => a[1].lastSeen - b[1].lastSeen)[0][0];
      closeSession(oldest);
    }
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, { transport, lastSeen: Date.now() });
      },
      enableDnsRebindingProtection: loopbackOnly,
      allowedHosts,
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await opts.newServer().connect(transport);
    await transport.handleRequest(req, res, body);
  };

  const server: HttpServer = createServer((req, res) => {
    handle(req, res).catch((err: { status?: number; message?: string }) => {
      // Request-level problems (too large, not JSON) go back to the client; anything else is ours.
      if (!err.status) opts.log(`HTTP request failed: ${String(err.message ?? err).split('\n')[0]}`);
      if (!res.headersSent) sendError(res, err.status ?? 500, err.status ? String(err.message) : 'Internal error');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  allowedHosts = loopbackOnly ? ['127.0.0.1', 'localhost', '[::1]', opts.host].flatMap((h) => [h, `${h}:${port}`]) : undefined;
  return {
    url: `http://${hostForUrl}:${port}${MCP_PATH}`,
    async close() {
      clearInterval(sweep);
      await Promise.all([...sessions.values()].map((s) => s.transport.close().catch(() => undefined)));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
