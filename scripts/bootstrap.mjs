#!/usr/bin/env node
// Entry point of the README commands. Runs on the machine's Node (20+) with npm only:
// installs the workspace with a pinned pnpm, then runs the task with the repo's own Node 24
// (the `node` devDependency is first on PATH inside every pnpm script).
import { spawnSync } from 'node:child_process';

const PNPM = 'pnpm@10.34.9';
const task = process.argv[2];
if (!task) {
  console.error('usage: node scripts/bootstrap.mjs <pnpm-script>');
  process.exit(2);
}
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
function pnpm(args) {
  const r = spawnSync('npx', ['--yes', PNPM, ...args], { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
pnpm(['install', '--frozen-lockfile=false', '--reporter=append-only']);
pnpm(['run', task]);
