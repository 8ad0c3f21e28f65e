// Packaging check: build the app exactly as Zapier's own `zapier-platform build` does (copy,
// `npm install --production` from the registry, esbuild dependency detection, zip, then load
// the zip's entry points), run it on the Node this package pins (22), and report sizes.
// Prints a table, then one JSON line (the last line) for test/packaging.test.ts.
// --keep leaves the prepared package (with build/build.zip) in place for `zapier-platform upload`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath; // package scripts run on the pinned node 22 (node_modules/.bin first)
const cli = join(app, 'node_modules', 'zapier-platform-cli', 'src', 'bin', 'run');
const work = mkdtempSync(join(tmpdir(), 'aikynetix-zapier-pack-'));
// npm must run as this machine's own npm with its own config (registry CA file etc.): drop what
// pnpm injects into scripts (npm_config_globalconfig points at pnpm's rc) and the package-local
// node_modules/.bin entries (whose Node has no etc/npmrc). The app itself still loads on `node`.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(npm|pnpm)_(config|lifecycle|package|execpath|node_execpath|command)/i.test(k)),
);
env.PATH = (process.env.PATH ?? '')
  .split(':')
  .filter((p) => !p.includes('node_modules'))
  .join(':');
Object.assign(env, { DISABLE_ZAPIER_ANALYTICS: '1', NO_UPDATE_NOTIFIER: '1', CI: '1' });
const keep = process.argv.includes('--keep');
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Total bytes and file count under a directory (symlinks not followed). */
function du(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      bytes += statSync(join(entry.parentPath, entry.name)).size;
      files++;
    }
  }
  return { bytes, files };
}

const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;

try {
  if (!process.argv.includes('--no-build')) sh(node, [join(app, 'scripts', 'bundle.mjs')], app);

  // 1. What the package publishes (files: index.js, dist), as `npm pack` makes it.
  const [packed] = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', work], app));
  sh('tar', ['-xzf', join(work, packed.filename), '-C', work], work);
  const pkgDir = join(work, 'package');
  // A production install never sees devDependencies (ours use the workspace: protocol npm cannot read).
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  delete pkg.devDependencies;
  delete pkg.scripts;
  writeFileSync(join(pkgDir, 'package.json'), JSON.stringify(pkg, null, 2));
  // The CLI insists on an installed zapier-platform-core before it builds, as after `npm install`.
  sh('npm', ['install', '--omit=dev', '--no-audit', '--no-fund'], pkgDir);

  // 2. Zapier's build: temp copy + `npm install --production`, definition.json, smart zip, and a
  //    load test of zapierwrapper.js and index.js from the unzipped build (with this Node).
  //    --skip-validation only skips the remote style check, which needs a Zapier login.
  const started = Date.now();
  sh(node, [cli, 'build', '--skip-validation'], pkgDir);
  const buildMs = Date.now() - started;
  const zip = join(pkgDir, 'build', 'build.zip');
  const zipBytes = statSync(zip).size;

  // 3. Unzip and load it ourselves: definition, schema validation, Node version.
  const unzipped = join(work, 'unzipped');
  sh('unzip', ['-q', zip, '-d', unzipped], work);
  const probe = `
    const zapier = require('zapier-platform-core');
    const app = require('./index.js');
    const wrapper = require('./zapierwrapper.js');
    const { validateAppDefinition } = require('zapier-platform-schema');
    const def = require('./definition.json');
    const count = (o) => Object.keys(o || {}).length;
    console.log(JSON.stringify({
      node: process.version,
      platformVersion: zapier.version,
      appVersion: app.version,
      handler: typeof wrapper.handler,
      triggers: count(app.triggers), searches: count(app.searches), creates: count(app.creates),
      schemaErrors: validateAppDefinition(def).errors.length,
    }));`;
  const loaded = JSON.parse(sh(node, ['-e', probe], unzipped).trim().split('\n').pop());
  const size = du(unzipped);
  const deps = readdirSync(join(unzipped, 'node_modules')).filter((n) => !n.startsWith('.'));
  const result = { ...loaded, zipBytes, unzippedBytes: size.bytes, files: size.files, topLevelModules: deps.length, buildMs };

  const rows = [
    ['Node running the build', loaded.node],
    ['zapier-platform-core', loaded.platformVersion],
    ['build.zip', mb(zipBytes)],
    ['unzipped', `${mb(size.bytes)} in ${size.files} files`],
    ['node_modules (top level)', `${deps.length} packages`],
    ['triggers / searches / creates', `${loaded.triggers} / ${loaded.searches} / ${loaded.creates}`],
    ['definition.json schema errors', String(loaded.schemaErrors)],
    ['build time', `${(buildMs / 1000).toFixed(1)} s`],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log('\nZapier build of aikynetix-zapier (production dependencies only)');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
  if (keep) console.log(`\nkept: ${pkgDir} (copy your linked .zapierapprc there, then run zapier-platform upload)`);
  console.log(JSON.stringify(result));
} catch (err) {
  const out = [err.stdout, err.stderr].filter(Boolean).join('\n');
  console.error(`packaging check failed: ${err.message}\n${out}`);
  process.exitCode = 1;
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}
