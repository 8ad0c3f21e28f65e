/**
 * A throwaway copy of the parts of the repository an operation flows through — the core's
 * sources, the n8n package's nodes, the docs generator — runnable from TypeScript sources with
 * the repo's swc hook, and with `@aikynetix/core` pointing at the copied core. Nothing is built.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** The folders copied: the registry's whole path to the client, the n8n node and the docs table. */
const COPIED = ['packages/core/src', 'n8n-nodes/nodes', 'n8n-nodes/package.json', 'zapier-app/src', 'scripts/ops-table.mjs', 'shared/swc-register.cjs', 'packages/mcp/src/tools/names.ts'];

/** Where a dependency really lives, found from the package that depends on it. */
function packageDir(from: string, name: string): string {
  return dirname(require.resolve(`${name}/package.json`, { paths: [join(root, from)] }));
}

export interface RegistryCopy {
  dir: string;
  /** Applies a text edit to one copied file (throws when the anchor is missing). */
  edit(file: string, anchor: string, replacement: string): void;
  remove(): void;
}

/** Copies the repository parts into a fresh temporary folder. */
export function copyRepository(): RegistryCopy {
  const dir = mkdtempSync(join(tmpdir(), 'aikynetix-registry-copy-'));
  for (const part of COPIED) cpSync(join(root, part), join(dir, part), { recursive: true });
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'package.json'), '{"private": true}\n');
  // The copied core answers to its package name, from its TypeScript sources.
  writeFileSync(
    join(dir, 'packages/core/package.json'),
    JSON.stringify({ name: '@aikynetix/core', exports: { '.': './src/index.ts', './host': './src/host.ts' } }),
  );
  for (const scope of ['@aikynetix', '@swc']) mkdirSync(join(dir, 'node_modules', scope), { recursive: true });
  symlinkSync(join(dir, 'packages/core'), join(dir, 'node_modules/@aikynetix/core'));
  symlinkSync(packageDir('packages/core', 'zod'), join(dir, 'node_modules/zod'));
  symlinkSync(packageDir('n8n-nodes', 'n8n-workflow'), join(dir, 'node_modules/n8n-workflow'));
  symlinkSync(packageDir('.', '@swc/core'), join(dir, 'node_modules/@swc/core'));
  return {
    dir,
    edit(file, anchor, replacement) {
      const path = join(dir, file);
      const text = readFileSync(path, 'utf8');
      if (!text.includes(anchor)) throw new Error(`${file} no longer contains ${JSON.stringify(anchor)}`);
      writeFileSync(path, text.replace(anchor, replacement));
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
