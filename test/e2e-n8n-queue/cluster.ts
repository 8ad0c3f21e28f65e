// n8n in queue mode as a self-hoster runs it: one main (`n8n start`: editor, API, triggers,
// webhooks) and workers (`n8n worker`), each with its own user folder, as separate hosts would
// have, sharing only PostgreSQL, Redis and the encryption key. The package is installed into
// every instance's community-nodes folder, the way `npm install n8n-nodes-aikynetix` does it.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { N8nInstall } from '../e2e-n8n/n8n-cli';
import { onTeardown } from './cleanup';
import { freePort, type Postgres, type Service } from './services';

const PACKAGE_ROOT = path.resolve(__dirname, '..', '..', 'n8n-nodes');

/** Copies the built package into `<userFolder>/.n8n/nodes/node_modules/n8n-nodes-aikynetix`. */
export function installPackage(userFolder: string): void {
  const nodesDir = path.join(userFolder, '.n8n', 'nodes');
  const target = path.join(nodesDir, 'node_modules', 'n8n-nodes-aikynetix');
  mkdirSync(target, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  // What `npm install` leaves behind: the published files and a manifest without dev fields.
  const { devDependencies: _dev, scripts: _scripts, ...published } = manifest;
  writeFileSync(path.join(target, 'package.json'), JSON.stringify(published, null, 2));
  cpSync(path.join(PACKAGE_ROOT, 'dist'), path.join(target, 'dist'), { recursive: true });
  writeFileSync(
    path.join(nodesDir, 'package.json'),
    JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { 'n8n-nodes-aikynetix': String(manifest.version) } }, null, 2),
  );
}

/** Settings every instance shares (database, queue, key) plus per-test overrides. */
export interface ClusterOptions {
  install: N8nInstall;
  root: string;
  postgres: Postgres;
  redis: Service;
  /** Extra environment for every instance (e.g. N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE). */
  env?: Record<string, string>;
  /** Files the Read/Write Files node may read. */
  filesFolder: string;
  workerConcurrency: number;
}

/** One n8n process (main or worker) with its log kept in memory. */
export class Instance {
  child?: ChildProcess;
  log = '';
  /** Peak resident memory (VmHWM) of the current process, in MiB, read from /proc. */
  peakRssMiB = 0;
  private sampler?: NodeJS.Timeout;

  constructor(
    readonly name: string,
    readonly role: 'main' | 'worker',
    readonly userFolder: string,
    readonly port: number,
    private readonly install: N8nInstall,
    private env: NodeJS.ProcessEnv,
    private readonly args: string[],
  ) {}

  /** Changes environment variables for the next start (e.g. a different binary data mode). */
  setEnv(extra: Record<string, string>): void {
    this.env = { ...this.env, ...extra };
  }

  /** Starts the process and waits until it answers its health check. */
  async start(timeoutMs = 600_000): Promise<void> {
    this.peakRssMiB = 0;
    const child = spawn(this.install.node, [this.install.n8n, ...this.args], {
      env: this.env,
      cwd: this.userFolder,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const append = (chunk: Buffer) => {
      this.log += chunk.toString();
      if (process.env.AIKYNETIX_QUEUE_E2E_VERBOSE) process.stderr.write(`[${this.name}] ${chunk}`);
    };
    child.stdout!.on('data', append);
    child.stderr!.on('data', append);
    this.sampler = setInterval(() => this.sample(), 100);
    // If the test process dies, its n8n processes must not outlive it.
    const forget = onTeardown(() => child.kill('SIGKILL'));
    child.once('exit', () => {
      clearInterval(this.sampler);
      forget();
    });
    const url = `http://127.0.0.1:${this.port}/healthz/readiness`;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${this.name} exited with ${child.exitCode} while starting:\n${this.log.slice(-4000)}`);
      try {
        const res = await fetch(url);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${this.name} not ready in ${timeoutMs / 1000} s:\n${this.log.slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  private sample(): void {
    const pid = this.child?.pid;
    if (!pid) return;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (hwm) this.peakRssMiB = Math.max(this.peakRssMiB, Number(hwm[1]) / 1024);
    } catch {
      // exited between two samples
    }
  }

  /** Current resident memory in MiB (0 when not running). */
  rssMiB(): number {
    try {
      const status = readFileSync(`/proc/${this.child?.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  }

  /** Resets the peak (VmHWM) counter of the running process, so the next peak is this phase's. */
  resetPeak(): void {
    try {
      // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux).
      writeFileSync(`/proc/${this.child?.pid}/clear_refs`, '5');
    } catch {
      // not permitted: the peak then covers the process's whole life
    }
    this.peakRssMiB = 0;
  }

  /** Stops the process: SIGTERM (n8n's graceful shutdown) or SIGKILL (a crash). Resolves on exit. */
  stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM', timeoutMs = 60_000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.once('exit', () => {
        clearTimeout(timer);
        clearInterval(this.sampler);
        resolve();
      });
      child.kill(signal);
    });
  }

  /** Execution IDs this worker ran, from its log ("Worker started execution <id>"). */
  executionsStarted(): string[] {
    return [...this.log.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]);
  }
}

