// The peer of the n8n node: what an n8n user who doesn't install us does — n8n's own HTTP Request
// node posting the video as multipart/form-data from a binary field — beside the AIKYNETIX node,
// in the same real n8n (the pinned install of test/e2e-n8n), the same file, the same simulator.
// Each run is one `n8n execute` (Manual Trigger -> Read/Write Files from Disk -> upload node),
// binary data in filesystem mode. "node s" is the upload node's own executionTime; n8n's memory
// growth is the n8n process's peak RSS with the video minus its peak RSS running the same workflow
// with a 1 MiB file (n8n's own start-up and the workflow's other nodes cancel out).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureN8n } from '../../../test/e2e-n8n/install-n8n.mjs';
import { runMeasured } from '../lib/child.mjs';
import { N8N_DIST } from '../lib/paths.mjs';
import { startSimProcess } from '../lib/sim.mjs';
import { sparseVideo } from './sparse.mjs';

const mib = (b) => b / 2 ** 20;

function workflow(id, upload, videoPath) {
  const node = (name, type, typeVersion, parameters, x, extra = {}) => ({ id: `${id}-${name}`, name, type, typeVersion, position: [x, 0], parameters, ...extra });
  return {
    id,
    name: `bench ${id}`,
    active: false,
    nodes: [
      node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, 0),
      node('Read Video', 'n8n-nodes-base.readWriteFile', 1, { operation: 'read', fileSelector: videoPath, options: {} }, 200),
      { ...upload, id: `${id}-Upload`, name: 'Upload', position: [400, 0] },
    ],
    connections: {
      Start: { main: [[{ node: 'Read Video', type: 'main', index: 0 }]] },
      'Read Video': { main: [[{ node: 'Upload', type: 'main', index: 0 }]] },
    },
  };
}

/** The two upload nodes compared: ours, and n8n's HTTP Request as a user would configure it. */
function uploadNodes(sim, credential) {
  return {
    'AIKYNETIX node (Upload Video)': {
      type: 'CUSTOM.aikynetix',
      typeVersion: 1,
      parameters: { resource: 'running', operation: 'upload', userId: 'bench-runner', binaryPropertyName: 'data', options: { sessionName: 'bench (n8n node)' } },
      credentials: { aikynetixApi: credential },
    },
    "n8n's HTTP Request node (multipart, binary field)": {
      type: 'n8n-nodes-base.httpRequest',
      typeVersion: 4.2,
      parameters: {
        method: 'POST',
        url: `${sim.url}/running/sessions/`,
        sendHeaders: true,
        headerParameters: { parameters: [{ name: 'Authorization', value: `API-KEY ${sim.apiKey}` }] },
        sendBody: true,
        contentType: 'multipart-form-data',
        bodyParameters: {
          parameters: [
            { parameterType: 'formData', name: 'user_id', value: 'bench-runner' },
            { parameterType: 'formData', name: 'session_name', value: 'bench (HTTP Request)' },
            { parameterType: 'formBinaryData', name: 'video', inputDataFieldName: 'data' },
          ],
        },
        options: {},
      },
    },
  };
}

async function n8nRun(install, env, args, timeoutMs) {
  return await runMeasured(install.node, [install.n8n, ...args], { env, cwd: env.N8N_USER_FOLDER, timeoutMs });
}

