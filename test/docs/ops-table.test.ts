import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operations } from '@aikynetix/core';

const root = join(__dirname, '..', '..');

describe('docs/operations.md', () => {
  it('is what scripts/ops-table.mjs generates from the registry and both adapters', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'ops-table.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).not.toContain('out of date');
    expect(r.status).toBe(0);
  });

  it('lists every registry operation, each with an n8n operation', () => {
    const md = readFileSync(join(root, 'docs', 'operations.md'), 'utf8');
    for (const op of operations) {
      const row = md.split('\n').find((l) => l.startsWith(`| \`${op.id}\` |`));
      expect(row).toBeDefined();
      const n8nCell = row!.split(' | ')[5];
      expect(n8nCell).not.toBe('—');
    }
  });
});
