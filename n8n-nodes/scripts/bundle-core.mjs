// Makes dist/ self-contained, as n8n community packages must be (no runtime dependencies):
// bundles @aikynetix/core (with zod) once into dist/vendor/aikynetix-core.js and points the
// compiled nodes at it. The host entry has no timers, file access, Node streams or networking
// library (n8n's verification scan rejects them). Then checks that dist requires nothing but what
// that scan allows us: n8n-workflow, Node's crypto and its own files.
import { build } from 'esbuild';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const vendorFile = path.join(dist, 'vendor', 'aikynetix-core.js');
const CORE = '@aikynetix/core/host';
// Bundled from the TypeScript source: as ES modules, esbuild keeps only the zod it uses (not,
// say, zod's JSON Schema generator, which logs to the console).
const coreSource = path.join(path.dirname(createRequire(import.meta.url).resolve('@aikynetix/core/package.json')), 'src', 'host.ts');

await build({
  entryPoints: [coreSource],
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: vendorFile,
  legalComments: 'none',
  logLevel: 'warning',
});

function jsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return jsFiles(full);
    return name.endsWith('.js') ? [full] : [];
  });
}

const allowed = (spec) => spec.startsWith('.') || ['n8n-workflow', 'crypto', 'node:crypto'].includes(spec);
const problems = [];
for (const file of jsFiles(dist)) {
  let code = readFileSync(file, 'utf8');
  if (file !== vendorFile) {
    let rel = path.relative(path.dirname(file), vendorFile).replace(/\\/g, '/').replace(/\.js$/, '');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    const rewritten = code.split(`require("${CORE}")`).join(`require("${rel}")`);
    if (rewritten !== code) writeFileSync(file, rewritten);
    code = rewritten;
  }
  for (const [, spec] of code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)) {
    if (!allowed(spec)) problems.push(`${path.relative(root, file)} requires "${spec}"`);
  }
}
if (problems.length > 0) {
  console.error(`dist is not self-contained:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const size = statSync(vendorFile).size;
console.log(`bundled ${CORE} into dist/vendor/aikynetix-core.js (${(size / 1024).toFixed(0)} KiB); dist requires only n8n-workflow and node:crypto`);