/** Runs the peer comparison; returns markdown (a table) for docs/benchmarks.md. */
export async function n8nPeerBench({ sizesGiB = [1], reps = 1, log = () => {} } = {}) {
  const install = await ensureN8n();
  const apiKey = `sk_bench_${randomBytes(8).toString('hex')}`;
  const sim = await startSimProcess({ apiKey });
  const userFolder = mkdtempSync(path.join(tmpdir(), 'aikynetix-bench-n8n-peer-'));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    N8N_USER_FOLDER: userFolder,
    N8N_CUSTOM_EXTENSIONS: N8N_DIST,
    N8N_RESTRICT_FILE_ACCESS_TO: tmpdir(),
    N8N_ENCRYPTION_KEY: 'aikynetix-bench',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
    N8N_RUNNERS_ENABLED: 'false',
    N8N_LOG_LEVEL: 'info', // `execute --rawOutput` prints the run through the info log
    DB_TYPE: 'sqlite',
    NODE_OPTIONS: '--max-old-space-size=4096',
  };
  const rows = [];
  try {
    const credential = { id: 'benchcred0000001', name: 'AIKYNETIX (bench)' };
    const credFile = path.join(userFolder, 'cred.json');
    writeFileSync(credFile, JSON.stringify([{ ...credential, type: 'aikynetixApi', data: { apiKey, authStyle: 'authorizationApiKey', baseUrl: sim.url } }]));
    const imported = await n8nRun(install, env, ['import:credentials', `--input=${credFile}`], 300_000);
    rmSync(credFile);
    if (imported.code !== 0) throw new Error(`import:credentials failed: ${imported.stderr.slice(-800)}`);

    const nodes = uploadNodes(sim, credential);
    let n = 0;
    const once = async (name, bytes) => {
      const video = sparseVideo(bytes);
      try {
        const id = `benchpeer${String(++n).padStart(7, '0')}`;
        const file = path.join(userFolder, `${id}.json`);
        writeFileSync(file, JSON.stringify([workflow(id, nodes[name], video.file)]));
        const imp = await n8nRun(install, env, ['import:workflow', `--input=${file}`], 300_000);
        if (imp.code !== 0) throw new Error(`import:workflow failed: ${imp.stderr.slice(-800)}`);
        const r = await n8nRun(install, env, ['execute', `--id=${id}`, '--rawOutput'], 60 * 60_000);
        let run;
        try {
          run = JSON.parse(r.stdout.slice(r.stdout.search(/^\{/m)));
        } catch {
          throw new Error(`n8n execute printed no run JSON (exit ${r.code}):\n${r.stdout.slice(-1500)}\n${r.stderr.slice(-1500)}`);
        }
        const error = run.data?.resultData?.error;
        if (error) throw new Error(`${name}: ${error.message} ${error.description ?? ''}`);
        const [upload] = run.data.resultData.runData.Upload;
        return { ms: upload.executionTime, peakRss: r.peakRss, status: upload.data.main[0][0].json.session_id ? 'session created' : 'no session id' };
      } finally {
        video.remove();
      }
    };
    for (const gib of sizesGiB) {
      for (const name of Object.keys(nodes)) {
        let best;
        let small = 0;
        for (let i = 0; i < reps; i++) {
          log(`n8n peer: ${name}, ${gib} GiB, run ${i + 1}/${reps}`);
          small = Math.max(small, (await once(name, 2 ** 20)).peakRss);
          const r = await once(name, Math.round(gib * 2 ** 30));
          best = !best || r.ms < best.ms ? { ...r, peakRss: Math.max(r.peakRss, best?.peakRss ?? 0) } : { ...best, peakRss: Math.max(r.peakRss, best.peakRss) };
        }
        const seconds = best.ms / 1000;
        rows.push(
          `| ${gib} GiB | ${name} | ${seconds.toFixed(2)} | ${((gib * 1024) / seconds).toFixed(0)} | ${mib(best.peakRss).toFixed(0)} | ${mib(small).toFixed(0)} | ${mib(best.peakRss - small).toFixed(0)} | ${best.status} |`,
        );
      }
    }
  } finally {
    await sim.close();
    rmSync(userFolder, { recursive: true, force: true });
  }
  return [
    `### n8n: the AIKYNETIX node and its peer, n8n's HTTP Request node (real n8n ${install.dir.split('n8n-').pop()})`,
    '',
    "An n8n user who doesn't install us uploads with n8n's own HTTP Request node (multipart/form-data, the video from a binary field). Both run in the same real n8n (`n8n execute`, binary data in filesystem mode, Read/Write Files from Disk before the upload), on the same sparse file, against the same simulator. \"node s\" is the upload node's own execution time; \"n8n growth\" is the n8n process's peak RSS with the video minus its peak running the same workflow with a 1 MiB file.",
    '',
    '| size | upload node | node s | MB/s | n8n peak RSS (MiB) | same workflow, 1 MiB file (MiB) | n8n growth (MiB) | result |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const sizesGiB = (process.env.AIKYNETIX_BENCH_SIZES_GIB ?? '1').split(',').map(Number);
  n8nPeerBench({ sizesGiB, reps: Number(process.env.AIKYNETIX_BENCH_REPS ?? '1'), log: (m) => process.stderr.write(`${m}\n`) }).then(
    (md) => process.stdout.write(`${md}\n`),
    (e) => {
      process.stderr.write(`${e.stack ?? e}\n`);
      process.exit(1);
    },
  );
}
