// Copies the repository's docs/openapi.json into the package so the published simulator can
// validate requests without the repository around it.
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.resolve(pkg, '..', '..', 'docs', 'openapi.json');
if (existsSync(source)) {
  copyFileSync(source, path.join(pkg, 'openapi.json'));
} else if (!existsSync(path.join(pkg, 'openapi.json'))) {
  console.warn(`warning: ${source} not found; the simulator will run without request validation`);
}
