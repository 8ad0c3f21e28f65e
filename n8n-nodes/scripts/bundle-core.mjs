// Makes dist/ self-contained, as n8n community packages must be (no runtime dependencies):
// bundles @aikynetix/core (with zod) once into dist/vendor/aikynetix-core.js and points the
// compiled nodes at it. Then checks that dist requires nothing but n8n-workflow, Node built-ins
// and its own files; undici in particular must never be loaded inside n8n.
import { build } from 'esbuild';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const vendorFile = path.join(dist, 'vendor', 'aikynetix-core.js');
const CORE = '@aikynetix/core/host';

await build({
  entryPoints: [CORE],
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

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const allowed = (spec) => spec.startsWith('.') || spec === 'n8n-workflow' || builtins.has(spec);
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
console.log(`bundled ${CORE} into dist/vendor/aikynetix-core.js (${(size / 1024).toFixed(0)} KiB); dist requires only n8n-workflow and Node built-ins`);
