// `typecheck` for the bench package: plain ESM scripts, so a syntax check of every file.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here, { recursive: true }).filter((f) => f.endsWith('.mjs')).map((f) => path.join(here, f));
for (const f of files) execFileSync(process.execPath, ['--check', f], { stdio: 'inherit' });
console.log(`${files.length} bench scripts parse`);
