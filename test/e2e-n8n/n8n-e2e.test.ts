// End to end in a real n8n 2.x: the built n8n-nodes-aikynetix package, loaded through
// N8N_CUSTOM_EXTENSIONS, runs the documented example workflow against the simulator via `n8n execute`.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { start, type Simulator } from '@aikynetix/simulator';
import { ensureN8n, N8nCli } from './n8n-cli';
import { exampleWorkflow } from './workflow';

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE_DIST = path.join(ROOT, 'n8n-nodes', 'dist');
const SAMPLE_VIDEO = path.join(ROOT, 'shared', 'fixtures', 'sample-run.mp4');
const ids = { workflowId: 'aikE2eWorkflow01', credentialId: 'aikE2eCredent01', credentialName: 'AIKYNETIX Simulator' };

/** Every file under a folder (for scanning n8n's data for the key). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The execution printed by `n8n execute --rawOutput` (log lines may precede it). */
function parseRun(stdout: string, stderr: string): any {
  const start = stdout.search(/^\{/m);
  try {
    return JSON.parse(stdout.slice(start));
  } catch {
    throw new Error(`n8n execute printed no execution JSON:\n--- stdout\n${stdout.slice(0, 4000)}\n--- stderr\n${stderr.slice(0, 4000)}`);
  }
}

/** The run data of one node from `n8n execute --rawOutput`. */
function nodeOutput(run: any, node: string): Array<Record<string, any>> {
  const runs = run.data.resultData.runData[node];
  expect(runs).toBeDefined();
  return runs[0].data.main[0].map((item: { json: Record<string, any> }) => item.json);
}

describe('n8n-nodes-aikynetix in a real n8n', () => {
  let sim: Simulator;
  let cli: N8nCli;
  let filesFolder: string;
  const apiKey = `sk_e2e_${randomBytes(12).toString('hex')}`;

  beforeAll(async () => {
    if (!existsSync(path.join(PACKAGE_DIST, 'nodes', 'Aikynetix', 'Aikynetix.node.js'))) {
      throw new Error('n8n-nodes/dist is missing: run the build first (turbo runs `build` before `test`)');
    }
    const install = await ensureN8n(25 * 60_000);
    sim = await start({ port: 0, apiKey, processingDelayMs: 1500, genAiDelayMs: 1000 });
    filesFolder = mkdtempSync(path.join(tmpdir(), 'aikynetix-n8n-files-'));
    copyFileSync(SAMPLE_VIDEO, path.join(filesFolder, 'sample-run.mp4'));
    cli = new N8nCli(install, { customExtensions: PACKAGE_DIST, filesFolder });
  }, 30 * 60_000);

  afterAll(async () => {
    await sim?.close();
    if (cli) rmSync(cli.userFolder, { recursive: true, force: true });
    if (filesFolder) rmSync(filesFolder, { recursive: true, force: true });
  });

  it('uploads a video, waits for processing, reads the gait report and writes a summary', async () => {
    const credentialFile = path.join(cli.userFolder, 'credentials.json');
    writeFileSync(
      credentialFile,
      JSON.stringify([
        {
          id: ids.credentialId,
          name: ids.credentialName,
          type: 'aikynetixApi',
          data: { apiKey, authStyle: 'authorizationApiKey', baseUrl: sim.url },
        },
      ]),
    );
    const imported = await cli.run(['import:credentials', `--input=${credentialFile}`]);
    // The plain-text key file must not outlive the import.
    rmSync(credentialFile);
    expect(imported.code).toBe(0);

    const workflowFile = path.join(cli.userFolder, 'workflow.json');
    writeFileSync(
      workflowFile,
      JSON.stringify([
        exampleWorkflow({
          id: ids.workflowId,
          typePrefix: 'CUSTOM',
          videoPath: path.join(filesFolder, 'sample-run.mp4'),
          credential: { id: ids.credentialId, name: ids.credentialName },
        }),
      ]),
    );
    const importedWorkflow = await cli.run(['import:workflow', `--input=${workflowFile}`]);
    expect(importedWorkflow.code).toBe(0);

    const executed = await cli.run(['execute', `--id=${ids.workflowId}`, '--rawOutput'], 300_000);
    if (process.env.AIKYNETIX_E2E_DEBUG_FILE) writeFileSync(process.env.AIKYNETIX_E2E_DEBUG_FILE, `${executed.stdout}\n----\n${executed.stderr}`);
    if (executed.code !== 0) throw new Error(`n8n execute failed:\n${executed.stdout}\n${executed.stderr}`);
    const run = parseRun(executed.stdout, executed.stderr);
    expect(run.status).toBe('success');

    const [uploaded] = nodeOutput(run, 'Upload Video');
    expect(uploaded.session_id).toEqual(expect.any(String));
    expect(uploaded.status).toBe('processed');

    const [gait] = nodeOutput(run, 'Get Gait Report');
    expect(gait.session_id).toBe(uploaded.session_id);
    expect(gait.left.phases.strike).toEqual(expect.objectContaining({ video_frame: expect.any(Number) }));
    expect(gait.right.angles.knee_angle.current.length).toBeGreaterThan(10);
    expect(gait.user_info.uid).toBe('athlete-e2e');

    const [summary] = nodeOutput(run, 'Generate Summary');
    expect(summary.session_id).toBe(uploaded.session_id);
    expect(summary.summary_text.final_summary).toEqual(expect.any(String));
    expect(summary.summary_text.final_summary.trim().length).toBeGreaterThan(20);
    expect(summary.summary_text.running_mechanics).toEqual(expect.any(String));

    // The simulator received the real upload with the node's fields and every byte of the video.
    const stored = sim.control.session(uploaded.session_id);
    expect(stored).toMatchObject({
      userId: 'athlete-e2e',
      title: 'E2E treadmill run',
      inclineDegree: 2,
      bodyJointAngles: ['knee', 'ankle'],
      video: { size: statSync(SAMPLE_VIDEO).size },
    });

    // The key never reaches the output, the logs, or anything n8n stored (execution data, binary files).
    expect(executed.stdout).not.toContain(apiKey);
    expect(executed.stderr).not.toContain(apiKey);
    for (const file of filesUnder(cli.userFolder)) {
      expect({ file, leaks: readFileSync(file).includes(apiKey) }).toEqual({ file, leaks: false });
    }
  }, 10 * 60_000);

  it('a rejected key fails the run with the API status and advice, and the key is stored nowhere in clear', async () => {
    const wrongKey = `wrong_${randomBytes(12).toString('hex')}`;
    const credentialFile = path.join(cli.userFolder, 'wrong-credentials.json');
    writeFileSync(
      credentialFile,
      JSON.stringify([{ id: 'aikE2eWrongKey1', name: 'Wrong key', type: 'aikynetixApi', data: { apiKey: wrongKey, baseUrl: sim.url } }]),
    );
    expect((await cli.run(['import:credentials', `--input=${credentialFile}`])).code).toBe(0);
    rmSync(credentialFile);

    const workflowFile = path.join(cli.userFolder, 'wrong-key-workflow.json');
    const credentials = { aikynetixApi: { id: 'aikE2eWrongKey1', name: 'Wrong key' } };
    writeFileSync(
      workflowFile,
      JSON.stringify([
        {
          id: 'aikE2eWrongKeyWf',
          name: 'AIKYNETIX wrong key',
          active: false,
          settings: {},
          nodes: [
            { id: 'n1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
            {
              id: 'n2',
              name: 'Find Sessions',
              type: 'CUSTOM.aikynetix',
              typeVersion: 1,
              position: [220, 0],
              parameters: { resource: 'session', operation: 'search', returnAll: false, limit: 5, filters: {} },
              credentials,
            },
          ],
          connections: { Start: { main: [[{ node: 'Find Sessions', type: 'main', index: 0 }]] } },
        },
      ]),
    );
    expect((await cli.run(['import:workflow', `--input=${workflowFile}`])).code).toBe(0);

    const executed = await cli.run(['execute', '--id=aikE2eWrongKeyWf', '--rawOutput'], 180_000);
    expect(executed.code).not.toBe(0);
    const printed = executed.stdout + executed.stderr;
    expect(printed).toMatch(/HTTP 401/);
    expect(printed).toMatch(/Check the API key in your AIKYNETIX credentials/);
    expect(printed).not.toContain(wrongKey);
    for (const file of filesUnder(cli.userFolder)) {
      expect({ file, leaks: readFileSync(file).includes(wrongKey) }).toEqual({ file, leaks: false });
    }
  }, 5 * 60_000);
});