function baseEnv(options: ClusterOptions, userFolder: string, brokerPort: number): NodeJS.ProcessEnv {
  const { postgres, redis } = options;
  return {
    PATH: process.env.PATH,
    HOME: userFolder,
    N8N_USER_FOLDER: userFolder,
    EXECUTIONS_MODE: 'queue',
    QUEUE_BULL_REDIS_HOST: '127.0.0.1',
    QUEUE_BULL_REDIS_PORT: String(redis.port),
    DB_TYPE: 'postgresdb',
    DB_POSTGRESDB_HOST: '127.0.0.1',
    DB_POSTGRESDB_PORT: String(postgres.port),
    DB_POSTGRESDB_DATABASE: postgres.database,
    DB_POSTGRESDB_USER: postgres.user,
    DB_POSTGRESDB_PASSWORD: postgres.password,
    N8N_ENCRYPTION_KEY: 'aikynetix-queue-e2e-encryption-key',
    N8N_RESTRICT_FILE_ACCESS_TO: options.filesFolder,
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
    N8N_SECURE_COOKIE: 'false',
    N8N_LOG_LEVEL: 'info',
    N8N_LOG_OUTPUT: 'console',
    N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '30',
    // A killed worker's job is noticed when its lock lapses (default 60 s lock, 30 s check): shorter here.
    QUEUE_WORKER_LOCK_DURATION: '10000',
    QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
    QUEUE_WORKER_STALLED_INTERVAL: '5000',
    N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
    // No Code nodes here: external mode starts no runner processes (internal mode spawns one per instance).
    N8N_RUNNERS_MODE: 'external',
    N8N_RUNNERS_AUTH_TOKEN: 'aikynetix-queue-e2e-runners',
    // The MCP server registry is fetched from api.n8n.io; tests talk to loopback only.
    N8N_DISABLED_MODULES: 'mcp-registry',
    OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
    N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
    NODE_OPTIONS: '--max-old-space-size=1536',
    // Every instance runs a task broker for its Code-node runners; on one host each needs its own port.
    N8N_RUNNERS_BROKER_PORT: String(brokerPort),
    ...options.env,
  };
}

/** The main and the workers of one queue-mode n8n. */
export class Cluster {
  readonly main: Instance;
  readonly workers: Instance[];

  private constructor(main: Instance, workers: Instance[]) {
    this.main = main;
    this.workers = workers;
  }

  /** Prepares user folders (package installed in each) and ports; nothing runs yet. */
  static async create(options: ClusterOptions, workerCount: number): Promise<Cluster> {
    const folder = (name: string) => {
      const dir = path.join(options.root, name);
      mkdirSync(dir, { recursive: true });
      installPackage(dir);
      return dir;
    };
    const mainFolder = folder('main');
    const mainPort = await freePort();
    const main = new Instance(
      'main',
      'main',
      mainFolder,
      mainPort,
      options.install,
      { ...baseEnv(options, mainFolder, await freePort()), N8N_PORT: String(mainPort), N8N_LISTEN_ADDRESS: '127.0.0.1', WEBHOOK_URL: `http://127.0.0.1:${mainPort}/` },
      ['start'],
    );
    const workers: Instance[] = [];
    for (let i = 1; i <= workerCount; i++) {
      const dir = folder(`worker${i}`);
      const port = await freePort();
      workers.push(
        new Instance(
          `worker${i}`,
          'worker',
          dir,
          port,
          options.install,
          {
            ...baseEnv(options, dir, await freePort()),
            QUEUE_HEALTH_CHECK_ACTIVE: 'true',
            QUEUE_HEALTH_CHECK_PORT: String(port),
            N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
          },
          ['worker', `--concurrency=${options.workerConcurrency}`],
        ),
      );
    }
    return new Cluster(main, workers);
  }

  /** Starts the main first (it runs the database migrations), then the workers in parallel. */
  async start(): Promise<void> {
    await this.main.start();
    await Promise.all(this.workers.map((w) => w.start()));
  }

  /** Stops everything (gracefully, then hard after a minute). */
  async stop(): Promise<void> {
    await Promise.all([...this.workers, this.main].map((i) => i.stop('SIGTERM', 45_000)));
  }

  /** Which worker started each execution (from the workers' logs). */
  workerOf(): Map<string, string> {
    const map = new Map<string, string>();
    for (const w of this.workers) for (const id of w.executionsStarted()) map.set(id, w.name);
    return map;
  }
}
