import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operations } from '@aikynetix/core';

const root = join(__dirname, '..', '..', '..');

describe('docs/mcp.md', () => {
  it('lists the tools exactly as scripts/tools-table.mjs generates them from the built server', () => {
    const r = spawnSync(process.execPath, [join(__dirname, '..', 'scripts', 'tools-table.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('has a row for every registry operation', () => {
    const md = readFileSync(join(root, 'docs', 'mcp.md'), 'utf8');
    for (const op of operations) expect(md).toContain(`| \`${op.id}\` |`);
  });
});
