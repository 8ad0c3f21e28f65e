#!/usr/bin/env node
// n8n playground: a real n8n (the pinned version the end-to-end tests use) with this repo's
// n8n-nodes-aikynetix loaded, a simulator running beside it, an "AIKYNETIX (simulator)" credential
// and the example workflows imported. Open the printed URL and try the nodes. Ctrl-C stops both.
//   pnpm playground            (builds first; or: node scripts/n8n-playground.mjs after a build)
//   --port 5678                n8n's port (the simulator takes a free one)
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureN8n } from '../test/e2e-n8n/install-n8n.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 5678;
const dist = join(root, 'n8n-nodes', 'dist');
if (!existsSync(join(dist, 'nodes', 'Aikynetix', 'Aikynetix.node.js'))) {
  console.error('n8n-nodes/dist is missing: run `pnpm playground` (it builds first) or `pnpm build`.');
  process.exit(2);
}

const home = join(root, '.cache', 'n8n-playground');
const files = join(home, 'files');
const userFolder = join(home, 'n8n');
mkdirSync(files, { recursive: true });
copyFileSync(join(root, 'shared', 'fixtures', 'sample-run.mp4'), join(files, 'sample-run.mp4'));

console.log('Preparing n8n (the first run installs it: about 5 minutes)...');
const install = await ensureN8n();
const { start } = require(join(root, 'packages/simulator/dist/index.js'));
const sim = await start({ port: 0, dataDir: join(home, 'simulator') });

const env = {
  ...process.env,
  N8N_USER_FOLDER: userFolder,
  N8N_CUSTOM_EXTENSIONS: dist,
  N8N_RESTRICT_FILE_ACCESS_TO: files,
  N8N_PORT: String(port),
  N8N_ENCRYPTION_KEY: 'aikynetix-playground-key',
  N8N_DIAGNOSTICS_ENABLED: 'false',
  N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
  N8N_TEMPLATES_ENABLED: 'false',
  N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
  N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
  N8N_SECURE_COOKIE: 'false',
  DB_TYPE: 'sqlite',
};
const n8n = (args) => execFileSync(install.node, [install.n8n, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });

// The credential (the simulator's admin key) and the examples, pointed at this machine's files.
const credential = { id: 'aikynetixPlayground', name: 'AIKYNETIX (simulator)' };
const credFile = join(home, 'credentials.json');
writeFileSync(credFile, JSON.stringify([{ ...credential, type: 'aikynetixApi', data: { apiKey: sim.apiKey, authStyle: 'authorizationApiKey', baseUrl: sim.url } }]));
n8n(['import:credentials', `--input=${credFile}`]);
rmSync(credFile);
const examples = join(root, 'docs', 'examples', 'n8n');
for (const file of readdirSync(examples).filter((f) => f.endsWith('.json'))) {
  const wf = JSON.parse(readFileSync(join(examples, file), 'utf8'));
  for (const node of wf.nodes) {
    node.type = node.type.replace(/^n8n-nodes-aikynetix\./, 'CUSTOM.');
    if (node.type === 'n8n-nodes-base.readWriteFile') node.parameters.fileSelector = join(files, 'sample-run.mp4');
    if (node.credentials?.aikynetixApi) node.credentials.aikynetixApi = credential;
  }
  const out = join(home, file);
  writeFileSync(out, JSON.stringify([{ ...wf, id: `aikPlay${file.replace(/\W/g, '').slice(0, 8)}` }]));
  n8n(['import:workflow', `--input=${out}`]);
}

console.log(`
  n8n:        http://localhost:${port}  (create the owner account on first visit)
  simulator:  ${sim.url}  admin key ${sim.apiKey}
  imported:   credential "${credential.name}" and ${readdirSync(examples).length} example workflows
  sample:     ${join(files, 'sample-run.mp4')}
Ctrl-C stops n8n and the simulator.`);
const child = spawn(install.node, [install.n8n, 'start'], { env, stdio: 'inherit' });
const stop = async () => {
  child.kill('SIGTERM');
  await sim.close();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', async (code) => {
  await sim.close();
  process.exit(code ?? 0);
});
