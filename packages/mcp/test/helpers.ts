import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '@aikynetix/simulator';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** The built server (the turbo `test` task runs after `build`). */
export const BIN = join(__dirname, '..', 'dist', 'bin.js');
/** A token for the HTTP transport in tests. */
export const TOKEN = 'test-token-0123456789abcdef';

export type Sim = Awaited<ReturnType<typeof start>>;

/** The simulator with fast processing. */
export function startSim(): Promise<Sim> {
  return start({ port: 0, processingDelayMs: 300, genAiDelayMs: 200 });
}

/** A small file the simulator accepts as MP4 (`ftyp` at offset 4). */
export function sampleVideo(bytes = 300 * 1024): string {
  const dir = mkdtempSync(join(tmpdir(), 'aikynetix-mcp-'));
  const buf = Buffer.alloc(bytes, 7);
  buf.writeUInt32BE(24, 0);
  buf.write('ftypisom', 4, 'latin1');
  const path = join(dir, 'run.mp4');
  writeFileSync(path, buf);
  return path;
}

/** Total API requests the simulator has seen. */
export const requestCount = (sim: Sim) => sim.control.stats().totalRequests;

/** The environment the server runs with: the simulator and its key, nothing inherited but PATH. */
export function serverEnv(sim: Sim, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', AIKYNETIX_BASE_URL: sim.url, AIKYNETIX_API_KEY: sim.apiKey, ...extra };
}

/** A connected SDK client and everything the server wrote to stderr. */
export interface Connected {
  client: Client;
  stderr: () => string;
  close(): Promise<void>;
}

/** Spawns the built bin over stdio and connects the SDK's own client to it. */
export async function connectStdio(env: Record<string, string>): Promise<Connected> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN], env, stderr: 'pipe' });
  let err = '';
  transport.stderr?.on('data', (d) => (err += d));
  const client = new Client({ name: 'aikynetix-test', version: '0.0.0' });
  await client.connect(transport);
  return { client, stderr: () => err, close: () => client.close() };
}

/** A spawned `aikynetix-mcp --http` process, once it listens (or its exit, if it refused). */
export interface HttpProcess {
  child: ChildProcess;
  url?: string;
  code?: number | null;
  stderr: () => string;
  stop(): Promise<void>;
}

/** Spawns the bin with --http and waits for its "serving" line (or its exit). */
export function spawnHttp(env: Record<string, string>, args: string[] = []): Promise<HttpProcess> {
  const child = spawn(process.execPath, [BIN, '--http', '--port', '0', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve) => {
    child.stderr!.on('data', (d) => {
      err += d;
      const url = /at (http:\/\/\S+\/mcp)/.exec(err)?.[1];
      if (url) resolve({ child, url, stderr: () => err, stop });
    });
    void exited.then((code) => resolve({ child, code, stderr: () => err, stop }));
  });
}

/** Connects the SDK's Streamable HTTP client with a bearer token. */
export async function connectHttp(url: string, token: string | undefined = TOKEN): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } },
  });
  const client = new Client({ name: 'aikynetix-test', version: '0.0.0' });
  await client.connect(transport);
  return client;
}

/** The text of a tool result. */
export const textOf = (r: CallToolResult | Record<string, unknown>) =>
  ((r.content ?? []) as Array<{ type: string; text?: string }>).map((c) => c.text ?? '').join('\n');
