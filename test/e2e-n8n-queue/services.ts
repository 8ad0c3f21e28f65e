// Redis and PostgreSQL from Debian's packages, as n8n's queue mode needs them: installed when
// missing, started on loopback ports of our choosing with their data in a scratch folder, stopped
// afterwards. Nothing here touches a system-wide instance or its default port.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { onTeardown } from './cleanup';
import path from 'node:path';

const PG_ROOT = '/usr/lib/postgresql';

function log(message: string): void {
  process.stderr.write(`[queue-e2e] ${message}\n`);
}

function postgresBin(): string | undefined {
  if (!existsSync(PG_ROOT)) return undefined;
  // Debian installs each major version side by side; take the newest.
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(path.join(PG_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(PG_ROOT, versions[0], 'bin') : undefined;
}

function redisBin(): string | undefined {
  return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
}

const INSTALL_SCRIPT = path.join(__dirname, 'install-services.sh');

/**
 * Installs `redis-server` and `postgresql` with apt-get when either is missing (install-services.sh:
 * one `apt-get update`, one install, serialised with CI's early background run). Returns the seconds
 * this call waited (about 0 when both were already there).
 */
export function ensureDebianPackages(): number {
  const started = Date.now();
  if (!(redisBin() && postgresBin())) log('installing redis-server and postgresql with apt-get (or waiting for the run .ci/run started)');
  const r = spawnSync('sh', [INSTALL_SCRIPT], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`install-services.sh failed (exit ${r.status}): the queue-mode test needs root for apt-get, or redis-server and postgresql preinstalled`);
  if (!redisBin() || !postgresBin()) throw new Error('redis-server or postgresql still missing after apt-get install');
  return (Date.now() - started) / 1000;
}

/** A free loopback TCP port (asked from the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not become ready in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A running service and how to stop it. */
export interface Service {
  port: number;
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** redis-server on 127.0.0.1:<port>, no persistence, its working folder under `dir`. */
export async function startRedis(dir: string): Promise<Service> {
  const bin = redisBin();
  if (!bin) throw new Error('redis-server is not installed');
  const port = await freePort();
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    bin,
    ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const forget = onTeardown(() => child.kill('SIGKILL'));
  child.once('exit', () => forget());
  await waitFor(
    'redis-server',
    () => spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG',
    30_000,
  );
  return { port, stop: () => stopChild(child) };
}

/** Runs a PostgreSQL tool as the `postgres` user when we are root (PostgreSQL refuses to run as root). */
function asPostgres(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  return ['runuser', ['-u', 'postgres', '--', command, ...args]];
}

/** Credentials of the scratch database n8n uses. */
export interface Postgres extends Service {
  database: string;
  user: string;
  password: string;
  /** Runs one SQL query on n8n's database and returns psql's unaligned output. */
  query(sql: string): string;
}

/** A scratch PostgreSQL cluster in `dir` on 127.0.0.1:<port>, with a database and user for n8n. */
export async function startPostgres(dir: string): Promise<Postgres> {
  const bin = postgresBin();
  if (!bin) throw new Error('postgresql is not installed');
  const port = await freePort();
  const data = path.join(dir, 'data');
  const socketDir = path.join(dir, 'run');
  mkdirSync(data, { recursive: true });
  mkdirSync(socketDir, { recursive: true });
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    for (const p of [dir, data, socketDir]) chownSync(p, uid, gid);
    // Every scratch folder above it (mkdtemp makes them 0700) must let the postgres user through.
    for (let p = path.dirname(dir); p.startsWith(tmpdir() + path.sep); p = path.dirname(p)) {
      chmodSync(p, statSync(p).mode | 0o011);
    }
  }
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = asPostgres(path.join(bin, tool), args);
    const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`${tool} failed (exit ${r.status}): ${r.stderr || r.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const logFile = path.join(dir, 'postgres.log');
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${socketDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
  run('pg_ctl', ['-D', data, '-l', logFile, '-o', options, '-w', '-t', '60', 'start']);
  const user = 'n8n';
  const password = 'n8n-queue-e2e';
  const database = 'n8n';
  const psql = (sql: string) => {
    const r = spawnSync(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
  };
  // If the test process dies, the cluster must not outlive it.
  const stopNow = () => {
    const [c, a] = asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    spawnSync(c, a, { stdio: 'ignore', cwd: dir });
  };
  const forget = onTeardown(stopNow);
  psql(`CREATE USER ${user} WITH PASSWORD '${password}'`);
  psql(`CREATE DATABASE ${database} OWNER ${user}`);
  return {
    port,
    user,
    password,
    database,
    query: (sql: string) =>
      spawnSync(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', database, '-tAc', sql], {
        encoding: 'utf8',
        env: { ...process.env, PGPASSWORD: password },
      }).stdout.trim(),
    stop: async () => {
      forget();
      const [cmd, argv] = asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      spawnSync(cmd, argv, { stdio: 'ignore', cwd: dir });
    },
  };
}
