#!/usr/bin/env node
// `pnpm bench` (after `turbo run build`): runs the @aikynetix/bench package and regenerates
// docs/benchmarks.md. Extra arguments go to bench/src/run.mjs (e.g. --only poll --sizes 1).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const partial = args.includes('--only') || args.includes('--sizes') || args.includes('--reps');
const out = partial ? [] : ['--out', path.join(root, 'docs', 'benchmarks.md')];
if (partial) process.stderr.write('partial run: docs/benchmarks.md is left unchanged\n');
const r = spawnSync(process.execPath, [path.join(root, 'bench', 'src', 'run.mjs'), ...out, ...args], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
