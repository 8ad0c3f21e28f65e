import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where install-n8n.mjs put the pinned n8n and its Node 24. */
export interface N8nInstall {
  dir: string;
  node: string;
  n8n: string;
}

const INSTALL_SCRIPT = path.join(__dirname, 'install-n8n.mjs');

/** Runs the installer (a no-op when the cache is complete) and returns the install's paths. */
export function ensureN8n(timeoutMs: number): Promise<N8nInstall> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [INSTALL_SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`install-n8n.mjs failed (exit ${code})`));
      resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as N8nInstall);
    });
  });
}

/** The result of one n8n CLI command. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A scratch n8n instance: its own user folder (sqlite database, settings) and environment. */
export class N8nCli {
  readonly userFolder: string;
  readonly env: NodeJS.ProcessEnv;

  constructor(
    private readonly install: N8nInstall,
    extra: { customExtensions: string; filesFolder: string },
  ) {
    this.userFolder = mkdtempSync(path.join(tmpdir(), 'aikynetix-n8n-e2e-'));
    this.env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      N8N_USER_FOLDER: this.userFolder,
      N8N_CUSTOM_EXTENSIONS: extra.customExtensions,
      N8N_RESTRICT_FILE_ACCESS_TO: extra.filesFolder,
      N8N_ENCRYPTION_KEY: 'aikynetix-e2e-encryption-key',
      N8N_DIAGNOSTICS_ENABLED: 'false',
      N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
      N8N_TEMPLATES_ENABLED: 'false',
      N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
      N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
      N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
      N8N_RUNNERS_ENABLED: 'false',
      N8N_LOG_LEVEL: process.env.AIKYNETIX_E2E_N8N_LOG_LEVEL ?? 'info',
      DB_TYPE: 'sqlite',
      NODE_OPTIONS: '--max-old-space-size=2048',
    };
  }

  /** Runs `n8n <args>` with this instance's environment. */
  run(args: string[], timeoutMs = 180_000): Promise<CliResult> {
    return new Promise((resolve) => {
      execFile(
        this.install.node,
        [this.install.n8n, ...args],
        { env: this.env, cwd: this.userFolder, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error ? ((error as { code?: number }).code ?? 1) : 0;
          resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr });
        },
      );
    });
  }
}
