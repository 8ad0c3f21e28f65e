#!/usr/bin/env node
// First, before the core and undici load: an unsupported Node.js gets one clear line.
import './requireNode';
import { run } from './program';

const controller = new AbortController();
let interrupts = 0;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    // first Ctrl-C stops gracefully (simulator closes, waits abort); a second one exits at once
    if (++interrupts > 1) process.exit(130);
    controller.abort(new Error(`received ${sig}`));
  });
}

run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  signal: controller.signal,
}).then(
  (code) => {
    process.exitCode = code;
    // Safety net: if a stray handle (stdin after a prompt, a socket) kept the process alive, leave anyway.
    setTimeout(() => process.exit(code), 2000).unref();
  },
  (err: unknown) => {
    process.stderr.write(`Unexpected error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
