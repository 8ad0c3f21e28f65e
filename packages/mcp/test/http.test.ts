/**
 * `aikynetix-mcp --http` as a real process, driven by the SDK's Streamable HTTP client: the bearer
 * token, loopback binding, uploads by URL only, progress over SSE.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { operations } from '@aikynetix/core';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { connectHttp, type HttpProcess, requestCount, sampleVideo, serverEnv, type Sim, spawnHttp, startSim, textOf, TOKEN } from './helpers';

// Real processes on a shared machine: allow slow starts.
jest.setTimeout(60_000);

const initialize = (url: string, headers: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
    }),
  });

describe('aikynetix-mcp --http', () => {
  let sim: Sim;
  let server: HttpProcess;
  let files: Server;
  let fileUrl: string;

  beforeAll(async () => {
    sim = await startSim();
    server = await spawnHttp(serverEnv(sim, { AIKYNETIX_MCP_TOKEN: TOKEN }));
    // A local file server, so an upload by URL can be tested without leaving loopback.
    const video = sampleVideo();
    files = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(statSync(video).size) });
      createReadStream(video).pipe(res);
    });
    await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
    fileUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/run.mp4`;
  });
  afterAll(async () => {
    await server?.stop();
    await new Promise((r) => files?.close(r));
    await sim?.close();
  });

  it('listens on loopback only, at /mcp', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
  });

  it('refuses requests without the token, or with a wrong one (401), before any API call', async () => {
    const before = requestCount(sim);
    const none = await initialize(server.url!, {});
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    const wrong = await initialize(server.url!, { authorization: 'Bearer not-the-token-000000' });
    expect(wrong.status).toBe(401);
    await expect(connectHttp(server.url!, 'another-wrong-token-123')).rejects.toThrow();
    expect(requestCount(sim)).toBe(before);
    const right = await initialize(server.url!, { authorization: `Bearer ${TOKEN}` });
    expect(right.status).toBe(200);
  });

  it('refuses a Host header that is not loopback (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(server.url!);
      const req = request(
        { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { host: 'evil.example', authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } }));
    });
    expect(status).toBe(403);
  });

  it('serves every registry operation as a tool and runs upload by URL -> wait with progress -> report', async () => {
    const client = await connectHttp(server.url!);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t._meta?.['aikynetix/operationId']).filter(Boolean).sort()).toEqual(operations.map((o) => o.id).sort());

      const before = requestCount(sim);
      const local = (await client.callTool({ name: 'upload_video', arguments: { user_id: 'ana', video: sampleVideo() } })) as CallToolResult;
      expect(local.isError).toBe(true);
      expect(textOf(local)).toContain('https URL');
      expect(requestCount(sim)).toBe(before);

      // Long enough that the wait reports "processing" before the result (see stdio.test.ts).
      sim.control.setDelays({ processingDelayMs: 1500 });
      const up = (await client.callTool({ name: 'upload_video', arguments: { user_id: 'ana', video: fileUrl } })) as CallToolResult;
      sim.control.setDelays({ processingDelayMs: 300 });
      expect(up.isError).toBeFalsy();
      const id = (up.structuredContent as { session_id: string }).session_id;
      const progress: unknown[] = [];
      const waited = (await client.callTool({ name: 'wait_for_session', arguments: { session_id: id } }, undefined, { onprogress: (p) => progress.push(p) })) as CallToolResult;
      expect(waited.structuredContent).toMatchObject({ id, status: 'processed' });
      expect(progress.length).toBeGreaterThan(0);
      const gait = (await client.callTool({ name: 'get_gait_analysis_report', arguments: { session_id: id } })) as CallToolResult;
      expect(gait.isError).toBeFalsy();
      for (const r of [up, waited, gait, local]) {
        expect(JSON.stringify(r)).not.toContain(sim.apiKey);
        expect(JSON.stringify(r)).not.toContain(TOKEN);
      }
    } finally {
      await client.close();
    }
    expect(server.stderr()).not.toContain(sim.apiKey);
    expect(server.stderr()).not.toContain(TOKEN);
  });

  it('stops a wait when the client cancels it', async () => {
    const client = await connectHttp(server.url!);
    sim.control.setDelays({ processingDelayMs: 60_000 });
    try {
      const up = (await client.callTool({ name: 'upload_video', arguments: { user_id: 'ana', video: fileUrl } })) as CallToolResult;
      const id = (up.structuredContent as { session_id: string }).session_id;
      const controller = new AbortController();
      const waiting = client.callTool({ name: 'wait_for_session', arguments: { session_id: id } }, undefined, { signal: controller.signal }).catch((e: Error) => e);
      await new Promise((r) => setTimeout(r, 500));
      controller.abort('stop');
      expect(await waiting).toBeInstanceOf(Error);
      // A check already on its way when the cancel arrived may still land; later ones must not.
      await new Promise((r) => setTimeout(r, 1000));
      const after = requestCount(sim);
      await new Promise((r) => setTimeout(r, 3000));
      expect(requestCount(sim)).toBe(after);
    } finally {
      sim.control.setDelays({ processingDelayMs: 300 });
      await client.close();
    }
  });
});

describe('aikynetix-mcp --http refuses to start unsafely', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim();
  });
  afterAll(() => sim?.close());

  it('on a non-loopback address without --allow-remote', async () => {
    const p = await spawnHttp(serverEnv(sim, { AIKYNETIX_MCP_TOKEN: TOKEN }), ['--host', '0.0.0.0']);
    expect(p.url).toBeUndefined();
    expect(p.code).toBe(2);
    expect(p.stderr()).toContain('--allow-remote');
    expect(p.stderr().trim().split('\n')).toHaveLength(1);
  });

  it('without a token', async () => {
    const p = await spawnHttp(serverEnv(sim));
    expect(p.url).toBeUndefined();
    expect(p.code).toBe(2);
    expect(p.stderr()).toContain('AIKYNETIX_MCP_TOKEN');
  });

  it('with a plain-http base URL that is not loopback, without echoing the key', async () => {
    const p = await spawnHttp(serverEnv(sim, { AIKYNETIX_MCP_TOKEN: TOKEN, AIKYNETIX_BASE_URL: 'http://api.example.com' }));
    expect(p.code).toBe(2);
    expect(p.stderr()).toContain('https');
    expect(p.stderr()).not.toContain(sim.apiKey);
  });
});
