#!/usr/bin/env node
// Writes the tool list into docs/mcp.md (between the tools:start / tools:end markers) from the
// built server's own tool definitions, which derive from the core registry.
// `--check` exits 1 when the committed list is out of date (test/docs.test.ts runs it).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const target = join(root, 'docs', 'mcp.md');
const require = createRequire(import.meta.url);
const { allTools } = require(join(here, '..', 'dist', 'index.js'));

const hints = (a) =>
  [a.readOnlyHint ? 'read-only' : 'writes', a.destructiveHint ? 'destructive' : '', a.idempotentHint ? 'idempotent' : 'not idempotent']
    .filter(Boolean)
    .join(', ');
const cell = (s) => s.replace(/\|/g, '\\|');

const tools = allTools('stdio');
const rows = tools.map((t) => `| \`${t.name}\` | ${t.operationId ? `\`${t.operationId}\`` : 'workflow'} | ${hints(t.annotations)} | ${cell(t.description)} |`);
const block = [
  '| tool | operation | annotations | description (as the model reads it) |',
  '| --- | --- | --- | --- |',
  ...rows,
  '',
  `${tools.length} tools: ${tools.filter((t) => t.operationId).length} operations and ${tools.filter((t) => !t.operationId).length} waiting workflows.`,
].join('\n');

const START = /<!-- tools:start[^>]*-->/;
const END = '<!-- tools:end -->';
const current = readFileSync(target, 'utf8');
const start = current.match(START);
const endAt = current.indexOf(END);
if (!start || endAt < 0) {
  console.error('docs/mcp.md has no tools:start / tools:end markers');
  process.exit(1);
}
const head = current.slice(0, start.index + start[0].length);
const next = `${head}\n${block}\n${current.slice(endAt)}`;

if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('docs/mcp.md tool list is out of date: run `node packages/mcp/scripts/tools-table.mjs`');
    process.exit(1);
  }
  console.log('docs/mcp.md tool list is up to date');
} else {
  writeFileSync(target, next);
  console.log(`wrote the tool list into ${target}`);
}
