// Where the built workspace artifacts live, resolved from this file (the bench runs from any cwd).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const at = (...parts) => path.join(REPO, ...parts);

/** require() as seen from a workspace package, so each surface loads its own pinned dependencies. */
export const requireFrom = (pkgDir) => createRequire(path.join(REPO, pkgDir, 'package.json'));

export const CORE_DIST = at('packages', 'core', 'dist', 'index.js');
export const SIM_BIN = at('packages', 'simulator', 'dist', 'bin.js');
export const ZAPIER_INDEX = at('zapier-app', 'index.js');
export const N8N_DIST = at('n8n-nodes', 'dist');
