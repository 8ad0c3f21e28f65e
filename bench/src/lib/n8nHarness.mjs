// Loads the n8n helper's engine harness (n8n-nodes/harness, TypeScript) outside jest: through the
// repo's one swc require hook (shared/swc-register.cjs), and the n8n-core settings of harness/env.ts, with
// user folder (binary data store) on tmpfs when there is one. Call before anything loads n8n-core.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { at } from './paths.mjs';

export const HARNESS = at('n8n-nodes', 'harness');

/** The harness modules ({ engine, workflow }), or throws when the harness is not there. */
export function loadN8nHarness() {
  if (!existsSync(path.join(HARNESS, 'engine.ts'))) throw new Error('n8n-nodes/harness/engine.ts is missing');
  createRequire(import.meta.url)('../../../shared/swc-register.cjs');
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
