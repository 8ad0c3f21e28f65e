// Loads the n8n helper's engine harness (n8n-nodes/test/harness, TypeScript) outside jest: the same
// swc transform jest uses, as a require hook, and the n8n-core settings of harness/env.ts, with the
// user folder (binary data store) on tmpfs when there is one. Call before anything loads n8n-core.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { at, REPO } from './paths.mjs';

export const HARNESS = at('n8n-nodes', 'test', 'harness');

/** The harness modules ({ engine, workflow }), or throws when the harness is not there. */
export function loadN8nHarness() {
  if (!existsSync(path.join(HARNESS, 'engine.ts'))) throw new Error('n8n-nodes/test/harness/engine.ts is missing');
  const swc = createRequire(path.join(REPO, 'package.json'))('@swc/core');
  const compileTs = function compileTs(module, filename) {
    const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
      filename,
      jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true } },
      module: { type: 'commonjs' },
    });
    module._compile(code, filename);
  };
  // '.ts' must be tried first, as jest does: `Aikynetix.node` has a codex `.node.json` beside its `.node.ts`.
  const others = Object.entries(Module._extensions).filter(([ext]) => ext !== '.ts');
  for (const [ext] of others) delete Module._extensions[ext];
  Module._extensions['.ts'] = compileTs;
  for (const [ext, loader] of others) Module._extensions[ext] = loader;
  const base = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const userFolder = mkdtempSync(path.join(base, 'aikynetix-bench-n8n-'));
  process.on('exit', () => rmSync(userFolder, { recursive: true, force: true }));
  Object.assign(process.env, {
    N8N_USER_FOLDER: userFolder,
    N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
    N8N_ENCRYPTION_KEY: 'aikynetix-bench',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_LOG_LEVEL: 'silent',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
  });
  const require = createRequire(path.join(HARNESS, 'engine.ts'));
  return { engine: require('./engine.ts'), workflow: require('./workflow.ts'), credentials: require('./credentials.ts'), userFolder };
}
