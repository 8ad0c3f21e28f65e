// Lets a demo surface load TypeScript (the n8n engine harness) by compiling it with swc on require.
'use strict';
const { readFileSync } = require('node:fs');
const swc = require('@swc/core');

const exts = require.extensions;
// `.ts` must be tried before `.json`: n8n nodes keep a codex `X.node.json` beside `X.node.ts`,
// and `require('./X.node')` must find the code, as jest and tsc do.
const { '.json': json, '.node': native } = exts;
delete exts['.json'];
delete exts['.node'];
exts['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
    filename,
    module: { type: 'commonjs' },
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  });
  module._compile(code, filename);
};
exts['.json'] = json;
exts['.node'] = native;
