// Lint step: the compiled app definition must satisfy zapier-platform-schema, offline. Run
// after `build` (it loads dist/ exactly as Zapier would load the package root).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.NODE_ENV ||= 'test'; // quiets zapier-platform-core's per-run memory log line
const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(app, 'package.json'));
const zapier = require('zapier-platform-core');
const definition = require(app);

// zapier-platform-core's own "validate" command (what `zapier-platform validate` runs locally):
// compile the app, replace functions by references, validate against zapier-platform-schema.
const handler = zapier.createAppHandler(definition);
const errors = await new Promise((resolve, reject) =>
  handler({ command: 'validate', platformVersion: zapier.version }, {}, (err, res) => (err ? reject(err) : resolve(res.results))),
);
if (errors.length > 0) {
  for (const e of errors) console.error(`${e.property}: ${e.message}`);
  process.exit(1);
}
const count = (o) => Object.keys(o ?? {}).length;
console.log(
  `app definition valid (zapier-platform-schema ${require('zapier-platform-schema/package.json').version}): ` +
    `${count(definition.triggers)} triggers, ${count(definition.searches)} searches, ${count(definition.creates)} creates`,
);
