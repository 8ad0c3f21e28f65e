#!/usr/bin/env node
// Cold start of `aikynetix-mcp` over stdio: spawn -> initialize response, and -> tools/list,
// against a baseline measured in the same run (spawning `node` to print its version). Prints a
// table of medians; rounds alternate so machine load hits both equally.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '..', 'dist', 'bin.js');
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const env = { PATH: process.env.PATH, AIKYNETIX_API_KEY: 'bench-key-0000', AIKYNETIX_BASE_URL: 'http://127.0.0.1:9' };

function baseline() {
  const t0 = performance.now();
  return new Promise((resolve) => spawn(process.execPath, ['-e', 'process.stdout.write(process.version)']).on('exit', () => resolve(performance.now() - t0)));
}

/** ms until the initialize response, and until the tools/list response. */
function coldStart() {
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN], { env, stdio: ['pipe', 'pipe', 'ignore'] });
  const send = (msg) => child.stdin.write(`${JSON.stringify(msg)}\n`);
  return new Promise((resolve) => {
    let buf = '';
    let init;
    child.stdout.on('data', (d) => {
      buf += d;
      for (;;) {
        const nl = buf.indexOf('\n');
        if (nl < 0) break;
        const msg = JSON.parse(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        if (msg.id === 1) {
          init = performance.now() - t0;
          send({ jsonrpc: '2.0', method: 'notifications/initialized' });
          send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
        } else if (msg.id === 2) {
          const list = performance.now() - t0;
          child.kill();
          resolve({ init, list, tools: msg.result.tools.length });
        }
      }
    });
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '0' } } });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = [];
const init = [];
const list = [];
let tools = 0;
for (let i = 0; i < ROUNDS; i++) {
  base.push(await baseline());
  const r = await coldStart();
  init.push(r.init);
  list.push(r.list);
  tools = r.tools;
}
const b = median(base);
const rows = [
  ['node startup (baseline)', b],
  ['aikynetix-mcp: spawn -> initialize response', median(init)],
  ['aikynetix-mcp: spawn -> tools/list response', median(list)],
];
console.log(`aikynetix-mcp cold start, median of ${ROUNDS} rounds (${tools} tools), Node ${process.version}\n`);
console.log('| measurement | ms | × baseline |\n| --- | --- | --- |');
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(0)} | ${(ms / b).toFixed(1)} |`);
