// The one require hook that lets plain node load the repo's TypeScript (the demo's surfaces, the
// benchmarks' n8n harness, scripts/ops-table.mjs): each .ts file is compiled with swc on require,
// as jest does through shared/jest.preset.js. Type checking stays the `typecheck` task's job.
'use strict';
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const swc = Module.createRequire(path.join(__dirname, '..', 'package.json'))('@swc/core');

function compileTs(module, filename) {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
    filename,
    module: { type: 'commonjs' },
    jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022' },
  });
  module._compile(code, filename);
}

if (Module._extensions['.ts'] !== compileTs) {
  // '.ts' must be tried first, as jest and tsc do: n8n nodes keep a codex `X.node.json` beside
  // `X.node.ts`, and `require('./X.node')` must find the code.
  const others = Object.entries(Module._extensions).filter(([ext]) => ext !== '.ts');
  for (const [ext] of others) delete Module._extensions[ext];
  Module._extensions['.ts'] = compileTs;
  for (const [ext, loader] of others) Module._extensions[ext] = loader;
}
