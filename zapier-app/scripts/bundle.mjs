// Build: compile the TypeScript app into ONE CommonJS file, dist/index.js, with the workspace's
// @aikynetix/core inlined (it is not published to npm), while the npm packages in
// "dependencies" stay external so `npm install --production` (what Zapier's build runs)
// provides them. Type checking is the `typecheck` script's job.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(await readFile(join(app, 'package.json'), 'utf8'));
const coreSrc = join(app, '..', 'packages', 'core', 'src');

await rm(join(app, 'dist'), { recursive: true, force: true });
const result = await build({
  entryPoints: [join(app, 'src', 'index.ts')],
  outfile: join(app, 'dist', 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  // Everything from npm comes from node_modules at run time; package.json is read, not inlined.
  external: [...Object.keys(pkg.dependencies), '../package.json'],
  alias: {
    '@aikynetix/core/host': join(coreSrc, 'host.ts'),
    '@aikynetix/core/node': join(coreSrc, 'node.ts'),
    '@aikynetix/core': join(coreSrc, 'index.ts'),
  },
});

// Any bare import left in the bundle must be a declared dependency or a Node built-in.
const imports = new Set(
  Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)),
);
const declared = new Set(Object.keys(pkg.dependencies));
const undeclared = [...imports].filter(
  (p) => !p.startsWith('node:') && !p.startsWith('.') && !declared.has(p.split('/').slice(0, p.startsWith('@') ? 2 : 1).join('/')) && !isBuiltin(p),
);
function isBuiltin(p) {
  return process.getBuiltinModule?.(p) !== undefined || ['fs', 'path', 'os', 'http', 'https', 'stream', 'url', 'util', 'crypto', 'zlib', 'events', 'buffer', 'net', 'tls', 'querystring', 'assert', 'worker_threads', 'diagnostics_channel', 'async_hooks', 'perf_hooks', 'string_decoder', 'dns', 'http2', 'console', 'sqlite', 'util/types', 'stream/web', 'timers', 'process'].includes(p);
}
if (undeclared.length > 0) {
  console.error(`dist/index.js requires packages missing from "dependencies": ${undeclared.join(', ')}`);
  process.exit(1);
}
// The inlined core was written against its own pinned versions: ours must be the same.
const corePkg = JSON.parse(await readFile(join(coreSrc, '..', 'package.json'), 'utf8'));
const drift = Object.entries(corePkg.dependencies ?? {}).filter(([name, v]) => imports.has(name) && pkg.dependencies[name] !== v);
if (drift.length > 0) {
  console.error(`pin these like @aikynetix/core does: ${drift.map(([n, v]) => `${n}@${v}`).join(', ')}`);
  process.exit(1);
}
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`built dist/index.js (${(bytes / 1024).toFixed(0)} KiB incl. source map); external: ${[...imports].filter((p) => !p.startsWith('node:')).sort().join(', ')}`);
