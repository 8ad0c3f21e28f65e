import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fmt, median, table } from './lib/markdown.mjs';
import { at, CORE_DIST, N8N_DIST, requireFrom, ZAPIER_INDEX } from './lib/paths.mjs';

const RUNS = 5;

/** Wall time (ms) of `node -e <code>` in a fresh process, median of RUNS. */
function coldMs(code) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['-e', code], { stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(r.stderr.toString().split('\n').slice(0, 6).join(' '));
    times.push(ms);
  }
  return median(times);
}

/** `npm pack --dry-run --json` of a package folder: tarball and unpacked size, file count. */
function packed(dir) {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const [info] = JSON.parse(out.toString());
  return info;
}

const n8nFiles = () => [
  path.join(N8N_DIST, 'nodes', 'Aikynetix', 'Aikynetix.node.js'),
  path.join(N8N_DIST, 'nodes', 'AikynetixTrigger', 'AikynetixTrigger.node.js'),
  path.join(N8N_DIST, 'credentials', 'AikynetixApi.credentials.js'),
];

/** Cold start (require in a fresh node) and published artifact size of each package. */
export async function coldStartBench({ log = console.error } = {}) {
  const resolveIn = (pkg, name) => {
    try {
      return [requireFrom(pkg).resolve(name)];
    } catch {
      return [path.join(at(pkg), 'node_modules', name, 'missing')];
    }
  };
  // Hosts: what n8n and Zapier's runtime have loaded before our code (our packages' net cost is above them).
  const targets = [
    { name: 'bare node (baseline)', files: [] },
    { name: 'node + n8n-workflow (host baseline: loaded in every n8n)', files: resolveIn('n8n-nodes', 'n8n-workflow'), baseline: true },
    { name: 'node + zapier-platform-core (host baseline: Zapier runtime)', files: resolveIn('zapier-app', 'zapier-platform-core'), baseline: true },
    { name: '@aikynetix/core (dist/index.js)', files: [CORE_DIST], dir: at('packages', 'core'), host: 'bare node (baseline)' },
    { name: 'n8n-nodes-aikynetix (both nodes + credentials)', files: n8nFiles(), dir: at('n8n-nodes'), host: 'node + n8n-workflow (host baseline: loaded in every n8n)' },
    { name: 'Zapier app (index.js)', files: [ZAPIER_INDEX], dir: at('zapier-app'), host: 'node + zapier-platform-core (host baseline: Zapier runtime)' },
  ];
  const rows = [];
  const measured = new Map();
  for (const t of targets) {
    log(`cold start: ${t.name}...`);
    let ms = '';
    let net = '';
    let size = '-';
    try {
      const missing = t.files.find((f) => !existsSync(f));
      if (missing) throw new Error(`not built (${path.relative(at(), missing)} missing)`);
      const value = coldMs(t.files.map((f) => `require(${JSON.stringify(f)});`).join(''));
      measured.set(t.name, value);
      ms = fmt(value, 0);
      const host = t.host ?? (t.files.length ? 'bare node (baseline)' : undefined);
      net = host && measured.has(host) ? `${fmt(value - measured.get(host), 0)} (over ${host.split(' (')[0]})` : '0';
    } catch (err) {
      ms = `not run: ${err.message.slice(0, 160)}`;
    }
    try {
      if (t.dir) {
        const p = packed(t.dir);
        size = [`${fmt(p.size / 1000, 1)} KB packed`, `${fmt(p.unpackedSize / 1000, 1)} KB unpacked`, `${p.entryCount} files`].join(', ');
      }
    } catch (err) {
      size = `not run: ${String(err.message).split('\n')[0].slice(0, 120)}`;
    }
    rows.push([t.name, ms, net, size]);
  }
  return [
    '## Cold start and size',
    '',
    `Cold start: wall time of \`node -e "require(...)"\` in a fresh process, median of ${RUNS}; "net" subtracts the start-up of what the host has loaded anyway (bare node; n8n-workflow for the n8n nodes; zapier-platform-core for the Zapier app). Size: \`npm pack --dry-run --json\` of the package folder (what \`npm publish\` would upload). The Zapier app is uploaded with \`zapier push\` instead, which zips the same files plus production node_modules; the packed size here is the app's own code.`,
    '',
    table(['artifact', 'cold start (ms)', 'net (ms)', 'published size'], rows),
  ].join('\n');
}
