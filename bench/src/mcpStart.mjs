// Cold start of `aikynetix-mcp` over stdio: spawn -> initialize response, and -> tools/list,
// against a baseline measured in the same run (spawning `node` to print its version). Rounds
// alternate so machine load hits both equally.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fmt, table } from './lib/markdown.mjs';
import { at } from './lib/paths.mjs';

const BIN = at('packages', 'mcp', 'dist', 'bin.js');
// A closed port: nothing is called at start-up, so the base URL is never reached.
const ENV = { PATH: process.env.PATH, AIKYNETIX_API_KEY: 'bench-key-0000', AIKYNETIX_BASE_URL: 'http://127.0.0.1:9' };

function baseline() {
  const t0 = performance.now();
  return new Promise((resolve) => spawn(process.execPath, ['-e', 'process.stdout.write(process.version)']).on('exit', () => resolve(performance.now() - t0)));
}

/** ms until the initialize response, and until the tools/list response. */
function coldStart() {
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN], { env: ENV, stdio: ['pipe', 'pipe', 'ignore'] });
  const send = (msg) => child.stdin.write(`${JSON.stringify(msg)}\n`);
  return new Promise((resolve, reject) => {
    let buf = '';
    let init;
    child.once('exit', (code) => reject(new Error(`aikynetix-mcp exited (${code}) before answering`)));
    child.stdout.on('data', (d) => {
      buf += d;
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const msg = JSON.parse(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        if (msg.id === 1) {
          init = performance.now() - t0;
          send({ jsonrpc: '2.0', method: 'notifications/initialized' });
          send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
        } else if (msg.id === 2) {
          const list = performance.now() - t0;
          child.removeAllListeners('exit');
          child.kill();
          resolve({ init, list, tools: msg.result.tools.length });
        }
      }
    });
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '0' } } });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The MCP server's cold start over stdio, median of `rounds`, as a markdown section. */
export async function mcpStartBench({ log = console.error, rounds = 7 } = {}) {
  if (!existsSync(BIN)) throw new Error(`not built (${path.relative(at(), BIN)} missing)`);
  log(`mcp: cold start over stdio, ${rounds} rounds`);
  const base = [];
  const init = [];
  const list = [];
  let tools = 0;
  for (let i = 0; i < rounds; i++) {
    base.push(await baseline());
    const r = await coldStart();
    init.push(r.init);
    list.push(r.list);
    tools = r.tools;
  }
  const b = median(base);
  const rows = [
    ['node start-up (baseline)', b],
    ['aikynetix-mcp: spawn → initialize response', median(init)],
    [`aikynetix-mcp: spawn → tools/list response (${tools} tools)`, median(list)],
  ].map(([name, ms]) => [name, fmt(ms, 0), `${fmt(ms / b, 1)}x`]);
  return [
    '## MCP server start-up',
    '',
    `What an AI client waits for when it launches \`aikynetix-mcp\` over stdio: median of ${rounds} rounds, each alternating with the baseline (a fresh \`node\` printing its version).`,
    '',
    table(['measurement', 'ms', 'vs baseline'], rows),
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  process.stdout.write(`${await mcpStartBench({ rounds: Number(process.env.ROUNDS ?? 7) })}\n`);
}
